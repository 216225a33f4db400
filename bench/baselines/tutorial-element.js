// Baseline 1, the tutorial loop: the status is fetched on a fixed interval (2 s) until the task is
// done, then the results are fetched once and rendered as images. As a plain custom element, it
// starts in connectedCallback and clears its interval in disconnectedCallback; a request already
// sent is left to finish, as in the tutorial, which has no AbortController.
import { prepare, renderGrid, renderMessage } from './grid.js';

class TutorialTask extends HTMLElement {
  /** @type {ReturnType<typeof setInterval> | undefined} */
  timer;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    const root = /** @type {ShadowRoot} */ (this.shadowRoot);
    const base = prepare(root);
    const taskId = this.getAttribute('task-id');
    const token = this.getAttribute('public-access-token');
    const api = this.getAttribute('base-url') ?? 'https://api.mynth.io';
    const interval = Number(this.getAttribute('interval') ?? 2000);
    if (!taskId || !token) return;
    const headers = { Authorization: `Bearer ${token}` };
    renderMessage(base, 'Generating…');

    const timer = setInterval(async () => {
      try {
        const response = await fetch(`${api}/tasks/${taskId}/status`, { headers });
        const { status } = await response.json();
        if (status === 'pending') return;
        clearInterval(timer);
        if (status !== 'completed') {
          renderMessage(base, 'Generation failed.');
          return;
        }
        const results = await (await fetch(`${api}/tasks/${taskId}/results`, { headers })).json();
        renderGrid(base, results.images);
      } catch (error) {
        console.error('Polling failed', error);
      }
    }, interval);
    this.timer = timer;
  }

  disconnectedCallback() {
    clearInterval(this.timer);
  }
}

if (!customElements.get('tutorial-task')) customElements.define('tutorial-task', TutorialTask);
