// The framework examples (demo/examples/: plain HTML, React 19, Preact, Solid, Vue 3, Svelte 5),
// built with Vite and served with the mock task API, in Chromium, Firefox and WebKit: in each, the
// element follows a quick task to `completed` and the framework's own handler records
// `task-complete`.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { describeEachBrowser } from '../scripts/browser-suites.mjs';

const TIMEOUT = 20_000;
const configFile = fileURLToPath(new URL('examples/vite.config.ts', import.meta.url));
const dist = fileURLToPath(new URL('../dist', import.meta.url));
/** What the examples load from the package. */
const DIST_FILES = ['task-progress.min.js', 'index.js', 'define.js', 'react.js'];

/**
 * Each example's page and its cases: a `[data-case]` section with one <task-progress> and, once the
 * framework's handler saw `task-complete`, a `[data-complete]` element. `tokenAttribute`: the case
 * hands over the token as an attribute rather than as a property.
 * @type {{ name: string, cases: { name: string, tokenAttribute: boolean }[] }[]}
 */
const examples = [
  { name: 'html', cases: [{ name: 'html', tokenAttribute: false }] },
  {
    name: 'react',
    cases: [
      { name: 'native', tokenAttribute: true },
      { name: 'wrapper', tokenAttribute: false },
    ],
  },
  { name: 'preact', cases: [{ name: 'preact', tokenAttribute: false }] },
  { name: 'solid', cases: [{ name: 'solid', tokenAttribute: false }] },
  { name: 'vue', cases: [{ name: 'vue', tokenAttribute: false }] },
  { name: 'svelte', cases: [{ name: 'svelte', tokenAttribute: false }] },
];

/**
 * @typedef {object} CaseSnapshot
 * @property {string} name
 * @property {string | null} state
 * @property {number | null} images the element's `images`
 * @property {number | null} rendered `<img>` in its shadow root
 * @property {string | null} complete what the handler recorded (`data-complete`)
 * @property {string | null} text
 * @property {boolean} tokenAttribute
 */

/**
 * Page code: the cases as they stand, or `false` while one is still on its way.
 * @param {string[]} names
 * @param {boolean} final answer the snapshot even if not done
 * @returns {CaseSnapshot[] | false}
 */
function snapshot(names, final) {
  const { document } = /** @type {{ document: any }} */ (/** @type {unknown} */ (globalThis));
  const snapshots = names.map((name) => {
    const section = document.querySelector(`[data-case="${name}"]`);
    const element = section?.querySelector('task-progress');
    const result = section?.querySelector('[data-complete]');
    return {
      name,
      state: element?.state ?? null,
      images: element?.images?.length ?? null,
      rendered: element?.shadowRoot?.querySelectorAll('img').length ?? null,
      complete: result?.getAttribute('data-complete') ?? null,
      text: result?.textContent?.trim() ?? null,
      tokenAttribute: element?.hasAttribute('public-access-token') ?? false,
    };
  });
  const terminal = ['failed', 'cancelled', 'expired', 'error'];
  const done = snapshots.every(
    (item) => terminal.includes(item.state ?? '') || (item.state === 'completed' && item.complete !== null),
  );
  return done || final ? snapshots : false;
}

const missingDist = DIST_FILES.filter((file) => !existsSync(join(dist, file)));

describe('the framework examples', () => {
  /** @type {string} */
  let outDir;
  /** @type {import('vite').PreviewServer | undefined} */
  let server;
  /** @type {string} */
  let url;

  before(async () => {
    if (missingDist.length) return;
    outDir = await mkdtemp(join(tmpdir(), 'task-progress-examples-'));
    await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    server = await preview({
      configFile,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('The examples server has no port.');
    url = `http://127.0.0.1:${address.port}`;
  });

  after(async () => {
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('a bundled app splits off download and the viewer, and the task memory, as chunks of its own', async () => {
    assert.deepEqual(missingDist, [], 'dist/ is not built: run `npm run build` first');
    const chunks = (await readdir(join(outDir, 'assets'))).map((file) => file.replace(/-[\w-]{8}\.js$/, ''));
    assert.ok(chunks.includes('viewer'), `a viewer chunk among ${chunks.join(', ')}`);
    assert.ok(chunks.includes('task-memory'), `a task-memory chunk among ${chunks.join(', ')}`);
  });

  describeEachBrowser((newPage, browserName) => {
    for (const example of examples) {
      it(`${example.name}: the element completes and the framework's handler sees task-complete`, async () => {
        assert.deepEqual(missingDist, [], 'dist/ is not built: run `npm run build` first');
        const page = await newPage();
        const names = example.cases.map((item) => item.name);
        try {
          await page.goto(`${url}/${example.name}/`, TIMEOUT);
          /** @type {CaseSnapshot[]} */
          let cases;
          try {
            cases = /** @type {CaseSnapshot[]} */ (await page.waitFor(snapshot, [names, false], TIMEOUT));
          } catch (error) {
            const seen = await page.evaluate(snapshot, names, true).catch(() => 'no snapshot');
            throw new Error(
              `${example.name} in ${browserName} did not finish: ${JSON.stringify(seen)}; page errors: ${JSON.stringify(page.errors)}`,
              { cause: error },
            );
          }
          for (const item of example.cases) {
            const seen = /** @type {CaseSnapshot} */ (
              cases.find((candidate) => candidate.name === item.name)
            );
            assert.deepEqual(
              seen,
              {
                name: item.name,
                state: 'completed',
                images: 4,
                rendered: 4,
                complete: '4',
                text: 'complete: 4 images',
                tokenAttribute: item.tokenAttribute,
              },
              `${example.name} (${item.name}) in ${browserName}`,
            );
          }
          assert.deepEqual(page.errors, []);
        } finally {
          await page.close();
        }
      });
    }
  });
});
