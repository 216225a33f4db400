// What the element says of the time left (docs/behaviour.md, "Estimate and ETA") and of a
// scheduled retry: pure functions of the clock, so that their rules are tested on exact times.
import type { EstimatedEnd } from './engine/index.js';

export interface Eta {
  /** When it was last updated, on the clock it was given. */
  readonly at: number;
  /** Whole seconds left; never goes up. */
  readonly seconds: number;
  /** 0–99; never goes down, and 100 only comes with the results. */
  readonly percent: number;
  /** The task outran its estimate: the time left is unknown. */
  readonly overrun: boolean;
}

/** The ETA at `now`: the previous one until a second has passed since it, then the new one. */
export function nextEta(previous: Eta | undefined, now: number, { from, duration }: EstimatedEnd): Eta {
  if (previous && now - previous.at < 1000) return previous;
  const left = from + duration - now;
  return {
    at: now,
    seconds: Math.min(previous?.seconds ?? Infinity, Math.max(0, Math.ceil(left / 1000))),
    percent: Math.max(previous?.percent ?? 0, Math.min(99, Math.floor((100 * (now - from)) / duration))),
    overrun: Boolean(previous?.overrun) || left <= 0,
  };
}

/** Whole seconds until `at`, never below 0. */
export const secondsUntil = (at: number, now: number) => Math.max(0, Math.ceil((at - now) / 1000));
