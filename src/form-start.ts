// Zero-JS start (docs/behaviour.md, "Zero-JS start"): the page's form, named by the element's
// `form` attribute, starts a task through `start-url` when submitted; `start()` does the same from
// script. One POST of a JSON body, bounded by the request timeout on the engine's clock, whose
// answer must name a task and its token.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ENDED_STATES,
  type FollowEnvironment,
  type FollowSnapshot,
  type Pacing,
  bounded,
  isSendableTaskId,
  requestTimeout,
} from './engine/index.js';
import * as z from './adapters/schema.js';
import { readJson } from './adapters/http.js';
import { TaskApiError, toTaskError } from './errors.js';
import { pageEngine } from './page-engine.js';
import { defaultStrings } from './strings.js';
import type { TaskError, TaskState } from './types.js';

/** The element, whose task a start replaces as a page would; its pacing sets the request timeout. */
export interface StartHost extends ReactiveControllerHost, HTMLElement, Pacing {
  startUrl: string | undefined;
  taskId: string | undefined;
  publicAccessToken: string | undefined;
}

type Fields = Record<string, unknown>;

export class FormStart implements ReactiveController {
  /** What the element shows while a start runs, or after it failed; otherwise undefined. */
  declare snapshot: FollowSnapshot | undefined;
  /** The body of the last start, sent again by Retry. */
  #body: Fields | undefined;
  #run: AbortController | undefined;
  /** The submit buttons the running start disabled. */
  #disabled: HTMLButtonElement[] = [];
  /** Where the element listens for submits, while connected. */
  #root: Node | undefined;
  /** A start was running when the element left the page: it is sent again when it comes back. */
  #interrupted = false;
  readonly #host: StartHost;
  readonly #started: (taskId: string) => void;

  /**
   * `started` is called once the host follows the task a start answered with.
   */
  constructor(host: StartHost, started: (taskId: string) => void) {
    this.#host = host;
    this.#started = started;
    host.addController(this);
  }

  hostConnected(): void {
    // On the root rather than the form: a form added or replaced later is heard too.
    this.#root = this.#host.getRootNode();
    this.#root.addEventListener('submit', this, true);
    // Moved or re-rendered mid-start: the aborted request is sent again, with the same body.
    if (this.#interrupted && this.#body) void this.#send(this.#body, this.#form());
    this.#interrupted = false;
  }

  hostDisconnected(): void {
    this.#root?.removeEventListener('submit', this, true);
    this.#interrupted = this.snapshot?.state === 'pending';
    this.#run?.abort();
    this.#release();
  }

  /** A submit anywhere in the element's root: the one of its form starts a task. */
  handleEvent(event: SubmitEvent): void {
    const form = this.#form();
    if (form && event.target === form && this.#host.startUrl) {
      event.preventDefault();
      void this.#send(fields(form, event.submitter), form);
    }
  }

  /** Starts a task with `body`, or with the form's fields. */
  start(body?: Fields): void {
    const form = this.#form();
    void this.#send(body ?? (form ? fields(form) : {}), form);
  }

  /**
   * Sends the last start's body again after a failed start, or to replace a task that ended
   * `failed`, `cancelled` or `expired`; answers whether it did.
   */
  retry(state: TaskState): boolean {
    const body = (this.snapshot || (state !== 'completed' && ENDED_STATES.includes(state))) && this.#body;
    if (body) void this.#send(body, this.#form());
    return Boolean(body);
  }

  /** Abandons a start still running (back to idle: no task was started); answers whether it did. */
  cancel(): boolean {
    const running = this.snapshot?.state === 'pending';
    if (running) {
      this.#run?.abort();
      this.#release();
      this.#show(null);
    }
    return running;
  }

  #form(): HTMLFormElement | undefined {
    const id = this.#host.getAttribute('form');
    const form = id && (this.#host.getRootNode() as Document | ShadowRoot).getElementById(id);
    return form instanceof HTMLFormElement ? form : undefined;
  }

  async #send(body: Fields, form: HTMLFormElement | undefined): Promise<void> {
    this.#run?.abort();
    const run = (this.#run = new AbortController());
    this.#body = body;
    this.#release();
    this.#disabled = [...(form?.elements ?? [])].filter(
      (control): control is HTMLButtonElement =>
        (control as HTMLButtonElement).type === 'submit' && !(control as HTMLButtonElement).disabled,
    );
    for (const button of this.#disabled) button.disabled = true;
    this.#show();
    this.#follow(undefined);
    const timeout = requestTimeout(this.#host);
    try {
      const url = this.#host.startUrl;
      if (!url) throw new TaskApiError('start-failed', '');
      // A relative URL is resolved against the page by fetch itself.
      const task = await startTask(pageEngine().env, fetch, url, body, timeout, run.signal);
      this.#release();
      this.#show(null);
      this.#follow(task);
      this.#started(task.taskId);
    } catch (thrown) {
      if (run.signal.aborted) return;
      this.#release();
      // A network error's own message says nothing to a reader. The element shows its own
      // message in the page's language (`strings.startFailed`); the error keeps the English one.
      const known = thrown instanceof TaskApiError ? toTaskError(thrown) : undefined;
      this.#show({ ...known, code: 'start-failed', message: known?.message || defaultStrings.startFailed });
    }
  }

  /** Follows `task` as if the page had set it; none abandons the task followed so far. */
  #follow(task: StartedTask | undefined): void {
    this.#host.taskId = task?.taskId;
    this.#host.publicAccessToken = task?.token;
  }

  /** Shows the start running (no argument), failed (its error), or over (null). */
  #show(error?: TaskError | null): void {
    this.snapshot =
      error === null
        ? undefined
        : error
          ? { state: 'error', error, requestFailure: { error, willRetry: false }, events: [], startedAt: 0 }
          : { state: 'pending', events: [], startedAt: pageEngine().env.now() };
    this.#host.requestUpdate();
  }

