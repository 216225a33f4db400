import { LitElement, type PropertyValues, html, nothing } from 'lit';
import { type Shown, announcements } from './announcements.js';
import { requestTimeout } from './engine/pacing.js';
import { TaskCancelEvent, TaskImageClickEvent, TaskRetryEvent, TaskStartEvent } from './events.js';
import { FollowController } from './follow-controller.js';
import { FormStart } from './form-start.js';
import { followTarget } from './options.js';
import { parseRatio, pendingView } from './pending-view.js';
import {
  type TaskProgressStrings,
  type TaskProgressStringsOverride,
  errorHint,
  mergedStrings,
} from './strings.js';
import { styles } from './task-progress.styles.js';
import type { TaskAdapter, TaskError, TaskImage, TaskState } from './types.js';
import { problemView, resultsView } from './views.js';

/**
 * The default of every option that has one: set by the constructor, taken by a number that does
 * not parse, and written to the manifest (see custom-elements-manifest.config.mjs).
 */
const defaults = {
  provider: 'mynth',
  pollInterval: 2000,
  maxPollInterval: 5000,
  timeout: 1_800_000,
  maxRetries: 5,
  pollWhenHidden: false,
  cancelable: false,
  showEvents: false,
  alt: 'Generated image',
  durationKey: '',
  rememberDurations: false,
  expectedAspectRatio: '1',
};

/**
 * Follows an async image or video generation task and shows its results: a loading state while
 * it runs, then the image grid, or retry guidance when it fails. Every event is a `CustomEvent`
 * that bubbles and is composed; the type given for it is that of its `detail`.
 *
 * @summary Follows a generation task from the browser and shows its images.
 *
 * @attr {string} form - The id of the `<form>` whose submit starts a task through `start-url`.
 * @attr {string} state - Reflects the read-only `state` property; style states with `task-progress[state='failed']`.
 *
 * @fires {TaskStateChangeDetail} task-state-change - `state` changed: `{taskId, state, previousState, status}`.
 * @fires {TaskCompleteDetail} task-complete - The results are rendered: `{taskId, images, urls}`.
 * @fires {TaskFailedDetail} task-failed - The task ended `failed`, `cancelled` or `expired`: `{taskId, state, error}`.
 * @fires {TaskErrorDetail} task-error - A request failed, or following stopped: `{taskId, error, willRetry}`.
 * @fires {TaskRetryDetail} task-retry - Retry was pressed or `retry()` called; cancelable: `{taskId, state}`.
 * @fires {TaskCancelDetail} task-cancel - Cancel was pressed or `cancel()` called; cancelable: `{taskId}`.
 * @fires {TaskImageClickDetail} task-image-click - An image tile was activated; cancelable (prevents opening it): `{taskId, image, index}`.
 * @fires {TaskEventRecord} task-event - mindproxy with `show-events`: a new task event, as the API sent it.
 * @fires {TaskStartDetail} task-start - `start-url` answered with a task, which the element now follows: `{taskId}`.
 *
 * @slot pending - Replaces the progress bar, phase and elapsed time while pending.
 * @slot failed - Replaces the message and Retry button when the task failed, was cancelled or expired.
 * @slot error - Replaces the message and Retry button when the element cannot follow the task.
 * @slot empty - Replaces the message shown when a task completed without images.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region that announces state changes.
 * @csspart progress - The progress bar (`role="progressbar"`): determinate with an estimate, else indeterminate.
 * @csspart phase - The current phase while pending.
 * @csspart elapsed - The time since following started.
 * @csspart eta - The time left with an estimate ("About 12 s left"), or "Taking longer than usual".
 * @csspart retry-status - While a retry is scheduled: the problem and a countdown.
 * @csspart placeholder - A tile reserved while pending (`expected-count`), at `expected-aspect-ratio`.
 * @csspart grid - The list of result tiles.
 * @csspart tile - One result tile.
 * @csspart image - A result image.
 * @csspart video - A result video.
 * @csspart image-failed - A tile whose image failed; also has part `tile`.
 * @csspart message - The heading of the failed, error and empty states.
 * @csspart error - The error text.
 * @csspart retry-button - The Retry button.
 * @csspart cancel-button - The Cancel button.
 * @csspart events - The task's events (mindproxy `show-events`).
 *
 * @cssprop [--task-progress-min-tile=10rem] - The smallest width of a grid tile.
 * @cssprop [--task-progress-gap=0.5rem] - The space between tiles and blocks.
 * @cssprop [--task-progress-radius=0.5rem] - The corner radius of tiles and buttons.
 * @cssprop [--task-progress-accent=#4338ca] - The progress bar and button color.
 * @cssprop [--task-progress-fg=currentColor] - The text color.
 * @cssprop [--task-progress-bg=transparent] - The background.
 * @cssprop [--task-progress-muted=color-mix(in srgb, currentColor 72%, transparent)] - Secondary text.
 */
