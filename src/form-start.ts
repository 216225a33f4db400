// Zero-JS start (docs/behaviour.md, "Zero-JS start"): the page's form, named by the element's
// `form` attribute, starts a task through `start-url` when submitted; `start()` does the same from
// script. One POST of a JSON body, bounded by the request timeout on the engine's clock, whose
// answer must name a task and its token. A module of its own, loaded beside the element's by
// ./start-loader.ts, which hears the submits and shows the start: it imports nothing at run time
// (what it needs of the element's file comes in `StartKit`), so it works wherever it is served from.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FollowEnvironment, FollowSnapshot, Pacing } from './engine/index.js';
import type { StartKit } from './start-loader.js';
import type { TaskState } from './types.js';

/** The element, whose task a start replaces as a page would; its pacing sets the request timeout. */
export interface StartHost extends ReactiveControllerHost, HTMLElement, Pacing {
  startUrl: string | undefined;
  taskId: string | undefined;
  publicAccessToken: string | undefined;
}

/** The element's side of the start, in its own file: the form, and what the element shows. */
export interface StartSide {
  readonly host: StartHost;
  /** What the element shows while a start runs, or after it failed; otherwise undefined. */
  readonly snapshot: FollowSnapshot | undefined;
  form(): HTMLFormElement | undefined;
  /** Shows the start running, or over (back to the task followed, if any). */
  show(state: 'pending' | 'idle'): void;
  /** Shows the start failed with what was thrown. */
  failed(thrown: unknown): void;
  /** The host follows the task a start answered with. */
  started(taskId: string): void;
}

type Fields = Record<string, unknown>;

export class FormStart implements ReactiveController {
  /** The body of the last start, sent again by Retry. */
  #body: Fields | undefined;
  #run: AbortController | undefined;
  /** The submit buttons the running start disabled. */
  #disabled: HTMLButtonElement[] = [];
  /** A start was running when the element left the page: it is sent again when it comes back. */
  #interrupted = false;
  readonly #side: StartSide;
  readonly #kit: StartKit;

  constructor(side: StartSide, kit: StartKit) {
    this.#side = side;
    this.#kit = kit;
    side.host.addController(this);
  }

  hostConnected(): void {
    // Moved or re-rendered mid-start: the aborted request is sent again, with the same body.
    if (this.#interrupted && this.#body) void this.#send(this.#body, this.#side.form());
    this.#interrupted = false;
  }

  hostDisconnected(): void {
    this.#interrupted = this.#side.snapshot?.state === 'pending';
    this.#run?.abort();
    this.#release();
  }

  /** Starts a task with the fields of a submit of the element's form (`data` as it was then). */
  submit(data: FormData, submitter: HTMLElement | null): void {
    void this.#send(fields(data, submitter), this.#side.form());
  }

  /** Starts a task with `body`, or with the form's fields. */
  start(body?: Fields): void {
    const form = this.#side.form();
    void this.#send(body ?? (form ? fields(new FormData(form)) : {}), form);
  }

  /**
   * Sends the last start's body again after a failed start, or to replace a task that ended
   * `failed`, `cancelled` or `expired`; answers whether it did.
   */
  retry(state: TaskState): boolean {
    const ended = state !== 'completed' && this.#kit.ENDED_STATES.includes(state);
    const body = (this.#side.snapshot || ended) && this.#body;
    if (body) void this.#send(body, this.#side.form());
    return Boolean(body);
  }

  /** Abandons a start still running (back to idle: no task was started); answers whether it did. */
  cancel(): boolean {
    const running = this.#side.snapshot?.state === 'pending';
    if (running) {
      this.#run?.abort();
      this.#release();
      this.#side.show('idle');
    }
    return running;
  }

  async #send(body: Fields, form: HTMLFormElement | undefined): Promise<void> {
    this.#run?.abort();
    const run = (this.#run = new AbortController());
    const { host } = this.#side;
    this.#body = body;
    this.#release();
    this.#disabled = [...(form?.elements ?? [])].filter(
      (control): control is HTMLButtonElement =>
        (control as HTMLButtonElement).type === 'submit' && !(control as HTMLButtonElement).disabled,
    );
    for (const button of this.#disabled) button.disabled = true;
    this.#side.show('pending');
    this.#follow(undefined);
    const timeout = this.#kit.requestTimeout(host);
    try {
      const url = host.startUrl;
      if (!url) throw new this.#kit.TaskApiError('start-failed', '');
      // A relative URL is resolved against the page by fetch itself.
      const task = await startTask(
        this.#kit,
        this.#kit.pageEngine().env,
        fetch,
        url,
        body,
        timeout,
        run.signal,
      );
      this.#release();
      this.#side.show('idle');
      this.#follow(task);
      this.#side.started(task.taskId);
    } catch (thrown) {
      if (run.signal.aborted) return;
      this.#release();
      this.#side.failed(thrown);
    }
  }

  /** Follows `task` as if the page had set it; none abandons the task followed so far. */
  #follow(task: StartedTask | undefined): void {
    this.#side.host.taskId = task?.taskId;
    this.#side.host.publicAccessToken = task?.token;
  }

  #release(): void {
    for (const button of this.#disabled) button.disabled = false;
    this.#disabled = [];
  }
}

/**
 * A form's fields (`data`) as a JSON object: text values (files are left out), a repeated name as
 * an array.
 */
function fields(data: FormData, submitter?: HTMLElement | null): Fields {
  // No prototype: a field named `__proto__` is a field like any other.
  const all = Object.create(null) as Record<string, string | string[] | undefined>;
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
const startAnswerSchema = ({ object, shownOnly, string }: StartKit['schema']) =>
  object({
    taskId: shownOnly(string()),
    task_id: shownOnly(string()),
    publicAccessToken: shownOnly(string()),
    public_access_token: shownOnly(string()),
    error: shownOnly(string()),
    message: shownOnly(string()),
  });

/**
 * Posts `body` to `url` and resolves the task it answers with (`taskId`/`publicAccessToken` or
 * `task_id`/`public_access_token`). An answer that is not a success with both rejects with a
 * `start-failed` error carrying the server's message if it sent one (`{error}`, `{message}` or
 * plain text), else an empty one; a request slower than `ms` with a `network` error ("timed out");
 * one that never reached the server with what `fetcher` threw.
 */
export function startTask(
  kit: StartKit,
  timers: Pick<FollowEnvironment, 'setTimeout' | 'clearTimeout'>,
  fetcher: typeof fetch,
  url: string,
  body: unknown,
  ms: number,
  signal: AbortSignal,
): Promise<StartedTask> {
  return kit.bounded(timers, ms, signal, async (bound) => {
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
    const answer = await kit
      .readJson(response, { signal: bound }, startAnswerSchema(kit.schema))
      .catch(() => undefined);
    const taskId = answer?.taskId ?? answer?.task_id;
    const token = answer?.publicAccessToken ?? answer?.public_access_token;
    if (response.ok && taskId && kit.isSendableTaskId(taskId) && token) return { taskId, token };
    const message = answer?.error ?? answer?.message ?? (plain ? await plain.text() : '');
    throw new kit.TaskApiError('start-failed', message.slice(0, 300), { httpStatus: response.status });
  });
}
