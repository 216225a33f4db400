// Asking for a completed task's results again, because their URLs may have expired
// (docs/behaviour.md, "Expiring result URLs"): at most once a minute per task, one at a time.
import type { FollowEnvironment } from './environment.js';

/** The shortest time between two requests for the same task's results. */
export const RESULTS_REFRESH_INTERVAL = 60_000;

export class ResultsRefresh {
  /** When the last refresh began, on the environment's clock. */
  #at = -Infinity;
  #running: Promise<void> | undefined;
  readonly #env: FollowEnvironment;

  constructor(env: FollowEnvironment) {
    this.#env = env;
  }

  /**
   * Runs `refresh` unless one began less than a minute ago; resolves once the refresh running or
   * just begun settles (a failed one leaves the results as they were).
   */
  run(refresh: () => Promise<void>): Promise<void> {
    const now = this.#env.now();
    if (!this.#running && now >= this.#at + RESULTS_REFRESH_INTERVAL) {
      this.#at = now;
      const done = () => (this.#running = undefined);
      this.#running = refresh().then(done, done);
    }
    return this.#running ?? Promise.resolve();
  }
}
