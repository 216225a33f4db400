// The engine's front door: everything outside src/engine/ imports the engine from here. An
// `Engine` follows tasks in one environment (the page's, or a test's fake clock): one follower per
// adapter, base URL and task id, shared by every element that follows that task, and forgotten
// once nothing has subscribed to it for a moment (an element moved in the DOM subscribes again at
// once, and finds its task as it left it).
import type { TaskAdapter } from '../types.js';
import type { FollowListener, FollowOptions, FollowedTask } from './contract.js';
import type { FollowEnvironment } from './environment.js';
import { Follower } from './follower.js';
import type { Subscription } from './subscribers.js';

export type {
  EstimatedEnd,
  FollowListener,
  FollowOptions,
  FollowSnapshot,
  Pacing,
  RequestFailure,
  RetrySchedule,
  TokenProvider,
} from './contract.js';
export { ENDED_STATES } from './contract.js';
export type { FollowEnvironment, TimerHandle } from './environment.js';
export { bounded, isSendableTaskId } from './requests.js';
export { RESULTS_REFRESH_INTERVAL } from './follower.js';
export { DurationHistory, type DurationStore, type Estimate, HISTORY_LIMIT } from './durations.js';
export {
  LIKELY_SPREADS,
  MAX_DELAY,
  PACING_CONSTANT,
  type PollContext,
  type PollSchedule,
  bounds,
  hazard,
  hazardSchedule,
  hiddenSchedule,
  pollDelay,
  requestTimeout,
  retryDelay,
} from './pacing.js';
export {
  RESUBSCRIBE_LONGEST,
  RESUBSCRIBE_SHORTEST,
  RESUBSCRIBE_SPREAD,
  STREAM_TIMEOUT,
  resubscribeDelay,
} from './push.js';
export type { Subscription } from './subscribers.js';

export class Engine {
  declare readonly env: FollowEnvironment;
  readonly #followers = new Map<string, Follower>();
  /** The follower of each subscription, for a subscriber that comes back. */
  readonly #followerOf = new WeakMap<Subscription, Follower>();
  readonly #adapterIds = new WeakMap<TaskAdapter, number>();
  #nextAdapterId = 0;

  constructor(env: FollowEnvironment) {
    this.env = env;
  }

  /** The key of the follower of `options.taskId` at `options.baseUrl` through `options.adapter`. */
  key({ adapter, baseUrl, taskId }: FollowedTask): string {
    let id = this.#adapterIds.get(adapter);
    if (id === undefined) this.#adapterIds.set(adapter, (id = this.#nextAdapterId++));
    return JSON.stringify([id, baseUrl, taskId]);
  }

  /**
   * Follows the task `options` name, told to `listener`, until the subscription is unsubscribed.
   * `left`, a subscription to the same task that was unsubscribed, comes back to its follower
   * even once the engine forgot it: an element moved in the DOM finds its task as it left it.
   */
  follow(options: FollowOptions, listener: FollowListener, left?: Subscription): Subscription {
    const key = this.key(options);
    const follower: Follower =
      this.#followers.get(key) ??
      (left && this.#followerOf.get(left)) ??
      new Follower(this.env, options, () =>
        this.env.setTimeout(() => {
          if (this.#followers.get(key) === follower && !follower.subscribed) this.#followers.delete(key);
        }, 0),
      );
    this.#followers.set(key, follower);
    const subscription = follower.subscribe(options, listener);
    this.#followerOf.set(subscription, follower);
    return subscription;
  }
}
