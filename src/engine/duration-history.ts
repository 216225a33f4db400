// How long earlier tasks of a kind took, for an estimate when the page gives none
// (docs/behaviour.md, "Estimate and ETA"): in memory for the page's life, and in a store (the
// page's localStorage) only for elements that ask for it; numbers only, at most 50 per kind.
import { usableDuration } from './estimate.js';
import type { Estimate } from './hazard-schedule.js';

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

  /** The estimate from the history of `kind`: the mean and the spread of its logarithms. */
  estimate(kind: string, remember: boolean): Estimate | undefined {
    const logs = this.durations(kind, remember).map(Math.log);
    if (logs.length < HISTORY_MINIMUM) return undefined;
    const mean = logs.reduce((sum, value) => sum + value, 0) / logs.length;
    const variance = logs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / logs.length;
    return { duration: Math.exp(mean), sigma: Math.max(MIN_SIGMA, Math.sqrt(variance)) };
  }

  #read(kind: string): number[] {
    try {
      const parsed: unknown = JSON.parse(this.#store?.getItem(storeKey(kind)) ?? '[]');
      // `1e999` parses to Infinity: only what could be a duration is kept (and written back).
      return Array.isArray(parsed) ? parsed.filter((value) => usableDuration(value) !== undefined) : [];
    } catch {
      return [];
    }
  }
}
