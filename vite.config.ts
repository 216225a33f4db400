// `npm start`: the demo page with the mock task API and the demo's server routes (`/api/*`) mounted
// as middleware (no network, no key; with MYNTH_API_KEY set, `/api/generate` starts real tasks).
// `npm run build`: dist/task-progress.min.js, one self-contained module that registers the element,
// and the modules it loads on first need beside it (dist/viewer.js, dist/gateway.js, dist/form-start.js…), minified.
import { fileURLToPath } from 'node:url';
import { transform as transformCss } from 'lightningcss';
import { minifyHTMLLiterals } from 'minify-literals';
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
      // The no-code page loads the element as a CDN serves it: here, its source through Vite, so
      // that it works on a fresh clone without a build and shows every change at once.
      const source = `/@fs${fileURLToPath(new URL('src/define.ts', import.meta.url))}`;
      server.middlewares.use('/task-progress.min.js', (_req, res) => {
        res.writeHead(302, { Location: source }).end();
      });
      // It loads a translation by URL, `./translations/de.js` beside its module: the source's `.ts`.
      server.middlewares.use((req, _res, next) => {
        req.url = req.url?.replace(/(\/src\/translations\/[\w-]+)\.js$/, '$1.ts');
        next();
      });
    },
  };
}

/**
 * The styles' CSS text, one constant `unsafeCSS(`…`)` per `*.styles.ts`, minified by Lightning CSS
 * in the shipped file. Not by minify-literals: it minifies only tagged templates and skips every
 * file that mentions `unsafeCSS`, and the `css` tag it would need makes the shipped file 22.09 kB
 * gzip instead of 21.95 kB, over its 22 kB limit. A styles file written any other way (another tag
 * or spelling, an interpolation) fails the build instead of shipping unminified.
 */
function minifiedStyles(): Plugin {
  return {
    name: 'minified-styles',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return undefined;
      let minifiedCount = 0;
      const result = code.replace(/unsafeCSS\(`([^`$]*)`/g, (_, text: string) => {
        minifiedCount++;
        const { code: minified } = transformCss({ filename: id, code: Buffer.from(text), minify: true });
        return `unsafeCSS(\`${minified.toString()}\``;
      });
      if (minifiedCount === 0 || minifiedCount !== code.split('unsafeCSS(').length - 1) {
        this.error(`${id}: the CSS must be written as unsafeCSS(\`…\`) with no \${…} to be minified.`);
      }
      return { code: result, map: null };
    },
  };
}

/**
 * Lit templates are minified by minify-literals (html-minifier-next) in the shipped file. It
 * leaves a file alone that it cannot parse or that mentions `unsafeHTML`: a source file with an
 * `html` template that comes back unchanged fails the build instead of shipping unminified.
 */
function minifiedTemplates(): Plugin {
  return {
    name: 'minified-templates',
    apply: 'build',
    async transform(code, id) {
      if (!id.includes('/src/') || !id.endsWith('.ts') || !code.includes('html`')) return undefined;
      const result = await minifyHTMLLiterals(code, { fileName: id, css: false });
      if (!result) this.error(`${id}: its html templates were not minified.`);
      return result;
    },
  };
}

/**
 * A second minifier after the bundler's: it folds what the first leaves (0.3 kB gzip less), and
 * drops the `/* @__PURE__ *\/` marks the first keeps for a later bundler (nothing bundles this file).
 */
function terserPass(): Plugin {
  return {
    name: 'terser-pass',
    apply: 'build',
    async generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await minify(chunk.code, { module: true, ecma: 2020, compress: { passes: 2 } });
        if (result.code !== undefined) chunk.code = result.code;
      }
    },
  };
}

export default defineConfig({
  root: 'demo',
  // One page: unknown paths (such as the mock's unplayable video) answer 404, not the page.
  appType: 'mpa',
  plugins: [mockTaskApi(), minifiedStyles(), minifiedTemplates(), terserPass()],
  server: { port: 5173 },
  // Only the demo page: the framework examples under demo/examples import the package's built
  // dist/, which a fresh clone does not have yet (they have their own config and server).
  optimizeDeps: { entries: ['index.html'] },
  build: {
    outDir: fileURLToPath(new URL('dist', import.meta.url)),
    emptyOutDir: false,
    target: 'es2022',
    // Library builds keep whitespace by default; this file is the shipped one, so minify it all.
    rolldownOptions: {
      // The modules it imports on first need (download and the viewer, the task memory, the zero-JS
      // start…) are chunks beside it, named as the library's files are, so one copy of dist/ serves
      // both.
      output: { minify: true, chunkFileNames: '[name].js' },
      // The terser pass takes most of the build on purpose: no warning that it is slow.
      checks: { bundlerTimings: false },
    },
    lib: {
      entry: fileURLToPath(new URL('src/define.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'task-progress.min.js',
    },
  },
});
