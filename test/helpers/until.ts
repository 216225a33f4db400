// The one way tests wait for something to happen: a condition checked until it holds, with a limit
// generous enough for a loaded machine (a short limit is a wall-clock assertion in disguise).
import { waitUntil } from '@open-wc/testing';

/** How long a condition may take to hold, in ms: well under the test timeout, so the message is shown. */
export const UNTIL_LIMIT = 15_000;

export interface UntilOptions {
  /** How often the condition is checked, in ms. */
  interval?: number;
  /** A longer limit, for a wait that includes a request timeout; a shorter one is not taken. */
  limit?: number;
}

/** Resolves once `condition` holds; rejects with `message` after the limit. */
export function until(condition: () => unknown, message: string, options: UntilOptions = {}): Promise<void> {
  const { interval = 50, limit = UNTIL_LIMIT } = options;
  return waitUntil(condition, message, { interval, timeout: Math.max(UNTIL_LIMIT, limit) });
}
