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

/** The longest duration an estimate may be: longer is no estimate a page could wait out. */
export const MAX_DURATION = 24 * 60 * 60 * 1000;

/** `ms` when it can be a task's duration (a positive number of at most 24 h), else undefined. */
export const usableDuration = (ms: unknown) =>
  typeof ms === 'number' && ms > 0 && ms <= MAX_DURATION ? ms : undefined;

export function estimateFor(options: EstimateOptions, history: DurationHistory): Estimate | undefined {
  const { durationKind, rememberDurations = false } = options;
  const expectedDuration = usableDuration(options.expectedDuration);
  if (expectedDuration !== undefined) return { duration: expectedDuration, sigma: GIVEN_SIGMA };
  return durationKind === undefined ? undefined : history.estimate(durationKind, rememberDurations);
}
