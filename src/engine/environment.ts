// What the engine needs from the world, passed in so that tests can run it on a fake clock and the
// engine itself never touches the DOM or the page's globals.
import type { DurationHistory } from './durations.js';

/** A timer handle, as the environment's `setTimeout` returns it. */
export type TimerHandle = unknown;

export interface FollowEnvironment {
  /** The current time, in ms since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /** A number in [0, 1), for jitter. */
  random: () => number;
  /** Whether the page is hidden (then the engine waits, unless told to poll when hidden). */
  hidden(): boolean;
  /** Whether the browser believes it is online (when not, the engine waits). */
  online(): boolean;
  /**
   * Calls `wake` whenever polling should happen at once: the page was shown again, restored from
   * the back/forward cache, or came back online. Returns what stops it.
   */
  watch(wake: () => void): () => void;
  /** How long earlier tasks took, by kind: one history for the page. */
  readonly durations: DurationHistory;
}
