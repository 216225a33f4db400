// Polls spread by the chance that the task completes (docs/behaviour.md, "Estimate and ETA"): the
// task's duration is taken as lognormal around the estimate, and each wait `d` from elapsed time
// `t` is the longest for which d² · h_max(t, t + d) ≤ k² · unit, h being that lognormal's hazard
// rate. Sparse while completion is unlikely, densest around the expected end, sparse again on
// overrun, since the hazard rate of a lognormal falls again in its tail.
import type { PollSchedule } from './pacing.js';

/** What the schedule knows of the task's duration. */
export interface Estimate {
  /** The expected duration (the lognormal's median), in ms. */
  duration: number;
  /** The spread of its logarithm. */
  sigma: number;
}

/** The pacing constant, per √s: smaller polls more often and sees the end sooner. */
export const PACING_CONSTANT = 0.7;
/** The shortest wait with an estimate, unless `poll-interval` is shorter. */
export const MIN_ESTIMATE_DELAY = 500;

/** P(Z > z) for a standard normal Z, from erfc (Numerical Recipes; relative error < 1.2e-7). */
function upperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + x / 2);
  const coefficients = [
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
    -0.82215223, 0.17087277,
  ];
  const series = coefficients.reduceRight((sum, c) => c + t * sum, 0);
  const erfc = t * Math.exp(-x * x + series);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** The hazard rate (per ms) at `t` ms of a lognormal duration: density ÷ survival. */
export function hazard(t: number, { duration, sigma }: Estimate): number {
  if (t <= 0) return 0;
  const z = Math.log(t / duration) / sigma;
  const density = Math.exp((-z * z) / 2) / (t * sigma * Math.sqrt(2 * Math.PI));
  const survival = upperTail(z);
  // Far in the tail both underflow: the task is long overdue, and the wait goes to its ceiling.
  return survival > 0 ? density / survival : 0;
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
