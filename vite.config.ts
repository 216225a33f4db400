// `npm start`: the demo page with the mock task API and the demo's server routes (`/api/*`) mounted
// as middleware (no network, no key; with MYNTH_API_KEY set, `/api/generate` starts real tasks).
// `npm run build`: dist/task-progress.min.js, one self-contained module that registers the element.
import { fileURLToPath } from 'node:url';
import { transform as transformCss } from 'lightningcss';
import { minify } from 'terser';
import { defineConfig, type Plugin } from 'vite';
import { createDemoApi } from './demo/server.js';
import { createTaskApi } from './mock/task-api.js';

function mockTaskApi(): Plugin {
  return {
    name: 'mock-task-api',
    configureServer(server) {
      const api = createTaskApi();
      server.middlewares.use(
        createDemoApi({
          api,
          mynthApiKey: process.env.MYNTH_API_KEY,
          mynthApiUrl: process.env.MYNTH_API_URL,
          mynthModel: process.env.MYNTH_MODEL,
        }),
      );
      server.middlewares.use(api.middleware);
    },
  };
}

/** The styles' CSS text ships as written: minify it in the shipped file. */
function minifiedStyles(): Plugin {
  return {
    name: 'minified-styles',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return undefined;
      return code.replace(/css`([^`$]*)`/g, (_, text: string) => {
        const { code: minified } = transformCss({ filename: id, code: Buffer.from(text), minify: true });
        return `css\`${minified.toString()}\``;
      });
    },
  };
}

/** A second minifier after the bundler's: it folds what the first leaves (0.3 kB gzip less). */
function terserPass(): Plugin {
  return {
    name: 'terser-pass',
    apply: 'build',
    async renderChunk(code) {
      const result = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 } });
      return result.code === undefined ? null : { code: result.code, map: null };
    },
  };
}

export default defineConfig({
  root: 'demo',
  // One page: unknown paths (such as the mock's unplayable video) answer 404, not the page.
  appType: 'mpa',
  plugins: [mockTaskApi(), minifiedStyles(), terserPass()],
  server: { port: 5173 },
  // Only the demo page: the framework examples under demo/examples import the package's built
  // dist/, which a fresh clone does not have yet (they have their own config and server).
  optimizeDeps: { entries: ['index.html'] },
  build: {
    outDir: fileURLToPath(new URL('dist', import.meta.url)),
    emptyOutDir: false,
    target: 'es2022',
    // Library builds keep whitespace by default; this file is the shipped one, so minify it all.
    rolldownOptions: { output: { minify: true } },
    lib: {
      entry: fileURLToPath(new URL('src/define.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'task-progress.min.js',
    },
  },
});
