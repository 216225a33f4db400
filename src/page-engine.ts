// The page's engine, which every element follows its task through, and its environment in a
// browser: the page's clock and timers, `document.visibilityState`, `navigator.onLine`, and the
// events after which polling should happen at once. The element side reads the clock from the
// same environment, so that a test can put the whole page on a fake clock (`useEnvironment`).
import { DurationHistory, Engine, type FollowEnvironment } from './engine/index.js';

export const browserEnvironment: FollowEnvironment = {
  now: Date.now,
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: Math.random,
  hidden: () => document.visibilityState === 'hidden',
  // Where `onLine` is missing, the browser is taken for online.
  online: () => (navigator.onLine as boolean | undefined) !== false,
  watch(wake) {
    const watching = new AbortController();
    const { signal } = watching;
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && wake(), {
      signal,
    });
    window.addEventListener('pageshow', wake, { signal });
    window.addEventListener('online', wake, { signal });
    return () => watching.abort();
  },
  // Read lazily: storage may be missing (server rendering) or refused, and then is skipped.
  durations: new DurationHistory({
    getItem: (key) => localStorage.getItem(key),
    setItem: (key, value) => localStorage.setItem(key, value),
  }),
};

let engine: Engine | undefined;

/** The engine elements follow their tasks through from now on; created on first use. */
export function pageEngine(): Engine {
  return (engine ??= new Engine(browserEnvironment));
}

/** Puts the elements that attach from now on in `env` (a test's fake clock), with an engine of its own. */
export function useEnvironment(env: FollowEnvironment): void {
  engine = new Engine(env);
}
