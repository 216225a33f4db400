// Resuming after a reload (docs/behaviour.md, "Resuming after a reload"): with `remember-task`, the
// task an element follows is kept in `sessionStorage` (this tab only), under a key made from the
// element's id, else its form and start-url; an element that connects with no task of its own
// follows the remembered one again, as it was followed. Storage that throws or is full is ignored.
// Loaded beside the element's module, not bundled into the self-contained file: it imports nothing.
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
  readonly #host: MemoryHost;
  readonly #followed: () => RememberedTask | undefined;

  /** `followed` tells the task the element follows now, if any. */
  constructor(host: MemoryHost, followed: () => RememberedTask | undefined) {
    this.#host = host;
    this.#followed = followed;
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
    const key = this.#key();
    // A task id the page set wins over a remembered one.
    if (!key || this.#host.taskId) return;
    try {
      const task = JSON.parse(sessionStorage.getItem(key) ?? 'null') as RememberedTask | null;
      // Written by this page's scripts too: each field is checked before it is followed.
      const fields = [task?.taskId, task?.provider, task?.baseUrl, task?.token ?? ''];
      if (!task || !fields.every((field) => typeof field === 'string') || !Number.isFinite(task.startedAt))
        return;
      this.resumed = task;
      this.#host.taskId = task.taskId;
      this.#host.publicAccessToken ||= task.token;
    } catch {
      // Storage refused, or not JSON: nothing to follow on.
    }
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
