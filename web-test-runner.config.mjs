// Browser tests: every test file runs in Chromium, in Firefox ESR (over WebDriver BiDi) and in
// WebKitGTK (over WebDriver classic, under a virtual display), all the system's own, against the
// mock task API served from a second origin.
import { mkdirSync, writeFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { relative } from 'node:path';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { startMockServer } from './mock/server.js';
import { BESIDE_MODULES } from './scripts/beside-modules.mjs';
import { CHROMIUM_ARGS, browsers, findBrowser } from './scripts/browsers.mjs';
import { WebKitLauncher } from './scripts/webkit-launcher.mjs';

const [chromium, firefox, webkit] = browsers.map((browser) => findBrowser(browser));

/**
 * Starts the mock API beside the test server and tells test pages where it is. Pages named
 * `*.csp.html` are served under the strict CSP of docs/behaviour.md (Security) with Trusted Types required.
 */
function mockTaskApi() {
  /** @type {Awaited<ReturnType<typeof startMockServer>> | undefined} */
  let mock;
  return {
    name: 'mock-task-api',
    async serverStart() {
      mock = await startMockServer();
    },
    async serverStop() {
      await mock?.close();
    },
    /** The mock's origin, once started. */
    get url() {
      return mock?.url;
    },
    /** @param {{ path: string }} context */
    serve(context) {
      if (context.path === '/__mock-api.json')
        return { body: JSON.stringify({ mockApiUrl: mock?.url }), type: 'json' };
      return undefined;
    },
    /** @param {{ path: string }} context */
    transform(context) {
      if (!context.path.endsWith('.csp.html')) return undefined;
      const policy = [
        "default-src 'self'",
        "style-src 'self'",
        `connect-src 'self' ${mock?.url}`,
        `img-src 'self' ${mock?.url}`,
        "require-trusted-types-for 'script'",
        'trusted-types lit-html',
      ].join('; ');
      return { headers: { 'Content-Security-Policy': policy } };
    },
  };
}

/** Writes each browser's pass/fail counts per test file, for the closing summary. */
function countReporter() {
  return {
    /** @param {{ sessions: Iterable<import('@web/test-runner').TestSession> }} args */
    onTestRunFinished({ sessions }) {
      /** @type {{ browser: string, file: string, passed: number, failed: number }[]} */
      const rows = [];
      for (const session of sessions) {
        const counts = { passed: 0, failed: 0 };
        countTests(session.testResults, counts);
        if (!session.passed && counts.failed === 0) counts.failed = 1; // a file that failed to load
        rows.push({
          browser: session.browser.name,
          file: relative(process.cwd(), session.testFile),
          ...counts,
        });
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync('.test-results/browsers.json', JSON.stringify(rows, null, 2));
    },
  };
}

/**
 * @param {import('@web/test-runner').TestSuiteResult | undefined} suite
 * @param {{ passed: number, failed: number }} counts
 */
function countTests(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) continue;
    if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite?.suites ?? []) countTests(child, counts);
}

const taskApi = mockTaskApi();

/**
 * `/same-origin/…` reaches the mock API through the test page's own origin, as a relative
 * `start-url` does (with the page's cookies).
 * @param {import('koa').Context} context
 * @param {() => Promise<unknown>} next
 */
async function sameOriginMock(context, next) {
  if (!context.path.startsWith('/same-origin/')) return next();
  const headers = /** @type {Record<string, string>} */ ({});
  for (const name of ['content-type', 'cookie']) {
    const value = context.get(name);
    if (value) headers[name] = value;
  }
  const response = await fetch(`${taskApi.url}${context.url.slice('/same-origin'.length)}`, {
    method: context.method,
    headers,
    body: context.method === 'POST' ? await text(context.req) : undefined,
  });
  context.status = response.status;
  context.set('Content-Type', response.headers.get('Content-Type') ?? 'text/plain');
  context.body = await response.text();
}

/**
 * The sources of the modules the element loads on first need: a translation (by URL, so as `.js`),
 * and the others (by `import()`, which the test server resolves to their `.ts`).
 */
const BESIDE_SOURCES = new RegExp(
  `^/src/(translations/[\\w-]+|${Object.values(BESIDE_MODULES).join('|')})\\.[jt]s$`,
);

/**
 * A slow network, in which the element's own file has arrived and nothing else has: after
 * `POST /__hold-modules`, the modules it loads on first need are held back from that browser until
 * `DELETE /__hold-modules`; after `POST /__fail-modules`, they answer 503 until that `DELETE`.
 * Each browser apart (by its User-Agent), as the browsers run side by side.
 */
function heldModules() {
  /** @type {Map<string, { released: Promise<void>, release: () => void }>} */
  const held = new Map();
  /** The browsers whose modules fail. */
  const failing = new Set();
  /**
   * @param {import('koa').Context} context
   * @param {() => Promise<unknown>} next
   */
  return async (context, next) => {
    const agent = context.get('user-agent');
    if (context.path === '/__fail-modules') {
      if (context.method === 'POST') failing.add(agent);
      else failing.delete(agent);
      context.status = 204;
      return undefined;
    }
    if (context.path === '/__hold-modules') {
      held.get(agent)?.release();
      held.delete(agent);
      if (context.method === 'POST') {
        /** @type {() => void} */
        let release = () => {};
        const released = new Promise((resolve) => (release = () => resolve(undefined)));
        held.set(agent, { released, release });
      }
      context.status = 204;
      return undefined;
    }
    if (!BESIDE_SOURCES.test(context.path)) return next();
    if (failing.has(agent)) context.status = 503;
    else {
      await held.get(agent)?.released;
      await next();
    }
    // Asked of this server by every page, so that it can be held or failed: the test runner gives
    // each served file whose path has an extension a year's cache (it reads the path once the
    // response is made), so the path loses its extension once served. A failed answer is not
    // cached either: Chromium kept one and failed the module on later pages.
    context.set('Cache-Control', 'no-store');
    context.path = context.path.replace(/\.[jt]s$/, '');
    return undefined;
  };
}

/**
 * The element loads a translation and its other modules of first need from beside its module,
 * as `./translations/de.js`, `./viewer.js`, `./gateway.js`… (as in dist/): beside the source, that
 * is the `.ts` file, which the esbuild plugin compiles.
 * @param {import('koa').Context} context
 * @param {() => Promise<unknown>} next
 */
function besideSources(context, next) {
  if (BESIDE_SOURCES.test(context.path)) context.path = context.path.replace(/\.js$/, '.ts');
  return next();
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // A browser shows one tab at a time and the others are hidden, which pauses the element's polling:
  // one test file at a time per browser keeps each test page visible. The browsers run side by side.
  concurrency: 1,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), taskApi],
  middleware: [sameOriginMock, heldModules(), besideSources],
  browsers: [
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'chrome', executablePath: chromium, args: CHROMIUM_ARGS },
    }),
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: firefox },
    }),
    new WebKitLauncher(/** @type {string} */ (webkit)),
  ],
  reporters: [defaultReporter(), countReporter()],
  // Lit announces its development build once per page; every other browser log is shown.
  filterBrowserLogs: (/** @type {{ args: unknown[] }} */ log) =>
    !String(log.args[0]).startsWith('Lit is in dev mode'),
};
