// The estimate of a task's duration (docs/behaviour.md, "Estimate and ETA"): the page's own
// `expected-duration`, or else what earlier tasks of the same kind took.
import type { DurationHistory } from './duration-history.js';
import type { Estimate } from './hazard-schedule.js';

/** The spread assumed around an `expected-duration` (about ±10 %). */
export const GIVEN_SIGMA = 0.1;

export interface EstimateOptions {
  expectedDuration?: number;
  durationKind?: string;
  rememberDurations?: boolean;
}

export function estimateFor(options: EstimateOptions, history: DurationHistory): Estimate | undefined {
  const { expectedDuration, durationKind, rememberDurations = false } = options;
  if (expectedDuration !== undefined && expectedDuration > 0 && expectedDuration < Infinity) {
    return { duration: expectedDuration, sigma: GIVEN_SIGMA };
  }
  return durationKind === undefined ? undefined : history.estimate(durationKind, rememberDurations);
}
