// The elements that follow one task, each through its subscription: the options each asked for,
// the rules each applies on its own to what it shows (its `timeout`, its `max-retries`, a cancel
// that only stops following here), and the options they add up to for the requests they share.
import type { TaskError } from '../types.js';
import type {
  FollowListener,
  FollowOptions,
  FollowSnapshot,
  RequestFailure,
  SharedSnapshot,
} from './contract.js';
import type { FollowEnvironment, TimerHandle } from './environment.js';
import { durationKind, usableDuration } from './durations.js';
import { MAX_DELAY } from './pacing.js';
import { STREAM_TIMEOUT } from './push.js';

/** What a subscription needs of the follower of its task. */
export interface SubscriptionHost {
  readonly env: FollowEnvironment;
  shared(): SharedSnapshot;
  /** Called when this subscriber gave up on its own. */
  stopIfUnwatched(): void;
  update(subscription: Subscription, options: FollowOptions): void;
  retry(subscription: Subscription): void;
  cancel(subscription: Subscription, reason: string): Promise<void>;
  refresh(): void;
  refreshResults(): Promise<void>;
  unsubscribe(subscription: Subscription): void;
}

export class Subscription {
  /** What the element asked for last. */
  declare options: FollowOptions;
  /** Failed requests in a row since this subscriber last saw a success or retried. */
  #failures = 0;
  #requestFailure: RequestFailure | undefined;
  /** How this subscriber stopped on its own, while others may go on. */
  #ended: { state: 'error'; error: TaskError } | { state: 'cancelled' } | undefined;
  /** Its `timeout`, while armed. */
  #timer: TimerHandle;
  readonly #listener: FollowListener;
  readonly #host: SubscriptionHost;

  constructor(options: FollowOptions, listener: FollowListener, host: SubscriptionHost) {
    this.options = options;
    this.#listener = listener;
    this.#host = host;
  }

  // What the element asks of the task it follows.

  /** Takes new options; a new token resumes following stopped by `unauthorized`. */
  update(options: FollowOptions): void {
    this.#host.update(this, options);
  }

  /** Follows again after `error`. */
  retry(): void {
    this.#host.retry(this);
  }

  /** Asks the API to cancel; with no cancel endpoint, stops following here as `cancelled`. */
  cancel(reason: string): Promise<void> {
    return this.#host.cancel(this, reason);
  }

  /** Polls now instead of at the end of the current wait. */
  refresh(): void {
    this.#host.refresh();
  }

  /** Asks for a completed task's results again (their URLs may expire): at most once a minute. */
  refreshResults(): Promise<void> {
    return this.#host.refreshResults();
  }

  /** Stops following here; the task is followed on while another subscriber follows it. */
  unsubscribe(): void {
    this.#host.unsubscribe(this);
  }

  // How the follower keeps it.

  get active(): boolean {
    return !this.#ended;
  }

  /** A request succeeded: failures in a row count from none again. */
  succeeded(): void {
    this.#failures = 0;
  }

  /** A request failed that nobody retries (a cancel): told, not counted. */
  failedOnce(error: TaskError): void {
    this.#requestFailure = { error, willRetry: false };
  }

  /** Counts a failed request; gives up when it is fatal or one too many. */
  failed(error: TaskError, fatal: boolean): void {
    const willRetry = !fatal && ++this.#failures <= this.options.maxRetries;
    if (willRetry || fatal) this.#requestFailure = { error, willRetry };
    else this.#giveUp(error);
  }

  /** Gives up on its own, with a last failure that will not be retried. */
  #giveUp(error: TaskError): void {
    this.#requestFailure = { error, willRetry: false };
    this.#ended = { state: 'error', error };
  }

  /**
   * Starts its `timeout`, while the task is pending: when it passes, this subscriber gives up
   * with a `timeout` error and is told so.
   */
  arm(): void {
    const { timeout } = this.options;
    if (this.#timer !== undefined || !(timeout > 0) || timeout === Infinity) return;
    this.#timer = this.#host.env.setTimeout(
      () => {
        this.#timer = undefined;
        const seconds = Number((timeout / 1000).toFixed(1));
        this.#giveUp({ code: 'timeout', message: `The task did not finish within ${seconds} s.` });
        this.tell();
        this.#host.stopIfUnwatched();
      },
      Math.min(timeout, MAX_DELAY),
    );
  }

  disarm(): void {
    this.#host.env.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Tells the listener the task as this subscriber now sees it. */
  tell(): void {
    this.#listener(this.#view(this.#host.shared()));
  }

  /** Stops following here only, as `cancelled` (for an API without a cancel endpoint). */
  cancelHere(): void {
    this.#ended = { state: 'cancelled' };
    this.disarm();
    this.tell();
  }

  /** Follows again after giving up. */
  resume(): void {
    this.#ended = undefined;
    this.#failures = 0;
  }

  /** The snapshot this subscriber shows. */
  #view(shared: SharedSnapshot): FollowSnapshot {
    const own = { ...shared, requestFailure: this.#requestFailure };
    return this.#ended ? { ...own, ...this.#ended, retry: undefined } : own;
  }
}

export class Subscribers extends Set<Subscription> {
  /** Whether one of them was given this token. */
  given(token: string | undefined): boolean {
    return [...this].some((subscription) => subscription.options.token === token);
  }

  /** Those still following: not given up, nor cancelled here. */
  active(): Subscription[] {
    return [...this].filter((subscription) => subscription.active);
  }

  /** The options of the run: as eager as the most eager of those still following. */
  options() {
    return mergeOptions(this.active().map((subscription) => subscription.options));
  }

  /** A request succeeded: nobody counts failures in a row any more. */
  succeeded(): void {
    for (const subscription of this) subscription.succeeded();
  }

  /** A request failed: those still following count it, and may give up. */
  failed(error: TaskError, fatal: boolean): void {
    for (const subscription of this.active()) subscription.failed(error, fatal);
  }

  /** A request failed that nobody retries (a cancel): all of them are told. */
  failedOnce(error: TaskError): void {
    for (const subscription of this) subscription.failedOnce(error);
  }

  /** Starts the timeouts of those still following. */
  arm(): void {
    for (const subscription of this.active()) subscription.arm();
  }

  disarm(): void {
    for (const subscription of this) subscription.disarm();
  }

  /** Tells each the task as it now sees it; one a listener unsubscribed meanwhile is skipped. */
  tell(): void {
    for (const subscription of [...this]) if (this.has(subscription)) subscription.tell();
  }
}

/** The options of a shared run: as eager as its most eager subscriber asks. */
export type RunOptions = ReturnType<typeof mergeOptions>;

export function mergeOptions(all: readonly FollowOptions[]) {
  const least = (pick: (options: FollowOptions) => number) => Math.min(...all.map(pick));
  return {
    pollInterval: least((options) => options.pollInterval),
    maxPollInterval: least((options) => options.maxPollInterval),
    pollWhenHidden: all.some((options) => options.pollWhenHidden),
    notify: all.some((options) => options.notify),
    showEvents: all.some((options) => options.showEvents),
    tokenProviders: all.flatMap((options) => (options.tokenProvider ? [options.tokenProvider] : [])),
    expectedDuration: all.map((options) => usableDuration(options.expectedDuration)).find(Boolean),
    durationKind: all.map(durationKind).find((kind) => kind !== undefined),
    rememberDurations: all.some((options) => options.rememberDurations),
    streamUrl: all.map((options) => options.streamUrl).find(Boolean),
    streamTimeout: least((options) => options.streamTimeout || STREAM_TIMEOUT),
  };
}
