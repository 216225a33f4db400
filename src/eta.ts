// What the element says of the time left (docs/behaviour.md, "Estimate and ETA") and of a
// scheduled retry: pure functions of the clock, so that their rules are tested on exact times.
import type { EstimatedEnd } from './engine/index.js';

export interface Eta {
  /** When it was last updated, on the clock it was given. */
  readonly at: number;
  /** Whole seconds left, when the end is estimated; never goes up. */
  readonly seconds?: number;
  /** 0–99; never goes down, and 100 only comes with the results. */
  readonly percent: number;
  /** The task outran its estimated end: the time left is unknown. */
  readonly overrun: boolean;
}

/**
 * The ETA at `now`, from the task's estimated end and the API's `progress` (either may be
 * unknown): the previous one until a second has passed since it, then the new one. The percent
 * is the progress where the API reports it, else the share of the estimated duration gone by.
 */
export function nextEta(
  previous: Eta | undefined,
  now: number,
  end: EstimatedEnd | undefined,
  progress: number | undefined,
): Eta | undefined {
  if (!end && progress === undefined) return undefined;
  if (previous && now - previous.at < 1000) return previous;
  const left = end && end.from + end.duration - now;
  const done = progress ?? (end ? (now - end.from) / end.duration : 0);
  return {
    at: now,
    seconds:
      left === undefined
        ? undefined
        : Math.min(previous?.seconds ?? Infinity, Math.max(0, Math.ceil(left / 1000))),
    percent: Math.max(previous?.percent ?? 0, Math.min(99, Math.floor(100 * done))),
    overrun: Boolean(previous?.overrun) || (left ?? 1) <= 0,
  };
}

/** Whole seconds until `at`, never below 0. */
export const secondsUntil = (at: number, now: number) => Math.max(0, Math.ceil((at - now) / 1000));
