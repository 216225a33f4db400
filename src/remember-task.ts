// Resuming after a reload (docs/behaviour.md, "Resuming after a reload"): with `remember-task`, the
// task an element follows is kept in `sessionStorage` (this tab only), under a key made from the
// element's id, else its form and start-url. It is written here, in the element's own file, the
// moment the task is known: no module loaded on first need stands between a started task and its
// memory. Reading it back, on connect, waits for `task-memory.js`. Storage that throws is ignored.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What is kept of a task: nothing else. */
export interface RememberedTask {
  taskId: string;
  token?: string;
  provider: string;
  /** The API origin it was followed at. */
  baseUrl: string;
  /** When following it began, on the page's clock. */
  startedAt: number;
}

export interface MemoryHost extends ReactiveControllerHost, HTMLElement {
  rememberTask: boolean;
  startUrl: string | undefined;
  taskId: string | undefined;
  publicAccessToken: string | undefined;
}

export class TaskMemory implements ReactiveController {
  /** The task read back on connect; the element follows it as it was followed while its id is the same. */
  declare resumed: RememberedTask | undefined;
  /** What was last written, so that an update that changes nothing writes nothing. */
  #written = '';
  /** Read back in the first update after a connect that has a key (its options are set by then). */
  #toRead = false;
  readonly #host: MemoryHost;
  readonly #followed: () => RememberedTask | undefined;
  readonly #baseUrl: () => string;

  /**
   * `followed` tells the task the element follows now, if any; `baseUrl` the API origin of the
   * element's own options, the only one a remembered task is followed at.
   */
  constructor(host: MemoryHost, followed: () => RememberedTask | undefined, baseUrl: () => string) {
    this.#host = host;
    this.#followed = followed;
    this.#baseUrl = baseUrl;
    host.addController(this);
  }

  /** The storage key; none without `remember-task` or without an id, a form or a start-url to name it by. */
  #key(): string | undefined {
    const { id, rememberTask, startUrl } = this.#host;
    const form = this.#host.getAttribute('form');
    return rememberTask && (id || form || startUrl)
      ? `task-progress:task:${JSON.stringify(id ? [id] : [form, startUrl])}`
      : undefined;
  }

  hostConnected(): void {
    this.#toRead = true;
  }

  hostUpdate(): void {
    const key = this.#toRead && this.#key();
    if (!key) return;
    this.#toRead = false;
    // A task id the page set wins over a remembered one.
    if (this.#host.taskId) return;
    void import('./task-memory.js').then(
      ({ recall }) => {
        const task = recall(key, this.#baseUrl());
        if (!task || this.#host.taskId) return;
        this.resumed = task;
        this.#host.taskId = task.taskId;
        this.#host.publicAccessToken ||= task.token;
      },
      () => undefined,
    );
  }

  hostUpdated(): void {
    const key = this.#key();
    const text = key && JSON.stringify(this.#followed());
    if (!text || text === this.#written) return;
    this.#written = text;
    try {
      sessionStorage.setItem(key, text);
    } catch {
      // Full or disabled: the task is only not kept across a reload.
    }
  }
}
