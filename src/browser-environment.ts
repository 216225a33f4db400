// The engine's environment in a browser: the page's clock and timers, `document.visibilityState`,
// `navigator.onLine`, and the events after which polling should happen at once.
import { DurationHistory } from './engine/duration-history.js';
import type { FollowEnvironment } from './engine/environment.js';

export const browserEnvironment: FollowEnvironment = {
  now: Date.now,
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: Math.random,
  hidden: () => document.visibilityState === 'hidden',
  online: () => navigator.onLine !== false,
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
