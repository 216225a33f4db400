// The test server's hand on the modules the element loads on first need, for this browser
// (web-test-runner.config.mjs): held back until released, or answered 503 until served again.
type Method = 'POST' | 'DELETE';

/** POST: the modules are held back from now on; DELETE: released. */
export const holdModules = (method: Method) => fetch('/__hold-modules', { method });

/** POST: the modules fail to load from now on; DELETE: served again. */
export const failModules = (method: Method) => fetch('/__fail-modules', { method });