export class TaskProgress extends LitElement {
  static override styles = styles;

  static override properties = {
    taskId: { attribute: 'task-id' },
    publicAccessToken: { attribute: 'public-access-token' },
    provider: {},
    baseUrl: { attribute: 'base-url' },
    pollInterval: { attribute: 'poll-interval', type: Number },
    maxPollInterval: { attribute: 'max-poll-interval', type: Number },
    timeout: { type: Number },
    maxRetries: { attribute: 'max-retries', type: Number },
    pollWhenHidden: { attribute: 'poll-when-hidden', type: Boolean },
    cancelable: { type: Boolean },
    showEvents: { attribute: 'show-events', type: Boolean },
    alt: {},
    startUrl: { attribute: 'start-url' },
    expectedDuration: { attribute: 'expected-duration', type: Number },
    durationKey: { attribute: 'duration-key' },
    rememberDurations: { attribute: 'remember-durations', type: Boolean },
    expectedCount: { attribute: 'expected-count', type: Number },
    expectedAspectRatio: { attribute: 'expected-aspect-ratio' },
    adapter: { attribute: false },
    tokenProvider: { attribute: false },
    strings: { attribute: false },
  };

  /** The task to follow; changing it aborts everything in flight for the old id and starts over. */
  declare taskId: string | undefined;
  /** The bearer token of the task. Never reflected, logged, put in a URL or in an event. */
  declare publicAccessToken: string | undefined;
  /** The API dialect: `mynth` or `mindproxy`. Unknown values fall back to `mynth`. */
  declare provider: string;
  /** The API origin (the app's own proxy, a mock); the provider's own by default. */
  declare baseUrl: string | undefined;
  /** First delay between status polls, in ms; values under 50 are raised to 50. */
  declare pollInterval: number;
  /** The longest delay between polls and between retries, in ms (the gateway's docs advise 2–5 s). */
  declare maxPollInterval: number;
  /** The longest the element follows one task, in ms; then state `error` (`timeout`). 0 or `Infinity`: no limit. */
  declare timeout: number;
  /** Failed requests in a row before giving up with state `error`. */
  declare maxRetries: number;
  /** Keep polling while the page is hidden. */
  declare pollWhenHidden: boolean;
  /** Show a Cancel button while pending. */
  declare cancelable: boolean;
  /** mindproxy: read the task's events while pending and show the latest message. */
  declare showEvents: boolean;
  /** The base of each image's alt text ("Generated image 2 of 4"). */
  declare alt: string;
  /** The app's endpoint that starts a task from the form's fields (zero-JS start); may be relative. */
  declare startUrl: string | undefined;
  /** The task's expected duration from its creation, in ms: drives the pacing and the ETA. */
  declare expectedDuration: number | undefined;
  /** The kind of task (e.g. the model) whose durations are learned; with the provider and `base-url`. */
  declare durationKey: string;
  /** Keep the learned durations in `localStorage` across page loads (numbers only). */
  declare rememberDurations: boolean;
  /** How many results to expect: that many placeholder tiles are reserved while pending. */
  declare expectedCount: number | undefined;
  /** The placeholders' width ÷ height: `"16/9"`, `"1.5"` or `"1024x1024"`. */
  declare expectedAspectRatio: string;
  /** Follows any other task API with the same UI; wins over `provider`. */
  declare adapter: TaskAdapter | undefined;
  /** Called for a fresh token on a 401/403, and shortly before a JWT token expires. */
  declare tokenProvider: (() => Promise<string>) | undefined;
  /** Replaces any of the visible strings. */
  declare strings: TaskProgressStringsOverride | undefined;

