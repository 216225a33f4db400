// Polls spread by the chance that the task completes (docs/behaviour.md, "Estimate and ETA"): the
// task's duration is taken as log-logistic around the estimate, and each wait `d` from elapsed time
// `t` is the longest for which d² · h_max(t, t + d) ≤ k² · unit, h being that distribution's hazard
// rate. Sparse while completion is unlikely, densest around the expected end, sparser again on
// overrun, since the hazard rate falls again in the tail.
import type { PollSchedule } from './pacing.js';

/** What the schedule knows of the task's duration. */
export interface Estimate {
  /** The expected duration (the median), in ms. */
  duration: number;
  /** The spread of its logarithm. */
  sigma: number;
}

/** The pacing constant, per √s: smaller polls more often and sees the end sooner. */
export const PACING_CONSTANT = 0.7;
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

/** The schedule for a task whose duration is `estimate`; `k` per √s at the 500 ms floor. */
export function hazardSchedule(estimate: Estimate, k = PACING_CONSTANT): PollSchedule {
  return ({ elapsed, first, ceiling }) => {
    const floor = Math.min(MIN_ESTIMATE_DELAY, first);
    // The unit of time a wait is weighed in: 1 s at the default floor, scaled with a shorter one.
    const limit = k * k * 2 * floor;
    const peak = (d: number) =>
      Math.max(...[0, 0.25, 0.5, 0.75, 1].map((at) => hazard(elapsed + at * d, estimate)));
    let d = ceiling;
    while (d > floor && d * d * peak(d) > limit) d *= 0.9;
    return Math.max(d, floor);
  };
}
