// One element's share of an engine: its options, and the rules it applies on its own to what it
// shows: its `timeout`, its `max-retries`, and a cancel that only stops following here.
import { TaskApiError, toTaskError } from '../errors.js';
import type { TaskError } from '../types.js';
import type { FollowEnvironment, TimerHandle } from './environment.js';
import { usableDuration } from './estimate.js';
import { MAX_DELAY, type Pacing } from './pacing.js';
import type { FollowSnapshot, RequestFailure } from './snapshot.js';
import type { TokenProvider } from './token.js';

/** What one element asks of the engine. */
export interface FollowOptions extends Pacing {
  /** The longest this element follows the task, in ms; 0 or Infinity: no limit. */
  timeout: number;
  /** Failed requests in a row before this element gives up. */
  maxRetries: number;
  pollWhenHidden: boolean;
  showEvents: boolean;
  token: string | undefined;
  tokenProvider: TokenProvider | undefined;
  /** The page's estimate of the task's duration from its creation, in ms. */
  expectedDuration?: number;
  /** The kind of task whose durations are learned (provider, base URL, `duration-key`). */
  durationKind?: string;
  /** Keep the durations of this kind across page loads. */
  rememberDurations?: boolean;
}

export type FollowListener = (snapshot: FollowSnapshot) => void;

/** What a subscription needs of its engine. */
export interface SubscriptionHost {
  readonly env: FollowEnvironment;
  shared(): SharedSnapshot;
  /** Called when this subscriber gave up on its own. */
  stopIfUnwatched(): void;
}

/** The part of a snapshot every subscriber shares. */
export type SharedSnapshot = Omit<FollowSnapshot, 'requestFailure'>;

export class Subscription {
  /** Failed requests in a row since this subscriber last saw a success or retried. */
  failures = 0;
  /** How this subscriber stopped on its own, while others may go on. */
  ended: { state: 'error'; error: TaskError } | { state: 'cancelled' } | undefined;
  requestFailure: RequestFailure | undefined;
  /** Its `timeout`, while armed. */
  timer: TimerHandle | undefined;

  options: FollowOptions;
  readonly listener: FollowListener;
  readonly #host: SubscriptionHost;

  constructor(options: FollowOptions, listener: FollowListener, host: SubscriptionHost) {
    this.options = options;
    this.listener = listener;
    this.#host = host;
  }

  get active(): boolean {
    return !this.ended;
  }

  /** Counts a failed request; gives up when it is fatal or one too many. */
  failed(error: TaskError, fatal: boolean): void {
    const willRetry = !fatal && ++this.failures <= this.options.maxRetries;
    this.requestFailure = { error, willRetry };
    if (!willRetry && !fatal) this.ended = { state: 'error', error };
  }

  /** Gives up on its own, with a last failure that will not be retried. */
  giveUp(error: TaskError): void {
    this.requestFailure = { error, willRetry: false };
    this.ended = { state: 'error', error };
  }

  /**
   * Starts its `timeout`, while the task is pending: when it passes, this subscriber gives up
   * with a `timeout` error and is told so.
   */
  arm(): void {
    const { timeout } = this.options;
    if (this.timer !== undefined || !(timeout > 0) || timeout === Infinity) return;
    this.timer = this.#host.env.setTimeout(
      () => {
        this.timer = undefined;
        const seconds = Number((timeout / 1000).toFixed(1));
        this.giveUp(toTaskError(new TaskApiError('timeout', `The task did not finish within ${seconds} s.`)));
        this.tell();
        this.#host.stopIfUnwatched();
      },
      Math.min(timeout, MAX_DELAY),
    );
  }

  disarm(): void {
    this.#host.env.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Tells the listener the task as this subscriber now sees it. */
  tell(): void {
    this.listener(this.view(this.#host.shared()));
  }

  /** Stops following here only, as `cancelled` (for an API without a cancel endpoint). */
  cancelHere(): void {
    this.ended = { state: 'cancelled' };
    this.disarm();
    this.tell();
  }

  /** Follows again after giving up. */
  resume(): void {
    this.ended = undefined;
    this.failures = 0;
  }

  /** The snapshot this subscriber shows. */
  view(shared: SharedSnapshot): FollowSnapshot {
    const own = { ...shared, requestFailure: this.requestFailure };
    return this.ended ? { ...own, ...this.ended, retry: undefined } : own;
  }
}

/** The options of a shared run: as eager as its most eager subscriber asks. */
export function mergeOptions(all: readonly FollowOptions[]) {
  const least = (pick: (options: FollowOptions) => number) => Math.min(...all.map(pick));
  return {
    pollInterval: least((options) => options.pollInterval),
    maxPollInterval: least((options) => options.maxPollInterval),
    pollWhenHidden: all.some((options) => options.pollWhenHidden),
    showEvents: all.some((options) => options.showEvents),
    tokenProviders: all.flatMap((options) => (options.tokenProvider ? [options.tokenProvider] : [])),
    expectedDuration: all.map((options) => usableDuration(options.expectedDuration)).find(Boolean),
    durationKind: all.find((options) => options.durationKind !== undefined)?.durationKind,
    rememberDurations: all.some((options) => options.rememberDurations),
  };
}
