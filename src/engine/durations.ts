// How long a task is expected to take (docs/behaviour.md, "Estimate and ETA"): the durations earlier
// tasks of the same kind took, kept per kind (and across page loads with `remember-durations`), and
// the estimate from them or from the page's own `expected-duration`.
import type { FollowOptions } from './contract.js';

/** What is known of a task's duration: the pacing spreads its polls by it. */
export interface Estimate {
  /** The expected duration (the median), in ms. */
  duration: number;
  /** The spread of its logarithm. */
  sigma: number;
}

/** The spread assumed around an `expected-duration` (about ±10 %). */
export const GIVEN_SIGMA = 0.1;

/** The longest duration an estimate may be: longer is no estimate a page could wait out. */
export const MAX_DURATION = 24 * 60 * 60 * 1000;

/** `ms` when it can be a task's duration (a positive number of at most 24 h), else undefined. */
export const usableDuration = (ms: unknown) =>
  typeof ms === 'number' && ms > 0 && ms <= MAX_DURATION ? ms : undefined;

/**
 * The kind of task whose durations an element learns: its provider (`adapter` for a page's own),
 * base URL and `duration-key`; none without a `duration-key`. Its text is the key of the kind's
 * stored durations: it stays as it is, so that the durations a page remembered are found again.
 */
export const durationKind = ({
  provider,
  baseUrl,
  durationKey,
}: Pick<FollowOptions, 'provider' | 'baseUrl' | 'durationKey'>): string | undefined =>
  durationKey === undefined ? undefined : JSON.stringify([provider, baseUrl, durationKey]);

/** What the history needs of the options of a run. */
export interface DurationOptions {
  /** A usable `expected-duration`, if any. */
  expectedDuration: number | undefined;
  durationKind: string | undefined;
  rememberDurations: boolean;
}

/**
 * The kind whose history a run learns from and paces by: its own, and with an
 * `expected-duration`, that duration too, as tasks the page expects to take as long spread alike.
 */
export function historyKind({ durationKind: kind, expectedDuration }: DurationOptions): string | undefined {
  return expectedDuration === undefined || kind === undefined ? kind : `${kind}:${expectedDuration}`;
}

/**
 * The estimate: around an `expected-duration` when given (spread as that kind's history spreads
 * around it, else by about ±10 %), else from the history of the kind.
 */
export function estimateFor(options: DurationOptions, history: DurationHistory): Estimate | undefined {
  const given = options.expectedDuration;
  const kind = historyKind(options);
  const learned = kind === undefined ? undefined : history.estimate(kind, options.rememberDurations, given);
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
