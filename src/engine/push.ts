// Push (docs/behaviour.md, "Push"): the task's subscription, when its adapter has one, a second
// source of status beside polling. It is opened when a run starts and trusted once it shows life;
// silent for the stream timeout, or failed, it is closed, the run polls meanwhile, and it is opened
// again after a wait at random, so that the pages of a restarted server come back spread out.
import type { TaskSnapshot } from '../types.js';
import type { FollowEnvironment, TimerHandle } from './environment.js';
import type { TaskRequests } from './requests.js';

/** How long a subscription may stay silent before it is not trusted, unless the page says otherwise. */
export const STREAM_TIMEOUT = 30_000;
/** The shortest and the longest wait before subscribing again. */
export const RESUBSCRIBE_SHORTEST = 1000;
export const RESUBSCRIBE_LONGEST = 30_000;
/** How widely the waits after a first failure are spread; the spread doubles with each failure in a row. */
export const RESUBSCRIBE_SPREAD = 6000;

/**
 * The wait before subscribing again after `failures` failures in a row (≥ 1): at random in a
 * window from 1 s that grows with the failures, up to 30 s. Polling goes on meanwhile, so nothing
 * is gained by coming back at once, and the pages of a server that restarted come back spread
 * over seconds, not in one burst.
 */
export function resubscribeDelay(failures: number, random: () => number): number {
  const spread = RESUBSCRIBE_SPREAD * 2 ** Math.min(failures - 1, 8);
  return Math.min(RESUBSCRIBE_LONGEST, RESUBSCRIBE_SHORTEST + random() * spread);
}

/**
 * `none`: nothing to subscribe to; `connecting`: subscribed, no sign of life yet; `live`: trusted;
 * `down`: failed or silent, to be subscribed again.
 */
export type PushState = 'none' | 'connecting' | 'live' | 'down';

export class Push {
  state: PushState = 'none';
  /** The latest snapshot pushed and not yet taken in. */
  #news: TaskSnapshot | undefined;
  /** Failures in a row, for the backoff; news counts from none again. */
  #failures = 0;
  /** The last event id a subscription saw, for the next one to resume after. */
  #lastEventId: string | undefined;
  /** Ends the current subscription. */
  #end: (() => void) | undefined;
  /** Opened, and not closed since: with nothing to subscribe to, the adapter is not asked again. */
  #opened = false;
  /** While subscribed, the silence that ends the trust; while down, the wait to subscribe again. */
  #timer: TimerHandle;
  #streamUrl: string | undefined;
  #timeout = STREAM_TIMEOUT;
  readonly #env: FollowEnvironment;
  readonly #requests: TaskRequests;
  readonly #changed: (news: boolean) => void;

  /** `changed` is told of news, and of the subscription becoming trusted or not. */
  constructor(env: FollowEnvironment, requests: TaskRequests, changed: (news: boolean) => void) {
    this.#env = env;
    this.#requests = requests;
    this.#changed = changed;
  }

  get hasNews(): boolean {
    return this.#news !== undefined;
  }

  /** What was pushed since the last call, if anything. */
  take(): TaskSnapshot | undefined {
    const news = this.#news;
    this.#news = undefined;
    return news;
  }

  /** Subscribes with `streamUrl`, unless it did so already (and was not closed since). */
  open(streamUrl: string | undefined, timeout: number): void {
    if (this.#opened && streamUrl === this.#streamUrl && timeout === this.#timeout) return;
    this.close();
    this.#opened = true;
    this.#streamUrl = streamUrl;
    this.#timeout = timeout;
    this.#subscribe();
  }

  /** Ends the subscription, or the wait to subscribe again. */
  close(): void {
    this.#end?.();
    this.#end = undefined;
    this.#env.clearTimeout(this.#timer);
    this.state = 'none';
    this.#news = undefined;
    this.#failures = 0;
    this.#opened = false;
  }

  #subscribe(): void {
    const controller = new AbortController();
    let unsubscribe: (() => void) | undefined;
    const end = () => {
      controller.abort();
      unsubscribe?.();
    };
    // What an ended subscription still sends is not heard.
    const current = () => this.#end === end;
    this.#end = end;
    this.state = 'connecting';
    try {
      unsubscribe = this.#requests.subscribe(
        {
          streamUrl: this.#streamUrl,
          lastEventId: this.#lastEventId,
          signal: controller.signal,
          alive: (eventId) => current() && this.#alive(eventId),
          fail: () => current() && this.#down(),
        },
        (snapshot) => {
          if (!current()) return;
          this.#news = snapshot;
          this.#failures = 0;
          this.#alive();
          this.#changed(true);
        },
      );
    } catch {
      if (current()) this.#down();
      return;
    }
    if (!current()) unsubscribe?.();
    else if (!unsubscribe) {
      this.#end = undefined;
      this.state = 'none';
    } else this.#watch();
  }

  #alive(eventId?: string): void {
    if (eventId !== undefined) this.#lastEventId = eventId;
    this.#watch();
    if (this.state === 'live') return;
    this.state = 'live';
    this.#changed(false);
  }

  /** Ends the trust after the stream timeout of silence. */
  #watch(): void {
    this.#env.clearTimeout(this.#timer);
    this.#timer = this.#env.setTimeout(() => this.#down(), this.#timeout);
  }

  #down(): void {
    this.#end?.();
    this.#end = undefined;
    this.#env.clearTimeout(this.#timer);
    this.#timer = this.#env.setTimeout(
      () => this.#subscribe(),
      resubscribeDelay(++this.#failures, this.#env.random),
    );
    this.state = 'down';
    this.#changed(false);
  }
}
