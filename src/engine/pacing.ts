// How fast to ask (docs/behaviour.md, "Pacing"): the delay before the next status poll or retry,
// with jitter so that many pages do not poll in lockstep and every wait capped at what a timer can
// hold; with an estimate of the task's duration, polls spread by the chance that the task completes.
import type { Pacing } from './contract.js';
import type { Estimate } from './durations.js';

/** `poll-interval` values under this are raised to it. */
export const MIN_POLL_INTERVAL = 50;
/** The longest wait a browser timer holds; longer ones would fire at once. */
export const MAX_DELAY = 2 ** 31 - 1;
/** Each delay is shortened by up to this fraction, at random: never longer than its ceiling. */
export const JITTER = 0.2;
/** How much the interval grows after each pending answer, without an estimate. */
export const GROWTH = 1.5;

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

/** The first and the longest wait the pacing allows; an interval that is not a number counts as 0. */
export function bounds({ pollInterval, maxPollInterval }: Pacing) {
  const first = Math.min(MAX_DELAY, Math.max(MIN_POLL_INTERVAL, pollInterval || 0));
  return { first, ceiling: Math.min(MAX_DELAY, Math.max(first, maxPollInterval || 0)) };
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
  return Math.min(MAX_DELAY, Math.max(10_000, 2 * (maxPollInterval || 0)));
}

/**
 * The pacing constant at a spread of 0.5 (see `hazardSchedule`): smaller polls more often and sees
 * the end sooner.
 */
export const PACING_CONSTANT = 0.41;
/** Up to this spread, a kind is steady: near its expected end, no wait is longer than poll-interval. */
export const STEADY_SIGMA = 0.16;
/**
 * The stretch a task is likely to end in: elapsed time within this many spreads of the estimate,
 * in logarithms. 1.9 rather than 2: on the bench's steady kind (σ 0.15, an estimate within
 * ±10 %), 0.5 points fewer requests over five seeds of tasks, at the same median and p95 delay.
 */
export const LIKELY_SPREADS = 1.9;
/** The shortest wait with an estimate, unless `poll-interval` is shorter. */
export const MIN_ESTIMATE_DELAY = 500;

/**
 * The hazard rate (per ms) at `t` ms of a log-logistic duration: the lognormal's closed-form twin
 * (the same shape, rising to a peak past the median and falling in the tail), with the spread of
 * its logarithm matched to `sigma`.
 */
export function hazard(t: number, { duration, sigma }: Estimate): number {
  const shape = Math.PI / (sigma * Math.sqrt(3));
  const x = (t / duration) ** shape;
  return t > 0 ? (shape * x) / (t * (1 + x)) : 0;
}

/** Whether a task `elapsed` ms old is in the stretch it is likely to end in. */
const likely = (elapsed: number, { duration, sigma }: Estimate) =>
  Math.abs(Math.log(elapsed / duration)) <= LIKELY_SPREADS * sigma;

/**
 * While the page is hidden with `notify`: one poll per `max-poll-interval`, but as `estimate`'s
 * schedule says in the stretch the task is likely to end in, so the end is seen soon after it comes.
 */
export const hiddenSchedule =
  (estimate: Estimate | undefined): PollSchedule =>
  (context) =>
    estimate && likely(context.elapsed, estimate) ? hazardSchedule(estimate)(context) : context.ceiling;

/** The schedule for a task whose duration is `estimate`; `k` as `PACING_CONSTANT`. */
export function hazardSchedule(estimate: Estimate, k = PACING_CONSTANT): PollSchedule {
  return ({ elapsed, first, ceiling }) => {
    const floor = Math.min(MIN_ESTIMATE_DELAY, first);
    // The unit of time a wait is weighed in: 1 s at the default floor, scaled with a shorter one.
    const unit = 2 * floor;
    // A narrower kind is seen at its end in time with fewer polls, so it may risk a little more per
    // wait (the limit grows as 1/√σ): at one limit, σ 0.3 polled more than σ 0.5 for delays well
    // inside the same targets.
    const limit = k * k * Math.sqrt(0.5 / estimate.sigma);
    // The chance that the task completes during a wait of `d`: `d` × its mean hazard over the wait.
    const chance = (d: number) =>
      (d / 5) * [0, 0.25, 0.5, 0.75, 1].reduce((sum, at) => sum + hazard(elapsed + at * d, estimate), 0);
    // Within the stretch the task is likely to end in, a steady kind (a narrow spread) waits no
    // longer than poll-interval: the stretch is short, so that costs few requests.
    let d = likely(elapsed, estimate)
      ? Math.min(ceiling, first * Math.max(1, (estimate.sigma / STEADY_SIGMA) ** 2))
      : ceiling;
    // The wait is weighed by that chance × √d, between the chance of a late result alone (what the
    // median delay counts) and the delay expected from it, chance × d (what the p95 counts).
    while (d > floor && chance(d) * Math.sqrt(d / unit) > limit) d *= 0.9;
    return Math.max(d, floor);
  };
}
