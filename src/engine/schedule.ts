// When to ask again (docs/behaviour.md, "Pacing" and "Estimate and ETA"): the delay before the next
// status poll or retry, with jitter so that many pages do not poll in lockstep and every wait capped
// at what a timer can hold; with an estimate of the task's duration (the page's own, or what earlier
// tasks of the same kind took), polls spread by the chance that the task completes; and the waits
// themselves, which a wake-up ends early.
import type { FollowOptions, Pacing } from './contract.js';
import type { FollowEnvironment } from './environment.js';

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

/** What the schedule knows of the task's duration. */
export interface Estimate {
  /** The expected duration (the median), in ms. */
  duration: number;
  /** The spread of its logarithm. */
  sigma: number;
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
    const likely = Math.abs(Math.log(elapsed / estimate.duration)) <= LIKELY_SPREADS * estimate.sigma;
    let d = likely ? Math.min(ceiling, first * Math.max(1, (estimate.sigma / STEADY_SIGMA) ** 2)) : ceiling;
    // The wait is weighed by that chance × √d, between the chance of a late result alone (what the
    // median delay counts) and the delay expected from it, chance × d (what the p95 counts).
    while (d > floor && chance(d) * Math.sqrt(d / unit) > limit) d *= 0.9;
    return Math.max(d, floor);
  };
}

/** The spread assumed around an `expected-duration` (about ±10 %). */
export const GIVEN_SIGMA = 0.1;

/** The longest duration an estimate may be: longer is no estimate a page could wait out. */
export const MAX_DURATION = 24 * 60 * 60 * 1000;

/** `ms` when it can be a task's duration (a positive number of at most 24 h), else undefined. */
export const usableDuration = (ms: unknown) =>
  typeof ms === 'number' && ms > 0 && ms <= MAX_DURATION ? ms : undefined;

/**
 * The kind whose history an element learns from and paces by: its own (provider, base URL,
 * `duration-key`), and with an `expected-duration`, that duration too, as tasks the page expects to
 * take as long spread alike.
 */
export function historyKind({
  durationKind,
  expectedDuration,
}: Pick<FollowOptions, 'expectedDuration' | 'durationKind'>): string | undefined {
  const given = usableDuration(expectedDuration);
  return given === undefined || durationKind === undefined ? durationKind : `${durationKind}:${given}`;
}

/**
 * The estimate: around an `expected-duration` when given (spread as that kind's history spreads
 * around it, else by about ±10 %), else from the history of the kind.
 */
export function estimateFor(
  options: Pick<FollowOptions, 'expectedDuration' | 'durationKind' | 'rememberDurations'>,
  history: DurationHistory,
): Estimate | undefined {
  const given = usableDuration(options.expectedDuration);
  const kind = historyKind(options);
  const learned =
    kind === undefined ? undefined : history.estimate(kind, options.rememberDurations ?? false, given);
  return learned ?? (given === undefined ? undefined : { duration: given, sigma: GIVEN_SIGMA });
}

/** Where durations are kept across page loads; it may throw (quota, storage disabled). */
export interface DurationStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Durations kept per kind. */
export const HISTORY_LIMIT = 50;
/** Durations needed before the history gives an estimate. */
export const HISTORY_MINIMUM = 3;
/** The narrowest spread a learned estimate assumes. */
export const MIN_SIGMA = 0.1;

const storeKey = (kind: string) => `task-progress:durations:${kind}`;

export class DurationHistory {
  readonly #memory = new Map<string, number[]>();
  /** Kinds already read from the store. */
  readonly #loaded = new Set<string>();
  readonly #store: DurationStore | undefined;

  constructor(store?: DurationStore) {
    this.#store = store;
  }

  /** The durations of `kind`, oldest first; read from the store on first use when `remember`. */
  durations(kind: string, remember: boolean): number[] {
    let list = this.#memory.get(kind) ?? [];
    if (remember && !this.#loaded.has(kind)) {
      this.#loaded.add(kind);
      list = [...this.#read(kind), ...list].slice(-HISTORY_LIMIT);
    }
    this.#memory.set(kind, list);
    return list;
  }

  record(kind: string, ms: number, remember: boolean): void {
    if (usableDuration(ms) === undefined) return;
    const list = [...this.durations(kind, remember), Math.round(ms)].slice(-HISTORY_LIMIT);
    this.#memory.set(kind, list);
    if (!remember) return;
    try {
      this.#store?.setItem(storeKey(kind), JSON.stringify(list));
    } catch {
      // A full or disabled storage only means the history is not kept across loads.
    }
  }

  /**
   * The estimate from the history of `kind`: centred on `around` when given, else on the mean of the
   * durations' logarithms, with their spread around that centre.
   */
  estimate(kind: string, remember: boolean, around?: number): Estimate | undefined {
    const logs = this.durations(kind, remember).map(Math.log);
    if (logs.length < HISTORY_MINIMUM) return undefined;
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const centre = around === undefined ? mean(logs) : Math.log(around);
    const squares = logs.map((value) => (value - centre) ** 2);
    // Around their own mean, the logs' sample variance (n − 1): that mean was fitted to them.
    const variance = (mean(squares) * logs.length) / (logs.length - (around === undefined ? 1 : 0));
    return { duration: around ?? Math.exp(centre), sigma: Math.max(MIN_SIGMA, Math.sqrt(variance)) };
  }

  #read(kind: string): number[] {
    try {
      const parsed: unknown = JSON.parse(this.#store?.getItem(storeKey(kind)) ?? '[]');
      // `1e999` parses to Infinity: only what could be a duration is kept (and written back).
      return Array.isArray(parsed)
        ? parsed.filter((value): value is number => usableDuration(value) !== undefined)
        : [];
    } catch {
      return [];
    }
  }
}

/** What a wait is for, so that a wake-up can end only the kinds it concerns. */
export type WaitKind = 'poll' | 'retry' | 'pause';

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
