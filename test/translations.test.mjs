// The translations and the viewer as shipped (docs/behaviour.md, "Languages", "Download and the
// viewer"): modules beside dist/task-progress.min.js, not inside it, found relative to it wherever
// dist/ is served from: here a copy of dist/ in another folder, on a plain static server of another
// origin, as a CDN serves it. Runs on dist/, after `npm run build`.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeEachBrowser } from '../scripts/browser-suites.mjs';
import { mynthResults } from '../mock/bodies.js';
import { listen, startMockServer } from '../mock/server.js';

const TIMEOUT = 30_000;
const dist = new URL('../dist/', import.meta.url);
const languages = (await readdir(new URL('translations/', dist)))
  .filter((file) => /^[a-z]{2}(-[A-Z][a-z]{3})?\.js$/.test(file))
  .map((file) => file.slice(0, -'.js'.length));

/** @param {string} language */
const translation = async (language) =>
  /** @type {{ strings: import('../src/strings.js').TaskProgressStrings }} */ (
    await import(new URL(`translations/${language}.js`, dist).href)
  ).strings;

describe('the translations in dist/', () => {
  it('are nineteen modules beside the element file, none of them inside it', async () => {
    assert.deepEqual(languages.sort(), [
      ...[
        'ar',
        'de',
        'es',
        'fr',
        'he',
        'hi',
        'id',
        'it',
        'ja',
        'ko',
        'nl',
        'pl',
        'pt',
        'ru',
        'tr',
        'uk',
        'vi',
      ],
      ...['zh', 'zh-Hant'],
    ]);
    const shipped = await readFile(new URL('task-progress.min.js', dist), 'utf8');
    for (const language of languages) {
      const { status, retry } = await translation(language);
      for (const text of [status.pending, status.completed, retry])
        assert.ok(!shipped.includes(text), `${language} "${text}" is not in task-progress.min.js`);
    }
    assert.ok(shipped.includes('Generating…'), 'English is');
  });
});

