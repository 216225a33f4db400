// `npm start`: the demo page with the mock task API and the demo's server routes (`/api/*`) mounted
// as middleware (no network, no key; with MYNTH_API_KEY set, `/api/generate` starts real tasks).
// `npm run build`: dist/task-progress.min.js, one self-contained module that registers the element.
import { fileURLToPath } from 'node:url';
import { transform as transformCss } from 'lightningcss';
import { minify } from 'terser';
import ts from 'typescript';
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
    },
  };
}

/** The styles' CSS text (one constant template in `*.styles.ts`) is minified in the shipped file. */
function minifiedStyles(): Plugin {
  return {
    name: 'minified-styles',
    apply: 'build',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return undefined;
      return code.replace(/unsafeCSS\(`([^`$]*)`/g, (_, text: string) => {
        const { code: minified } = transformCss({ filename: id, code: Buffer.from(text), minify: true });
        return `unsafeCSS(\`${minified.toString()}\``;
      });
    },
  };
}

/**
 * Lit templates ship as written too: in the shipped file, a line break and its indentation go
 * where they touch a tag (`>` or `<`), and become one space elsewhere (between attributes, or text
 * and an expression).
 */
function minifiedTemplates(): Plugin {
  return {
    name: 'minified-templates',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/src/') || !id.endsWith('.ts') || !code.includes('html`')) return undefined;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const spans: [number, number][] = [];
      const visit = (node: ts.Node) => {
        if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html') {
          const { template } = node;
          const literals = ts.isNoSubstitutionTemplateLiteral(template)
            ? [template]
            : [template.head, ...template.templateSpans.map((span) => span.literal)];
          for (const literal of literals) spans.push([literal.getStart(source), literal.end]);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      let result = code;
      for (const [start, end] of spans.sort((a, b) => b[0] - a[0])) {
        const text = result
          .slice(start, end)
          .replace(/\s*\n\s*/g, (run: string, at: number, all: string) =>
            /[<>]/.test(all[at - 1] + all[at + run.length]) ? '' : ' ',
          );
        result = result.slice(0, start) + text + result.slice(end);
      }
      return { code: result, map: null };
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
      output: { minify: true },
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
