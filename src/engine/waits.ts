// The waits of a follower's run, and what ends one early.
import type { FollowEnvironment } from './environment.js';
import { MAX_DELAY } from './pacing.js';

/** What a wait is for, so that a wake-up can end only the kinds it concerns; `stream`: for news pushed. */
export type WaitKind = 'poll' | 'retry' | 'pause' | 'stream';

/**
 * A follower's waits: the delay before the next poll or retry, or a pause while the page is hidden
 * or offline, and what ends one early: a wake-up of its kind, or the run stopping.
 */
export class Waits {
  /** Ends the current wait, if any. */
  #end: (() => void) | undefined;
  #kind: WaitKind | undefined;
  readonly #env: FollowEnvironment;

  constructor(env: FollowEnvironment) {
    this.#env = env;
  }

  /** Waits `ms` (a pause waits with no end), until woken or `signal` aborts. */
  wait(kind: WaitKind, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const end = () => {
        this.#env.clearTimeout(timer);
        signal.removeEventListener('abort', end);
        if (this.#end === end) this.#end = this.#kind = undefined;
        resolve();
      };
      const timer = kind === 'pause' ? undefined : this.#env.setTimeout(end, Math.min(ms, MAX_DELAY));
      signal.addEventListener('abort', end);
      this.#end = end;
      this.#kind = kind;
    });
  }

  /** Pauses while `blocked()` says so; each wake-up looks again. */
  async pauseWhile(blocked: () => boolean, signal: AbortSignal): Promise<void> {
    while (!signal.aborted && blocked()) await this.wait('pause', Infinity, signal);
  }

  /** Ends the current wait now: any wait, or only one of `kinds`. */
  wake(...kinds: WaitKind[]): void {
    if (this.#kind && (kinds.length === 0 || kinds.includes(this.#kind))) this.#end?.();
  }
}