  #release(): void {
    for (const button of this.#disabled) button.disabled = false;
    this.#disabled = [];
  }
}

/** A form's fields as a JSON object: text values (files are left out), a repeated name as an array. */
function fields(form: HTMLFormElement, submitter?: HTMLElement | null): Fields {
  // No prototype: a field named `__proto__` is a field like any other.
  const all = Object.create(null) as Record<string, string | string[] | undefined>;
  const data = new FormData(form);
  // The submit button's own field, as `new FormData(form, submitter)` would add it (Chrome 112+).
  const button = submitter as HTMLButtonElement | null | undefined;
  if (button?.name) data.append(button.name, button.value);
  for (const [name, value] of data) {
    if (typeof value !== 'string') continue;
    const had = all[name];
    all[name] = had === undefined ? value : [had, value].flat();
  }
  return all;
}

export interface StartedTask {
  taskId: string;
  token: string;
}

/**
 * The start endpoint's answer: the task and its token, in either spelling, or what went wrong. A
 * field of another type counts as absent.
 */
const startAnswerSchema = z.object({
  taskId: z.shownOnly(z.string()),
  task_id: z.shownOnly(z.string()),
  publicAccessToken: z.shownOnly(z.string()),
  public_access_token: z.shownOnly(z.string()),
  error: z.shownOnly(z.string()),
  message: z.shownOnly(z.string()),
});

/**
 * Posts `body` to `url` and resolves the task it answers with (`taskId`/`publicAccessToken` or
 * `task_id`/`public_access_token`). An answer that is not a success with both rejects with a
 * `start-failed` error carrying the server's message if it sent one (`{error}`, `{message}` or
 * plain text), else an empty one; a request slower than `ms` with a `network` error ("timed out");
 * one that never reached the server with what `fetcher` threw.
 */
export function startTask(
  timers: Pick<FollowEnvironment, 'setTimeout' | 'clearTimeout'>,
  fetcher: typeof fetch,
  url: string,
  body: unknown,
  ms: number,
  signal: AbortSignal,
): Promise<StartedTask> {
  return bounded(timers, ms, signal, async (bound) => {
    const response = await fetcher(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      // Cookies go only to the page's own origin; the element's token is never sent.
      credentials: 'same-origin',
      signal: bound,
    });
    // Read as JSON whatever its type says (some endpoints label their JSON `text/plain`); a
    // plain-text answer that is not is shown as it is.
    const plain = response.headers.get('Content-Type')?.startsWith('text/plain') && response.clone();
    // Not JSON (an HTML error page, a proxy's text) or not an object: no task, nor a message
    // unless it is plain text.
    // An abort needs no handling here: `bounded` has rejected already.
    const answer = await readJson(response, { signal: bound }, startAnswerSchema).catch(() => undefined);
    const taskId = answer?.taskId ?? answer?.task_id;
    const token = answer?.publicAccessToken ?? answer?.public_access_token;
    if (response.ok && taskId && isSendableTaskId(taskId) && token) return { taskId, token };
    const message = answer?.error ?? answer?.message ?? (plain ? await plain.text() : '');
    throw new TaskApiError('start-failed', message.slice(0, 300), { httpStatus: response.status });
  });
}
