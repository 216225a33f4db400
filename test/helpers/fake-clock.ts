// The page on the fake clock: elements that attach while it is on follow their tasks and read the
// time on a `FakeEnvironment` (test/helpers/fake-environment.ts), so what they show of time is
// checked at exact moments; the network stays real.
import { browserEnvironment, useEnvironment } from '../../src/page-engine.js';
import { FakeEnvironment } from './fake-environment.js';

/** Puts the page on a new fake clock; `realClock()` (in an `afterEach`) puts it back. */
export function fakeClock(): FakeEnvironment {
  const env = new FakeEnvironment();
  useEnvironment(env);
  return env;
}

export function realClock(): void {
  useEnvironment(browserEnvironment);
}
