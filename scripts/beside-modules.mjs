// The modules the element imports on first need (download and the viewer, the task memory, the
// notice, the stream, the gateway dialect, the zero-JS start) ship beside it, not inside it: one
// list of them for everything that must know them (the size guard, the bench, the test server).

/** Each module, by its file's name in dist/, with its source in src/. */
export const BESIDE_MODULES = {
  viewer: 'viewer',
  'task-memory': 'task-memory',
  notification: 'notification',
  'event-stream': 'event-stream',
  gateway: 'adapters/gateway',
  'form-start': 'form-start',
};

/**
 * A bundle measured as the element ships leaves them out, as this esbuild plugin does.
 * @type {import('esbuild').Plugin}
 */
export const besideModules = {
  name: 'beside-modules',
  setup(build) {
    const filter = new RegExp(`^\\.\\.?/(${Object.keys(BESIDE_MODULES).join('|')})\\.js$`);
    build.onResolve({ filter }, ({ path }) => ({ path, external: true }));
  },
};
