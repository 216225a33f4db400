import {
  LitElement,
  type PropertyDeclaration,
  type PropertyDeclarations,
  type PropertyValues,
  html,
  nothing,
} from 'lit';
import { providerAdapter } from './adapters/providers.js';
import { type Shown, announcements } from './announcements.js';
import { ENDED_STATES, type FollowOptions, requestTimeout } from './engine/index.js';
import {
  TaskCancelEvent,
  TaskDownloadEvent,
  TaskImageClickEvent,
  TaskRetryEvent,
  TaskStartEvent,
} from './events.js';
import { FollowController } from './follow-controller.js';
import { onFirstNeed } from './first-need.js';
import { LanguageController } from './languages.js';
import { Notice } from './notice.js';
import { MAX_TILES, parseRatio, pendingView } from './pending-view.js';
import {
  type TaskProgressStrings,
  type TaskProgressStringsOverride,
  errorHint,
  errorText,
  mergedStrings,
  own,
  resultName,
} from './strings.js';
import { safeUrl } from './safe-url.js';
import { StartLoader } from './start-loader.js';
import { styles } from './task-progress.styles.js';
import { type RememberedTask, TaskMemory } from './remember-task.js';
import type { SucceededImage, TaskAdapter, TaskError, TaskImage, TaskState } from './types.js';
import { problemView, resultsView } from './views.js';

/** An option: Lit's declaration of the property, and its default. */
interface Option<T> extends PropertyDeclaration {
  default?: T;
}

/**
 * A number attribute: one that does not parse to a finite number (`"abc"`, empty) leaves the
 * property at its default; `Infinity` is kept where it means "no limit".
 */
const number = (infinite = false): PropertyDeclaration => ({
  useDefault: true,
  converter: (value) => {
    const parsed = value?.trim() ? Number(value) : NaN;
    return Number.isFinite(parsed) || (infinite && parsed === Infinity) ? parsed : undefined;
  },
});

/**
 * The element's options, each declared once: its type, default and doc, and its attribute: its
 * name in kebab case (`pollInterval`: `poll-interval`), or none (`attribute: false`). Lit reads it
 * as the element's reactive properties, the constructor sets the defaults, and the manifest is
 * written from it (custom-elements-manifest.config.mjs).
 */
const options = {
  /** The task to follow; changing it aborts everything in flight for the old id and starts over. */
  taskId: {} as Option<string | undefined>,
  /** The bearer token of the task. Never reflected, logged, put in a URL or in an event. */
  publicAccessToken: {} as Option<string | undefined>,
  /** The API dialect: `mynth` or `mindproxy`. Unknown values fall back to `mynth`. */
  provider: { default: 'mynth' },
  /** The API origin (the app's own proxy, a mock); the provider's own by default. */
  baseUrl: {} as Option<string | undefined>,
  /** First delay between status polls, in ms; values under 50 are raised to 50. */
  pollInterval: { ...number(), default: 2000 },
  /** The longest delay between polls and between retries, in ms (the gateway's docs advise 2–5 s). */
  maxPollInterval: { ...number(), default: 5000 },
  /** The longest the element follows one task, in ms; then state `error` (`timeout`). 0 or `Infinity`: no limit. */
  timeout: { ...number(true), default: 1800000 },
  /** Failed requests in a row before giving up with state `error`. */
  maxRetries: { ...number(), default: 5 },
  /** Keep polling while the page is hidden. */
  pollWhenHidden: { type: Boolean, default: false },
  /** Follow on while the page is hidden; if the task ends there, mark the title and, if allowed, notify (a button asks). */
  notify: { type: Boolean, default: false },
  /**
   * Push: a server-sent-events URL that tells the task's status as it changes (the app's own relay of
   * the API's webhooks); `{id}` is replaced by the task id, a relative URL is resolved against the
   * page. Opened with the token in a header; while it shows life, no status polls are sent.
   */
  streamUrl: {} as Option<string | undefined>,
  /** How long the stream may stay silent (no event, no `:` comment), in ms, before the element polls and reconnects. */
  streamTimeout: { ...number(), default: 30000 },
  /** Show a Cancel button while pending. */
  cancelable: { type: Boolean, default: false },
  /** mindproxy: read the task's events while pending and show the latest message. */
  showEvents: { type: Boolean, default: false },
  /** The base of each result's alt text ("Generated image 2 of 4"); by default "Generated image" or "Generated video" in the page's language. */
  alt: {} as Option<string | undefined>,
  /** The app's endpoint that starts a task from the form's fields (zero-JS start); may be relative. */
  startUrl: {} as Option<string | undefined>,
  /**
   * The task's expected duration in ms, from its creation (from when it began processing, for an API
   * that reports its queue apart): drives the pacing and the ETA.
   */
  expectedDuration: { ...number() } as Option<number | undefined>,
  /** The kind of task (e.g. the model) whose durations are learned; with the provider and `base-url`. */
  durationKey: { default: '' },
  /** Keep the learned durations in `localStorage` across page loads (numbers only). */
  rememberDurations: { type: Boolean, default: false },
  /** How many results to expect: that many placeholder tiles are reserved while pending. */
  expectedCount: { ...number() } as Option<number | undefined>,
  /** The placeholders' width ÷ height: `"16/9"`, `"1.5"` or `"1024x1024"`. */
  expectedAspectRatio: { default: '1' },
  /** Keep the task in `sessionStorage` under the element's `id` (else `form` and `start-url`): a reload follows it on. */
  rememberTask: { type: Boolean, default: false },
  /** A Download button on each result: it saves the file, fetched without credentials or token. */
  downloadable: { type: Boolean, default: false },
  /** Activating a result opens it full size in the page (a dialog) instead of a new tab. */
  viewer: { type: Boolean, default: false },
  /** Follows any other task API with the same UI; wins over `provider`. */
  adapter: { attribute: false } as Option<TaskAdapter | undefined>,
  /** Called for a fresh token on a 401/403, and shortly before a JWT token expires. */
  tokenProvider: { attribute: false } as Option<(() => Promise<string>) | undefined>,
  /** Replaces any of the visible strings, in any language (it wins over the translation). */
  strings: { attribute: false } as Option<TaskProgressStringsOverride | undefined>,
} satisfies Record<string, Option<unknown>>;

