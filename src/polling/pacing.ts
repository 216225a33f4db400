// How long to wait between requests (SPEC §5): intervals that grow while a task stays pending,
// exponential backoff on failures, both with jitter so that many pages do not poll in lockstep.

/** `poll-interval` values under this are raised to it. */
export const MIN_POLL_INTERVAL = 50;
/** Each delay is shortened by up to this fraction, at random: never longer than its ceiling. */
export const JITTER = 0.2;
/** How much the interval grows after each pending answer. */
export const GROWTH = 1.5;

export interface Pacing {
  pollInterval: number;
  maxPollInterval: number;
}

function bounds({ pollInterval, maxPollInterval }: Pacing) {
  const first = Math.max(MIN_POLL_INTERVAL, pollInterval || 0);
  return { first, ceiling: Math.max(first, maxPollInterval || 0) };
}

function jittered(ms: number, random: () => number): number {
  return ms * (1 - JITTER * random());
}

/** The delay before the next status poll after `pendingAnswers` pending answers in a row (≥ 1). */
export function pollDelay(pacing: Pacing, pendingAnswers: number, random = Math.random): number {
  const { first, ceiling } = bounds(pacing);
  return jittered(Math.min(ceiling, first * GROWTH ** Math.max(0, pendingAnswers - 1)), random);
}

/**
 * The delay before retrying after `failures` failed requests in a row (≥ 1); at least what the
 * server asked for with `Retry-After`.
 */
export function retryDelay(pacing: Pacing, failures: number, retryAfterMs = 0, random = Math.random): number {
  const { first, ceiling } = bounds(pacing);
  const backoff = jittered(Math.min(ceiling, first * 2 ** Math.max(0, failures - 1)), random);
  return Math.max(backoff, retryAfterMs);
}

/** A request slower than this is aborted and counts as a failure. */
export function requestTimeout({ maxPollInterval }: Pacing): number {
  return Math.max(10_000, 2 * (maxPollInterval || 0));
}
