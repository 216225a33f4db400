// A `FollowEnvironment` on a clock the test moves by hand: timers run only when `advance` reaches
// them, in the order they are due, with every promise settled between two of them, so each test
// states exact times and never waits on the wall clock.
import {
  DurationHistory,
  type FollowEnvironment,
  MAX_DELAY,
  type TimerHandle,
} from '../../src/engine/index.js';

/** What the fake clock reads when a test starts (ms since the epoch). */
export const EPOCH = Date.UTC(2025, 0, 1);

/** Longer than any poll, retry or timeout a test sets: moving the clock past it runs every timer. */
export const HOUR = 3_600_000;

interface Timer {
  at: number;
  /** Order of creation, so timers due at the same moment run as they were set. */
  order: number;
  callback: () => void;
}

/**
 * Resolves once every promise reaction queued so far, and every one they queue in turn, has run:
 * the next task runs only after all microtasks. In a browser that task is a message (unlike a zero
 * timer, it is not clamped to several ms when nested); in Node (the bench's simulation) it is
 * `setImmediate`, which does not keep the process alive as an open message port would.
 */
export const settle: () => Promise<void> = nodeSettle() ?? messageSettle();

function nodeSettle(): (() => Promise<void>) | undefined {
  const { setImmediate } = globalThis as { setImmediate?: (callback: () => void) => void };
  return setImmediate && (() => new Promise((resolve) => setImmediate(resolve)));
}

function messageSettle(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

/** A repeatable `random` (mulberry32), for checks over many draws. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export interface FakeEnvironmentOptions {
  /** `() => 0` unless told: no jitter, so every delay is its ceiling. */
  random?: () => number;
  hidden?: boolean;
  online?: boolean;
  /** The page's storage, shared by environments that stand for loads of one page. */
  storage?: Map<string, string>;
}

export class FakeEnvironment implements FollowEnvironment {
  /** Replaceable at any time; the engine reads it for each delay. */
  random: () => number;
  /** What `hidden()` and `online()` answer. */
  isHidden: boolean;
  isOnline: boolean;
  readonly storage: Map<string, string>;
  readonly durations: DurationHistory;

  #now = EPOCH;
  #nextHandle = 1;
  readonly #timers = new Map<number, Timer>();
  readonly #wakes = new Set<{ wake: () => void }>();

  constructor({
    random = () => 0,
    hidden = false,
    online = true,
    storage = new Map(),
  }: FakeEnvironmentOptions = {}) {
    this.storage = storage;
    this.durations = new DurationHistory({
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
    });
    this.random = random;
    this.isHidden = hidden;
    this.isOnline = online;
  }

  now(): number {
    return this.#now;
  }

  /** Ms since the test started. */
  get elapsed(): number {
    return this.#now - EPOCH;
  }

  /** As a browser does, a delay past what a timer holds (or not a positive number) fires at once. */
  setTimeout(callback: () => void, ms: number): TimerHandle {
    const delay = ms > 0 && ms <= MAX_DELAY ? ms : 0;
    const handle = this.#nextHandle++;
    this.#timers.set(handle, { at: this.#now + delay, order: handle, callback });
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle as number);
  }

  hidden(): boolean {
    return this.isHidden;
  }

  online(): boolean {
    return this.isOnline;
  }

  watch(wake: () => void): () => void {
    const entry = { wake };
    this.#wakes.add(entry);
    return () => void this.#wakes.delete(entry);
  }

  /** What the page does when it is shown again or comes back online: wakes every watcher. */
  wake(): void {
    for (const entry of [...this.#wakes]) entry.wake();
  }

  /** How many watchers are still registered. */
  get watchers(): number {
    return this.#wakes.size;
  }

  /** The delays of the timers still set, from now, soonest first. */
  get pendingTimers(): number[] {
    return [...this.#timers.values()].map((timer) => timer.at - this.#now).sort((a, b) => a - b);
  }

  /** Settles every promise without moving the clock. */
  flush(): Promise<void> {
    return settle();
  }

  /** Moves the clock `ms` on, running each timer due on the way at its own moment. */
  async advance(ms: number): Promise<void> {
    const until = this.#now + ms;
    await settle();
    for (let timer = this.#next(until); timer; timer = this.#next(until)) {
      this.#now = timer.at;
      timer.callback();
      await settle();
    }
    this.#now = until;
  }

  /** Moves the clock to `elapsed` ms after the start. */
  advanceTo(elapsed: number): Promise<void> {
    return this.advance(elapsed - this.elapsed);
  }

  /** Removes and returns the first timer due by `until`. */
  #next(until: number): Timer | undefined {
    let first: [number, Timer] | undefined;
    for (const entry of this.#timers) {
      const [, timer] = entry;
      if (timer.at > until) continue;
      if (!first || timer.at < first[1].at || (timer.at === first[1].at && timer.order < first[1].order)) {
        first = entry;
      }
    }
    if (first) this.#timers.delete(first[0]);
    return first?.[1];
  }
}
