// The page on the fake clock: elements that attach while it is on follow their tasks and read the
// time on a `FakeEnvironment` (test/helpers/fake-environment.ts), so what they show of time is
// checked at exact moments, and a test shows that nothing happens by moving the clock past every
// timer the element could have set (`HOUR`), not by waiting; the network stays real.
import { browserEnvironment, useEnvironment } from '../../src/page-engine.js';
import { FakeEnvironment } from './fake-environment.js';
import { type Fetches, countFetches } from './fetches.js';

export { HOUR } from './fake-environment.js';

/** Puts the page on a new fake clock; `realClock()` (in an `afterEach`) puts it back. */
export function fakeClock(): FakeEnvironment {
  const env = new FakeEnvironment();
  useEnvironment(env);
  return env;
}

/**
 * The fake clock with the page's own visibility, connectivity and wake-ups (`visibilitychange`,
 * `pageshow`, `online`): for tests of the element's answer to the page, with exact time.
 */
export function pageClock(): FakeEnvironment {
  const env = new PageClock();
  useEnvironment(env);
  return env;
}

class PageClock extends FakeEnvironment {
  override hidden(): boolean {
    return browserEnvironment.hidden();
  }

  override online(): boolean {
    return browserEnvironment.online();
  }

  override watch(wake: () => void): () => void {
    return browserEnvironment.watch(wake);
  }
}

/** The page on the fake clock, and the `fetch` calls it makes from now on. */
export interface Watched {
  env: FakeEnvironment;
  /** The URL of each call, in order. */
  sent: string[];
}

let counting: Fetches | undefined;

/** Puts the page on a new fake clock and counts its `fetch` calls until `realClock()`. */
export function watchedClock(): Watched {
  const env = fakeClock();
  counting?.restore();
  counting = countFetches();
  return { env, sent: counting.urls };
}

/** Puts the page back on the browser's clock, and stops counting its `fetch` calls. */
export function realClock(): void {
  counting?.restore();
  counting = undefined;
  useEnvironment(browserEnvironment);
}