/**
 * Download and the viewer, a module of their own loaded the first time an element needs them: a
 * chunk beside the self-contained file, and one that an app's bundler splits off.
 */
const loadResultActions = onFirstNeed(() => import('./viewer.js'));

const kebabCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The value of each option, typed by its default (or by `Option<T>` where it has none). */
type OptionValues = {
  -readonly [K in keyof typeof options]: (typeof options)[K] extends Option<infer T> ? T : never;
};

// The class and the interface merge: the interface gives each option its type and doc.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface TaskProgress extends OptionValues {}

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
 * @slot pending - Replaces the progress bar, phase and elapsed time while pending.
 * @slot failed - Replaces the message and Retry button when the task failed, was cancelled or expired.
 * @slot error - Replaces the message and Retry button when the element cannot follow the task.
 * @slot empty - Replaces the message shown when a task completed without images.
 *
 * @csspart base - The wrapper of everything.
 * @csspart status - The live region that announces state changes.
 * @csspart progress - The progress bar (`role="progressbar"`): determinate with the API's progress or an estimate, else indeterminate.
 * @csspart phase - The current phase while pending.
 * @csspart queue - While the task waits in the API's queue: "In queue", "3 ahead of yours" or "Next in line".
 * @csspart elapsed - The time since following started.
 * @csspart eta - The time left with an estimate or the API's rate of progress ("About 12 s left"), or "Taking longer than usual"; none while queued.
 * @csspart retry-status - While a retry is scheduled: the problem and a countdown.
 * @csspart placeholder - A tile reserved while pending (`expected-count`), at `expected-aspect-ratio`.
 * @csspart preview - An intermediate image the API sent while pending, in a placeholder's box.
 * @csspart grid - The list of result tiles.
 * @csspart tile - One result tile.
 * @csspart image - A result image.
 * @csspart video - A result video.
 * @csspart image-failed - A tile whose image failed; also has part `tile`.
 * @csspart message - The heading of the failed, error and empty states.
 * @csspart error - The error text.
 * @csspart retry-button - The Retry button.
 * @csspart cancel-button - The Cancel button.
 * @csspart notify-button - With `notify`: the button that asks to allow notifications, while that is undecided.
 * @csspart events - The task's events (mindproxy `show-events`).
 * @csspart download-button - The Download button of a result (`downloadable`).
 * @csspart viewer - The viewer (`viewer`): a modal `<dialog>` showing one result full size.
 * @csspart viewer-media - The image or video in the viewer.
 * @csspart viewer-close - The viewer's Close button.
 * @csspart viewer-previous - The viewer's Previous button.
 * @csspart viewer-next - The viewer's Next button.
 *
 * @cssprop [--task-progress-min-tile=10rem] - The smallest width of a grid tile; by default at most half the grid, for two columns on a phone.
 * @cssprop [--task-progress-gap=0.5rem] - The space between tiles and blocks.
 * @cssprop [--task-progress-radius=0.5rem] - The corner radius of tiles and buttons.
 * @cssprop [--task-progress-accent=#6059e6] - The progress bar and button color; the default has 5.2:1 against white and 3.7:1 against #111.
 * @cssprop [--task-progress-fg=currentColor] - The text color.
 * @cssprop [--task-progress-bg=transparent] - The background.
 * @cssprop [--task-progress-muted=color-mix(in srgb, currentColor 72%, transparent)] - Secondary text.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class TaskProgress extends LitElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = Object.fromEntries(
    Object.entries(options).map(([name, option]) => [name, { attribute: kebabCase(name), ...option }]),
  );

  constructor() {
    super();
    for (const [name, option] of Object.entries(options))
      if ('default' in option) Object.assign(this, { [name]: option.default });
  }

  readonly #follow = new FollowController(
    this,
    () => this.#followOptions(),
    () => this.#text.unsafeUrl,
  );
  readonly #start = new StartLoader(this, (taskId) => this.dispatchEvent(new TaskStartEvent({ taskId })));
  /** What the last render showed, and what the events told so far. */
  #rendered: Shown = { taskId: '', snapshot: undefined };
  #announced: Shown = { taskId: '', snapshot: undefined };
  /** Task ids whose ending (`task-complete`, `task-failed`) was told. */
  readonly #toldEnded = new Set<string>();
  readonly #notice = new Notice(this);

  /** `idle`, `pending`, `completed`, `failed`, `cancelled`, `expired` or `error`. */
  get state(): TaskState {
    return this.#snapshot?.state ?? 'idle';
  }

  /** What the element shows: a start running or failed, else the task followed. */
  get #snapshot() {
    return this.#start.snapshot ?? this.#follow.snapshot;
  }

  /**
   * The task's results, once completed: each succeeded one with its `url` and `kind`, and its
   * `cost` (where the API says) as the API's decimal string.
   */
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

  /** With `remember-task`, the task kept across a reload: written here, read back by `task-memory.js`. */
  readonly #memory = new TaskMemory(
    this,
    () => {
      const { taskId, snapshot } = this.#follow;
      if (!taskId || !snapshot) return undefined;
      const { baseUrl, token } = this.#followOptions();
      const provider = this.#resumed?.provider ?? this.provider;
      return { taskId, token, provider, baseUrl, startedAt: snapshot.startedAt };
    },
    () => this.#baseUrl(),
  );

  /** The task read back after a reload, while it is the one the element follows. */
  get #resumed(): RememberedTask | undefined {
    const { resumed } = this.#memory;
    return resumed?.taskId === this.taskId ? resumed : undefined;
  }

  /** The API origin of the element's own options: `base-url`, else its adapter's; no trailing slash. */
  #baseUrl(): string {
    const adapter = this.adapter ?? providerAdapter(this.provider);
    return (this.baseUrl || adapter.defaultBaseUrl || '').replace(/\/+$/, '');
  }

  readonly #merged = mergedStrings();
  readonly #language = new LanguageController(this);

  /** The strings shown: the overrides over the translation of the element's language, or English. */
  get #text(): TaskProgressStrings {
    return this.#merged(this.strings, this.#language.strings);
  }

  #followOptions(): FollowOptions {
    const resumed = this.#resumed;
    const adapter = this.adapter ?? providerAdapter(resumed?.provider ?? this.provider);
    // A remembered task is followed only at the element's own origin (task-memory.ts).
    const baseUrl = this.#baseUrl();
    return {
      taskId: this.taskId || '',
      adapter,
      baseUrl,
      token: this.publicAccessToken || undefined,
      tokenProvider: this.tokenProvider,
      pollInterval: this.pollInterval,
      maxPollInterval: this.maxPollInterval,
      timeout: this.timeout,
      maxRetries: this.maxRetries,
      pollWhenHidden: this.pollWhenHidden,
      notify: this.notify,
      showEvents: this.showEvents,
      expectedDuration: this.expectedDuration,
      provider: this.adapter ? 'adapter' : this.provider,
      durationKey: this.durationKey,
      rememberDurations: this.rememberDurations,
      startedAt: resumed?.startedAt,
      streamUrl: this.#streamUrl(),
      streamTimeout: this.streamTimeout,
    };
  }

  /** `stream-url` for this task, resolved against the page; none unless it is http(s). */
  #streamUrl(): string | undefined {
    return this.taskId
      ? safeUrl(this.streamUrl?.replaceAll('{id}', encodeURIComponent(this.taskId)), /^https?:/)
      : undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setAttribute('state', this.state);
    if (this.state === 'pending') this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
    // Every state event is told here, after the element rendered that state.
    const { taskId, snapshot } = this.#rendered;
    const events = announcements(this.#announced, this.#rendered, this.#toldEnded);
    // An ended task's ending is told now, or was told before.
    if (snapshot && ENDED_STATES.includes(snapshot.state)) this.#toldEnded.add(taskId);
    const before = this.#announced;
    this.#announced = this.#rendered;
    for (const event of events) this.dispatchEvent(event);
    // The task ended since the last update: a notice, if the page is hidden.
    const ended = before.taskId === taskId && before.snapshot?.state === 'pending';
    if (this.notify && taskId && ended && snapshot && snapshot.state !== 'pending')
      this.#notice.ended({
        baseUrl: this.#baseUrl(),
        taskId,
        state: snapshot.state,
        images: snapshot.images,
        text: this.#text,
        lang: this.#language.lang,
      });
  }

  /** Notes what this update shows (the controllers have synced by now), for `updated` to announce. */
  protected override update(changed: PropertyValues<this>): void {
    this.#rendered = { taskId: this.#follow.taskId, snapshot: this.#snapshot };
    super.update(changed);
  }

  protected override render() {
    const text = this.#text;
    return html`<div part="base" class=${this.#language.rtl ? 'base rtl' : 'base'}>
      <p part="status" role="status">${own(text.status, this.state)}</p>
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
          now: this.#follow.now,
          placeholders: Math.max(0, Math.min(MAX_TILES, Math.floor(this.expectedCount ?? 0))) || 0,
          ratio: parseRatio(this.expectedAspectRatio),
          showEvents: this.showEvents,
          cancelable: this.cancelable,
          onCancel: () => this.cancel(),
          notifyButton: this.notify ? this.#notice.button(text) : nothing,
        });
      case 'completed':
        if (this.viewer || this.downloadable) void loadResultActions();
        return resultsView({
          text,
          images: this.images,
          alt: this.alt,
          broken: this.#follow.broken,
          onImageClick: (event, image, index) => this.#onImageClick(event, image, index),
          onDownload: this.downloadable ? (image, index) => this.#onDownload(image, index) : undefined,
        });
      case 'error':
        return html`<slot name="error"
          >${problemView(text, text.status.error, this.#errorText(this.error), errorHint(text, this.error), retry)}</slot
        >`;
      default:
        return html`<slot name="failed"
          >${problemView(text, own(text.ended, this.state) ?? '', this.#errorText(this.error), text.endedHint, retry)}</slot
        >`;
    }
  }

  /** What the element shows for `error`, in the page's language where the element wrote it. */
  #errorText(error: TaskError | null | undefined): string {
    return error ? errorText(this.#text, error, Math.round(this.timeout / 1000)) : '';
  }

  /**
   * The link opens the image in a new tab, or in the viewer with `viewer`, unless the page prevents
   * `task-image-click`.
   */
  #onImageClick(event: MouseEvent, image: TaskImage, index: number): void {
    const click = new TaskImageClickEvent({ taskId: this.taskId ?? '', image, index });
    if (this.dispatchEvent(click) && !this.viewer) return;
    event.preventDefault();
    if (!click.defaultPrevented)
      void loadResultActions().then((actions) =>
        actions.view(this, index, this.#text, (image, at) =>
          resultName(this.#text, this.alt, image.kind, at + 1, this.images.length),
        ),
      );
  }

  /** The results being saved, by URL: a second click meanwhile (a double click) saves nothing more. */
  readonly #saving = new Set<string>();

  /**
   * Saves the result unless the page prevents `task-download`: a fetch that has not ended within
   * the request timeout is given up, and the result opens in a new tab instead.
   */
  #onDownload(image: SucceededImage, index: number): void {
    const taskId = this.taskId ?? '';
    const { url } = image;
    const event = new TaskDownloadEvent({ taskId, image, index });
    if (this.#saving.has(url) || !this.dispatchEvent(event)) return;
    this.#saving.add(url);
    const { env } = this.#follow;
    void loadResultActions()
      .then((actions) => {
        const saving = new AbortController();
        const timer = env.setTimeout(() => saving.abort(), requestTimeout(this));
        return actions
          .download(image, index + 1, taskId, saving.signal)
          .finally(() => env.clearTimeout(timer));
      })
      .finally(() => this.#saving.delete(url));
  }
}