  readonly #follow = new FollowController(this, () => this.#followTarget());
  readonly #start = new FormStart(
    this,
    () => ({ timeout: requestTimeout(this.#followTarget()), failedMessage: this.#text.startFailed }),
    (taskId) => this.dispatchEvent(new TaskStartEvent({ taskId })),
  );
  /** What the last render showed, and what the events told so far. */
  #rendered: Shown = { taskId: '', snapshot: undefined };
  #announced: Shown = { taskId: '', snapshot: undefined };
  /** Task ids whose ending (`task-complete`, `task-failed`) was told. */
  readonly #toldEnded = new Set<string>();

  constructor() {
    super();
    Object.assign(this, defaults);
  }

  /** `idle`, `pending`, `completed`, `failed`, `cancelled`, `expired` or `error`. */
  get state(): TaskState {
    return this.#snapshot?.state ?? 'idle';
  }

  /** What the element shows: a start running or failed, else the task followed. */
  get #snapshot() {
    return this.#start.snapshot ?? this.#follow.snapshot;
  }

  /** The task's results, once completed. */
  get images(): TaskImage[] {
    return [...(this.#follow.snapshot?.images ?? [])];
  }

  /** Why the element stopped following (`error`) or why the task ended badly, else null. */
  get error(): TaskError | null {
    return this.#snapshot?.error ?? null;
  }

  /**
   * After `error`, resumes following the task or sends a failed start again. In `failed`, `cancelled`
   * or `expired`, starts a new task if one was started through `start-url`; otherwise the page starts
   * one on `task-retry`. Fires `task-retry` first; prevented, it does nothing.
   */
  retry(): void {
    const event = new TaskRetryEvent({ taskId: this.taskId ?? '', state: this.state });
    if (this.dispatchEvent(event) && !this.#start.retry(this.state)) this.#follow.retry();
  }

  /**
   * Starts a task through `start-url`, posting `body` or, without it, the form's fields.
   * @param body - The JSON object to post; the form's fields when left out.
   */
  start(body?: Record<string, unknown>): void {
    this.#start.start(body);
  }

  /**
   * Cancels the task while pending: through the API when it has a cancel endpoint (a "cancelling"
   * phase until it confirms), else by no longer following it (state `cancelled`); a start still
   * running is abandoned (state `idle`). Fires `task-cancel` first; prevented, it does nothing.
   */
  cancel(): void {
    if (this.state !== 'pending') return;
    const event = new TaskCancelEvent({ taskId: this.taskId ?? '' });
    if (this.dispatchEvent(event) && !this.#start.cancel()) this.#follow.cancel('Cancelled by the user');
  }

  /** Polls now instead of at the end of the current wait. */
  refresh(): void {
    this.#follow.refresh();
  }

  readonly #merged = mergedStrings();

  get #text(): TaskProgressStrings {
    return this.#merged(this.strings);
  }

  #followTarget() {
    return followTarget(this, defaults, this.#text.unsafeUrl);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setAttribute('state', this.state);
    if (this.state === 'pending') this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
    // Every state event is told here, after the element rendered that state.
    const events = announcements(this.#announced, this.#rendered, this.#toldEnded);
    this.#announced = this.#rendered;
    for (const event of events) this.dispatchEvent(event);
  }

  protected override render() {
    this.#rendered = { taskId: this.#follow.taskId, snapshot: this.#snapshot };
    const text = this.#text;
    return html`<div part="base" class="base">
      <p part="status" role="status">${text.status[this.state]}</p>
      ${this.#renderState(text)}
    </div>`;
  }

  #renderState(text: TaskProgressStrings) {
    const retry = () => this.retry();
    switch (this.state) {
      case 'idle':
        return nothing;
      case 'pending':
        return pendingView({
          text,
          snapshot: this.#snapshot,
          elapsedSeconds: this.#follow.elapsedSeconds,
          eta: this.#follow.eta,
          now: Date.now(),
          placeholders: Math.max(0, Math.min(100, Math.floor(this.expectedCount ?? 0))) || 0,
          ratio: parseRatio(this.expectedAspectRatio),
          showEvents: this.showEvents,
          cancelable: this.cancelable,
          onCancel: () => this.cancel(),
        });
      case 'completed':
        return resultsView({
          text,
          images: this.images,
          alt: this.alt,
          broken: this.#follow.broken,
          onImageClick: (event, image, index) => this.#onImageClick(event, image, index),
        });
      case 'error':
        return html`<slot name="error"
          >${problemView(text, text.status.error, this.error, errorHint(text, this.error), retry)}</slot
        >`;
      default:
        return html`<slot name="failed"
          >${problemView(text, text.ended[this.state], this.error, text.endedHint, retry)}</slot
        >`;
    }
  }

  /** The link opens the image in a new tab unless the page prevents `task-image-click`. */
  #onImageClick(event: MouseEvent, image: TaskImage, index: number): void {
    const click = new TaskImageClickEvent({ taskId: this.taskId ?? '', image, index });
    if (!this.dispatchEvent(click)) event.preventDefault();
  }
}
