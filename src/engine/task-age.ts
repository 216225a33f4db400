// How old the task is: counted from the API's creation time when the status tells it (`age`), else
// from the first status request; and, once it completes, its duration for the history of its kind,
// when it was seen from its start.
import type { TaskSnapshot } from '../types.js';
import type { FollowEnvironment } from './environment.js';
import { MAX_DURATION } from './estimate.js';

export class TaskAge {
  /** When the task started, on the environment's clock. */
  #origin: number | undefined;
  /** Whether the first status answer was pending: then the task's whole duration is seen here. */
  #fromStart: boolean | undefined;
  readonly #env: FollowEnvironment;

  constructor(env: FollowEnvironment) {
    this.#env = env;
  }

  /** Notes a status answer to a request sent at `sentAt`; returns the task's age in ms. */
  observe(
    report: TaskSnapshot,
    sentAt: number,
    { durationKind, rememberDurations }: { durationKind?: string; rememberDurations: boolean },
  ): number {
    const now = this.#env.now();
    // An age no task could have (NaN, negative, beyond the longest estimate) is not used.
    const { age: told } = report;
    const known = typeof told === 'number' && told >= 0 && told <= MAX_DURATION;
    this.#origin ??= known ? now - told : sentAt;
    this.#fromStart ??= report.state === 'pending';
    const age = now - this.#origin;
    if (report.state === 'completed' && this.#fromStart && durationKind !== undefined) {
      this.#env.durations.record(durationKind, age, rememberDurations);
    }
    return age;
  }
}
