// The modules the element imports on first need (download and the viewer, the task memory, the
// notice, the stream, the gateway dialect, the zero-JS start) ship beside it, not inside it: a
// bundle measured as the element ships leaves them out, as this esbuild plugin does.

/** @type {import('esbuild').Plugin} */
export const besideModules = {
  name: 'beside-modules',
  setup(build) {
    build.onResolve(
      { filter: /^\.\.?\/(viewer|task-memory|notification|event-stream|gateway|form-start)\.js$/ },
      ({ path }) => ({
        path,
        external: true,
      }),
    );
  },
};
