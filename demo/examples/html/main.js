// The page's own script: listens for the element's events, gets a task from its server and hands
// the element the task id and token.
import { apiBase, startTask } from '../shared/mock-task.js';

/** @typedef {import('task-progress').TaskProgress} TaskProgress */

const element = /** @type {TaskProgress} */ (document.querySelector('task-progress'));
const result = /** @type {HTMLElement} */ (document.querySelector('[data-result]'));

element.addEventListener('task-complete', (event) => {
  const count = event.detail.urls.length;
  result.dataset.complete = String(count);
  result.textContent = `complete: ${count} images`;
});
element.addEventListener('task-failed', (event) => {
  result.textContent = `the task ended ${event.detail.state}`;
});

const { taskId, publicAccessToken } = await startTask();
await customElements.whenDefined('task-progress');
element.baseUrl = apiBase;
element.publicAccessToken = publicAccessToken;
element.taskId = taskId;
