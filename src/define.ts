import { TaskProgress } from './task-progress.js';

export { TaskProgress };

if (!customElements.get('task-progress')) customElements.define('task-progress', TaskProgress);

declare global {
  interface HTMLElementTagNameMap {
    'task-progress': TaskProgress;
  }
}
