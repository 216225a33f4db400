// What follows a failed request of a run (docs/behaviour.md, "Errors"): a refused token is
// refreshed once and the request sent again at once; a failure that would fail the same way again
// is not retried; any other is retried after a backoff that grows with the failures in a row.
import type { TaskApiError } from '../errors.js';
import type { Pacing, TokenProvider } from './contract.js';
import type { FollowEnvironment } from './environment.js';
import { retryDelay } from './pacing.js';
import type { TaskRequests } from './requests.js';

/** Whether a failure would fail the same way again: a refused token, no such task, or the element's own code. */
export const isFatal = ({ code }: TaskApiError): boolean =>
  code === 'unauthorized' || code === 'not-found' || code === 'internal';

export class Retries {
  /** Failed requests in a row, for the backoff; a run started again after giving up counts on. */
  #failures = 0;
  /** Whether a new token was asked for since the run started or its last success. */
  #tokenRefreshed = false;
  readonly #env: FollowEnvironment;
  readonly #requests: TaskRequests;

  constructor(env: FollowEnvironment, requests: TaskRequests) {
    this.#env = env;
    this.#requests = requests;
  }

  /** A run starts: a refused token may be refreshed again. */
  start(): void {
    this.#tokenRefreshed = false;
  }

  /** A request succeeded: failures in a row count from none again. */
  succeeded(): void {
    this.#failures = 0;
    this.#tokenRefreshed = false;
  }

  /** After a refused token, asks the providers for a new one, once: whether one came. */
  async refreshedToken(
    error: TaskApiError,
    providers: readonly TokenProvider[],
    ms: number,
    signal: AbortSignal,
  ): Promise<boolean> {
    if (error.code !== 'unauthorized' || !providers.length || this.#tokenRefreshed) return false;
    this.#tokenRefreshed = true;
    return this.#requests.refreshToken(providers, ms, signal);
  }

  /** Counts a failure that will be retried; the wait before the retry. */
  backoff(pacing: Pacing, error: TaskApiError): number {
    return retryDelay(pacing, ++this.#failures, this.#env.random, error.retryAfterMs);
  }
}
