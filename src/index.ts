export { TaskProgress } from './task-progress.js';
