// How long to wait between requests (docs/behaviour.md, "Pacing"): a pluggable schedule for the
// polls of a pending task, exponential backoff on failures, both with jitter so that many pages do
// not poll in lockstep, and every wait capped at what a timer can hold.

/** `poll-interval` values under this are raised to it. */
export const MIN_POLL_INTERVAL = 50;
/** The longest wait a browser timer holds; longer ones would fire at once. */
export const MAX_DELAY = 2 ** 31 - 1;
/** Each delay is shortened by up to this fraction, at random: never longer than its ceiling. */
export const JITTER = 0.2;
/** How much the interval grows after each pending answer, without an estimate. */
export const GROWTH = 1.5;

export interface Pacing {
  pollInterval: number;
  maxPollInterval: number;
}

/** What a schedule knows when it picks the next wait. */
export interface PollContext {
  /** Pending answers in a row so far (≥ 1). */
  pendingAnswers: number;
  /** How long the task has run, in ms (from its creation, or from the first status request). */
  elapsed: number;
  /** The shortest and the longest wait allowed, in ms. */
  first: number;
  ceiling: number;
}

/** Picks the nominal delay before the next status poll; the engine adds jitter and bounds. */
export type PollSchedule = (context: PollContext) => number;

/** Without an estimate: from `poll-interval`, growing toward `max-poll-interval`. */
export const growingSchedule: PollSchedule = ({ pendingAnswers, first }) =>
  first * GROWTH ** Math.max(0, pendingAnswers - 1);

/** The first and the longest wait the pacing allows. */
export function bounds({ pollInterval, maxPollInterval }: Pacing) {
  const first = Math.min(MAX_DELAY, Math.max(MIN_POLL_INTERVAL, pollInterval));
  return { first, ceiling: Math.min(MAX_DELAY, Math.max(first, maxPollInterval)) };
}

function jittered(ms: number, random: () => number): number {
  return ms * (1 - JITTER * random());
}

/** The delay before the next status poll after `pendingAnswers` pending answers in a row (≥ 1). */
export function pollDelay(
  pacing: Pacing,
  pendingAnswers: number,
  random: () => number,
  schedule: PollSchedule = growingSchedule,
  elapsed = 0,
): number {
  const limits = bounds(pacing);
  const nominal = schedule({ pendingAnswers, elapsed, ...limits });
  const delay = Math.min(limits.ceiling, Math.max(MIN_POLL_INTERVAL, nominal));
  // A schedule that answers no number (say, a missing `return`) must not poll in a tight loop.
  return jittered(Number.isNaN(delay) ? limits.ceiling : delay, random);
}

/**
 * The delay before retrying after `failures` failed requests in a row (≥ 1); at least what the
 * server asked for with `Retry-After`, but never past what a timer can hold.
 */
export function retryDelay(pacing: Pacing, failures: number, random: () => number, retryAfterMs = 0): number {
  const { first, ceiling } = bounds(pacing);
  const backoff = jittered(Math.min(ceiling, first * 2 ** Math.max(0, failures - 1)), random);
  // A custom adapter's `retryAfterMs` may be NaN: it must not make a retry loop.
  return Math.min(MAX_DELAY, Math.max(backoff, retryAfterMs || 0));
}

/** A request slower than this is aborted and counts as a failure. */
export function requestTimeout({ maxPollInterval }: Pacing): number {
  return Math.min(MAX_DELAY, Math.max(10_000, 2 * maxPollInterval));
}
