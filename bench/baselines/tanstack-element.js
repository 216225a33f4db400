// Baseline 2, TanStack Query: one QueryClient per page, a QueryObserver per element on the task's
// status with `refetchInterval` (2 s while pending; `refetchIntervalInBackground` keeps its
// default, false), then a second query for the results. Queries with the same key are shared and
// deduplicated by the client; observers unsubscribe in disconnectedCallback.
import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { prepare, renderGrid, renderMessage } from './grid.js';

/** @typedef {{ status: string }} StatusBody */
/** @typedef {{ images: import('./grid.js').ResultImage[] }} ResultsBody */

const client = new QueryClient();
client.mount();

/**
 * @param {string} url
 * @param {string} token
 * @param {AbortSignal} signal
 */
async function getJson(url, token, signal) {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

class TanstackTask extends HTMLElement {
  /** @type {(() => void)[]} */
  unsubscribers = [];
  resultsFollowed = false;

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
    renderMessage(base, 'Generating…');

    const status = new QueryObserver(client, {
      queryKey: ['task-status', api, taskId],
      queryFn: ({ signal }) =>
        /** @type {Promise<StatusBody>} */ (getJson(`${api}/tasks/${taskId}/status`, token, signal)),
      refetchInterval: (query) => ((query.state.data?.status ?? 'pending') === 'pending' ? interval : false),
      staleTime: (query) => ((query.state.data?.status ?? 'pending') === 'pending' ? 0 : Infinity),
    });
    /** @param {import('@tanstack/query-core').QueryObserverResult<StatusBody>} result */
    const onStatus = (result) => {
      const value = result.data?.status;
      if (value === 'completed' && !this.resultsFollowed) {
        this.resultsFollowed = true;
        this.followResults(base, api, taskId, token);
      } else if (value && value !== 'pending' && value !== 'completed') {
        renderMessage(base, 'Generation failed.');
      }
    };
    this.unsubscribers.push(status.subscribe(onStatus));
    onStatus(status.getCurrentResult());
  }

  /**
   * @param {HTMLElement} base
   * @param {string} api
   * @param {string} taskId
   * @param {string} token
   */
  followResults(base, api, taskId, token) {
    const results = new QueryObserver(client, {
      queryKey: ['task-results', api, taskId],
      queryFn: ({ signal }) =>
        /** @type {Promise<ResultsBody>} */ (getJson(`${api}/tasks/${taskId}/results`, token, signal)),
      staleTime: Infinity,
    });
    /** @param {import('@tanstack/query-core').QueryObserverResult<ResultsBody>} result */
    const onResults = (result) => {
      if (result.data) renderGrid(base, result.data.images);
    };
    this.unsubscribers.push(results.subscribe(onResults));
    onResults(results.getCurrentResult());
  }

  disconnectedCallback() {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.resultsFollowed = false;
  }
}

if (!customElements.get('tanstack-task')) customElements.define('tanstack-task', TanstackTask);