describe('the modules loaded on first need in dist/', () => {
  for (const [file, mark] of [
    ['viewer.js', 'viewer-media'],
    // Reading a remembered task back: writing it is the element file's own (SPEC §9, v4).
    ['task-memory.js', 'sessionStorage.getItem'],
    // Only pages that follow a task on the gateway (`provider="mindproxy"`) load it.
    ['gateway.js', 'result_assets_json is not JSON.'],
    // The zero-JS start's request: hearing the submits is the element file's own.
    ['form-start.js', 'public_access_token'],
  ]) {
    it(`${file} is a module beside the element file that imports nothing, and not inside it`, async () => {
      const module = await readFile(new URL(file, dist), 'utf8');
      assert.doesNotMatch(module, /^\s*import\b|\bimport\(/m, `${file} imports nothing`);
      const shipped = await readFile(new URL('task-progress.min.js', dist), 'utf8');
      assert.ok(module.includes(mark));
      assert.ok(!shipped.includes(mark), `${file} is not in task-progress.min.js`);
    });
  }

  it('the task memory is written by task-progress.min.js itself, with no module to wait for', async () => {
    const shipped = await readFile(new URL('task-progress.min.js', dist), 'utf8');
    assert.ok(shipped.includes('task-progress:task:') && shipped.includes('sessionStorage.setItem'));
  });
});

/**
 * The paths of what `tab` loaded that contain `part`, in order.
 * @param {import('../scripts/browser-suites.mjs').TestPage} tab
 * @param {string} part
 */
const loadedPaths = (tab, part) =>
  tab.evaluate(
    `performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.includes(${JSON.stringify(part)}))`,
  );

describe('a copy of dist/ on a static server of its own', () => {
  /** @type {string} */
  let folder;
  /** @type {Awaited<ReturnType<typeof listen>>} */
  let cdn;
  /** @type {Awaited<ReturnType<typeof listen>>} */
  let site;
  /** @type {Awaited<ReturnType<typeof startMockServer>>} */
  let mock;
  /** A pending task, which the page's first and third elements follow. */
  /** @type {{ taskId: string, publicAccessToken: string }} */
  let task;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'task-progress-cdn-'));
    await cp(dist, join(folder, 'package', 'dist'), { recursive: true });
    // Files only, as a CDN serves them, to any origin (module scripts are fetched with CORS).
    cdn = await listen(async (req, res) => {
      const path = join(folder, decodeURIComponent(new URL(req.url ?? '/', 'http://cdn').pathname));
      try {
        const body = await readFile(path);
        const type = extname(path) === '.js' ? 'text/javascript' : 'application/octet-stream';
        res.writeHead(200, { 'Content-Type': type, 'Access-Control-Allow-Origin': '*' }).end(body);
      } catch {
        res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
      }
    });
    mock = await startMockServer();
    const response = await fetch(`${mock.url}/__mock/tasks`, {
      method: 'POST',
      body: JSON.stringify({ status: [{ json: { status: 'pending' } }] }),
    });
    task = /** @type {{ taskId: string, publicAccessToken: string }} */ (await response.json());
    const done = await fetch(`${mock.url}/__mock/tasks`, {
      method: 'POST',
      body: JSON.stringify({
        status: [{ json: { status: 'completed' } }],
        results: [{ json: mynthResults(mock.url, 2, { size: 64 }) }],
      }),
    });
    const results = /** @type {{ taskId: string, publicAccessToken: string }} */ (await done.json());
    const page = `<!doctype html><html lang="pt-BR"><title>CDN</title>
      <script type="module" src="${cdn.url}/package/dist/task-progress.min.js"></script>
      <task-progress base-url="${mock.url}" task-id="${task.taskId}"
        public-access-token="${task.publicAccessToken}"></task-progress>
      <task-progress id="results" viewer base-url="${mock.url}" task-id="${results.taskId}"
        public-access-token="${results.publicAccessToken}"></task-progress>
      <task-progress id="kept" remember-task base-url="${mock.url}" task-id="${task.taskId}"
        public-access-token="${task.publicAccessToken}"></task-progress>`;
    // The same tab after a reload: an element of the same id, with no task of its own.
    const reloaded = `<!doctype html><title>CDN</title>
      <script type="module" src="${cdn.url}/package/dist/task-progress.min.js"></script>
      <task-progress id="kept" remember-task base-url="${mock.url}"></task-progress>`;
    site = await listen((req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(req.url === '/reload' ? reloaded : page),
    );
  });

  after(async () => {
    await site?.close();
    await cdn?.close();
    await mock?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  describeEachBrowser((newPage) => {
    it('loads the translation next to task-progress.min.js', async () => {
      const expected = (await translation('pt')).status.pending;
      const tab = await newPage();
      try {
        await tab.goto(site.url, TIMEOUT);
        const status = `document.querySelector('task-progress')?.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim()`;
        const shown = await tab.waitFor(
          `${status} === ${JSON.stringify(expected)} && ${status}`,
          [],
          TIMEOUT,
        );
        assert.equal(shown, expected);
        const requested = await loadedPaths(tab, '/translations/');
        assert.deepEqual(requested, [
          '/package/dist/translations/pt.js',
          '/package/dist/translations/format.js',
        ]);
        assert.deepEqual(tab.errors, []);
      } finally {
        await tab.close();
      }
    });

    it('keeps the task, and after a reload reads it back with the task memory next to task-progress.min.js', async () => {
      const tab = await newPage();
      try {
        await tab.goto(site.url, TIMEOUT);
        const kept = await tab.waitFor(`sessionStorage.getItem('task-progress:task:["kept"]')`, [], TIMEOUT);
        assert.equal(JSON.parse(String(kept)).taskId, task.taskId);
        assert.deepEqual(await loadedPaths(tab, '/task-memory.js'), [], 'kept with nothing to wait for');
        await tab.goto(`${site.url}/reload`, TIMEOUT);
        const resumed = await tab.waitFor(`document.querySelector('#kept')?.taskId`, [], TIMEOUT);
        assert.equal(resumed, task.taskId);
        const requested = await loadedPaths(tab, '/task-memory.js');
        assert.deepEqual(requested, ['/package/dist/task-memory.js']);
        assert.deepEqual(tab.errors, []);
      } finally {
        await tab.close();
      }
    });

    it('loads the viewer next to task-progress.min.js, and opens a result in it', async () => {
      const { close, status } = await translation('pt');
      const tab = await newPage();
      try {
        await tab.goto(site.url, TIMEOUT);
        const root = `document.querySelector('#results')?.shadowRoot`;
        // The results shown in Portuguese: the translation has loaded.
        const completed = `${root}?.querySelector('[part="status"]')?.textContent?.trim() === ${JSON.stringify(status.completed)}`;
        await tab.waitFor(`${completed} && ${root}.querySelector('.tile-link')`, [], TIMEOUT);
        await tab.evaluate(`${root}.querySelector('.tile-link').click()`);
        const shown = await tab.waitFor(
          `${root}.querySelector('dialog[open] [part="viewer-close"]')?.textContent`,
          [],
          TIMEOUT,
        );
        assert.equal(shown, close, 'the viewer, in Portuguese');
        const requested = await loadedPaths(tab, '/viewer.js');
        assert.deepEqual(requested, ['/package/dist/viewer.js']);
        assert.deepEqual(tab.errors, []);
      } finally {
        await tab.close();
      }
    });
  });
});
