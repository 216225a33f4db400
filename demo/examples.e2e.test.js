// The framework examples (demo/examples/: plain HTML, React 19, Preact, Solid, Vue 3, Svelte 5,
// built with Vite and served with the mock task API; Next.js, built with `next build`, its pages
// rendered on the server with tasks that its server starts on that mock), in Chromium, Firefox and
// WebKit: in each, the element follows a quick task to `completed` and the framework's own handler
// records `task-complete`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { describeEachBrowser } from '../scripts/browser-suites.mjs';

const TIMEOUT = 20_000;
const configFile = fileURLToPath(new URL('examples/vite.config.ts', import.meta.url));
const nextApp = fileURLToPath(new URL('examples/next', import.meta.url));
const nextBin = fileURLToPath(new URL('../node_modules/next/dist/bin/next', import.meta.url));
const dist = fileURLToPath(new URL('../dist', import.meta.url));
/** What the examples load from the package. */
const DIST_FILES = ['task-progress.min.js', 'index.js', 'define.js', 'react.js'];

/**
 * Each example's page and its cases: a `[data-case]` section with one <task-progress> and, once the
 * framework's handler saw `task-complete`, a `[data-complete]` element. `tokenAttribute`: the case
 * hands over the token as an attribute rather than as a property. `next`: the page is the Next.js
 * app's, else Vite's `/{name}/`.
 * @type {{ name: string, next?: boolean, cases: { name: string, tokenAttribute: boolean }[] }[]}
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
  {
    name: 'next',
    next: true,
    cases: [
      { name: 'element', tokenAttribute: false },
      { name: 'wrapper', tokenAttribute: false },
    ],
  },
];

/**
 * Runs the Next.js CLI on the example; resolves once `ready` matches its output (or it exits 0).
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {RegExp} [ready]
 * @returns {Promise<import('node:child_process').ChildProcess>}
 */
function next(args, env, ready) {
  const child = spawn(process.execPath, [nextBin, ...args, nextApp], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    // A group of its own, so that stopping it stops any worker it started.
    detached: true,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    /** @param {Buffer} chunk */
    const read = (chunk) => {
      output += chunk.toString();
      if (ready?.test(output)) resolve(child);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 && !ready ? resolve(child) : reject(new Error(`next ${args[0]} exited ${code}:\n${output}`)),
    );
  });
}

/** A port that was free a moment ago: `next start` takes no port 0. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject()));
    });
  });
}

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
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let nextServer;
  /** @type {string} */
  let nextUrl;

  before(async () => {
    if (missingDist.length) return;
    outDir = await mkdtemp(join(tmpdir(), 'task-progress-examples-'));
    await Promise.all([
      build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } }),
      next(['build'], {}),
    ]);
    server = await preview({
      configFile,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    const address = server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('The examples server has no port.');
    url = `http://127.0.0.1:${address.port}`;
    // The Next.js app's server starts its tasks on the mock that the Vite server mounts.
    const port = await freePort();
    nextServer = await next(['start', '-H', '127.0.0.1', '-p', String(port)], { MOCK_API: url }, /Ready/);
    nextUrl = `http://127.0.0.1:${port}`;
  });

  after(async () => {
    if (nextServer?.pid && nextServer.exitCode === null) process.kill(-nextServer.pid, 'SIGKILL');
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
          await page.goto(example.next ? `${nextUrl}/` : `${url}/${example.name}/`, TIMEOUT);
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
