// Registers <task-progress>. Safe to import more than once, and beside task-progress.min.js.
import { TaskProgress } from './task-progress.js';

export * from './index.js';

if (!customElements.get('task-progress')) customElements.define('task-progress', TaskProgress);

declare global {
  interface HTMLElementTagNameMap {
    'task-progress': TaskProgress;
  }
}
