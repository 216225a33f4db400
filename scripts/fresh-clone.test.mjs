// README's recipes, run as written on a fresh clone: a copy of the repository's files beside this
// checkout's node_modules (what `npm install` makes). There `npm run mock -- <port>` builds the
// element and serves it on that port; `npm pack` makes the tarball; a new app installs it with
// README's line; the entry points README names import in Node; and README's Plain HTML snippet,
// served with the installed file, follows a mock task to its images in each browser.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { sendJson } from '../demo/http.js';
import { listen, startMockServer } from '../mock/server.js';
import { describeEachBrowser } from './browser-suites.mjs';
import { readme, readmeCodeBlock } from './readme.mjs';

const TIMEOUT = 30_000;
const root = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);
// The commands run as in a user's shell, without the variables of the npm that runs this test
// (npm_config_local_prefix would point a nested npm at this checkout).
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
const quiet = ['--prefer-offline', '--no-audit', '--no-fund'];

/** Page code: the element's state and its number of images, once it has ended and they have loaded. */
const settled = `(() => {
  const element = document.querySelector('task-progress');
  const images = [...(element?.shadowRoot?.querySelectorAll('img') ?? [])];
  const loaded = images.every((image) => image.complete && image.naturalWidth > 0);
  const state = element?.state;
  return ['completed', 'failed', 'error'].includes(state) && loaded && { state, images: images.length };
})()`;

/** The package names README and the framework guide import, and the package itself. */
function namedEntryPoints() {
  const text = readme + readFileSync(join(root, 'docs/frameworks.md'), 'utf8');
  const names = [...text.matchAll(/['"`](task-progress(?:\/[\w.-]+)?)['"`]/g)].map((match) => match[1]);
  return [...new Set(['task-progress', ...names])];
}

/** A port free a moment ago. */
async function freePort() {
  const server = await listen(() => {});
  await server.close();
  return Number(new URL(server.url).port);
}

/**
 * Resolves once `child` has printed a line matching `pattern`; rejects when it exits first.
 * @param {import('node:child_process').ChildProcess} child
 * @param {RegExp} pattern
 */
function printed(child, pattern) {
  let output = '';
  return new Promise((resolve, reject) => {
    const seen = (/** @type {Buffer} */ chunk) => {
      output += chunk;
      if (pattern.test(output)) resolve(output);
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.on('exit', (code) =>
      reject(new Error(`exited with ${code} before printing ${pattern}:\n${output}`)),
    );
  });
}

describe('README on a fresh clone', () => {
  const temp = mkdtempSync(join(tmpdir(), 'task-progress-clone-'));
  const clone = join(temp, 'clone');
  const app = join(temp, 'app');
  const site = join(app, 'public');
  let mockPort = 0;
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let recipe;
  /** @type {Promise<unknown>} */
  let recipeListening;
  /** @type {Awaited<ReturnType<typeof startMockServer>> | undefined} */
  let mock;
  /** @type {Awaited<ReturnType<typeof listen>> | undefined} */
  let server;

  before(async () => {
    // What a clone holds: the files git tracks, and new ones it does not ignore (so that
    // uncommitted work is what runs). No dist/: the recipes must build it.
    const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
    });
    for (const file of stdout.split('\0').filter((path) => path && existsSync(join(root, path)))) {
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      cpSync(join(root, file), join(clone, file));
    }
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'));

    mockPort = await freePort();
    recipe = spawn('npm', ['run', 'mock', '--', String(mockPort)], { cwd: clone, env, detached: true });
    recipeListening = printed(recipe, /listening on .*\n/);
    await recipeListening;
  });

  after(async () => {
    await server?.close();
    await mock?.close();
    // npm, its shell and the mock server: the recipe's process group.
    if (recipe?.pid && recipe.exitCode === null) {
      const exited = once(recipe, 'exit');
      process.kill(-recipe.pid, 'SIGTERM');
      await exited;
    }
    rmSync(temp, { recursive: true, force: true });
  });

  it('`npm run mock -- <port>` builds the element and serves it, and the task API, on that port', async () => {
    assert.match(readme, /`npm run mock -- 8788`/, 'README gives the port this way');
    assert.match(
      String(await recipeListening),
      new RegExp(`listening on http://127\\.0\\.0\\.1:${mockPort}\\b`),
    );
    const element = await fetch(`http://127.0.0.1:${mockPort}/task-progress.min.js`);
    assert.equal(element.status, 200);
    assert.match(await element.text(), /customElements\.define\("task-progress"/);
    const start = await fetch(`http://127.0.0.1:${mockPort}/image/generate`, {
      method: 'POST',
      headers: { Authorization: 'Bearer any-key', 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt: 'A lighthouse at dusk' }),
    });
    assert.equal(start.status, 200);
  });

  it('`npm pack` makes the tarball that README installs, and a new app installs it with README’s line', async () => {
    // README: "`npm install && npm pack` builds it". `npm pack` runs prepack, `npm run build`, which
    // the mock recipe has just run in this clone (both as asserted here): packing without it packs
    // the same files, in half the time. That the port is taken is the EADDRINUSE message's case,
    // which docs.test.mjs checks on the command the mock script ends in.
    const { scripts } = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8'));
    assert.equal(scripts.prepack, 'npm run build');
    assert.match(scripts.mock, /^npm run build && /);
    const out = join(temp, 'out');
    mkdirSync(out);
    await run('npm', ['pack', '--ignore-scripts', '--pack-destination', out], { cwd: clone, env });

    const install = readme.match(/`npm install path\/to\/([\w.-]+\.tgz)`/);
    assert.ok(install, 'README says how to install the tarball');
    mkdirSync(site, { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
    await run('npm', ['install', join(out, install[1]), ...quiet], { cwd: app, env });
    const installed = join(app, 'node_modules/task-progress');
    assert.ok(existsSync(join(installed, 'dist/task-progress.min.js')), 'the Plain HTML snippet’s file');

    // The React wrapper's optional peers, as README's React section installs them, beside React.
    assert.match(readme, /`npm install task-progress @lit\/react`/);
    await run('npm', ['install', '@lit/react', 'react', ...quiet], { cwd: app, env });
  });

  it('every entry point README and the framework guide import loads in Node, without a DOM', async () => {
    const entryPoints = namedEntryPoints();
    assert.ok(entryPoints.includes('task-progress/define') && entryPoints.includes('task-progress/react'));
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const failed = {};
        for (const name of JSON.parse(process.argv[1])) await import(name).catch((error) => (failed[name] = String(error)));
        console.log(JSON.stringify(failed));`,
        JSON.stringify(entryPoints),
      ],
      { cwd: app, env },
    );
    assert.deepEqual(JSON.parse(stdout), {});
  });

  describe('the Plain HTML snippet, served with the installed file', () => {
    before(async () => {
      // README: "Copy dist/task-progress.min.js […] next to your pages". The snippet stays as
      // written but for one attribute: `base-url`, which points the element at the mock instead
      // of the real API. Its `/api/generate` is the app's endpoint, served below.
      cpSync(
        join(app, 'node_modules/task-progress/dist/task-progress.min.js'),
        join(site, 'task-progress.min.js'),
      );
      const snippet = readmeCodeBlock('### Plain HTML', 'html');
      const tag = '<task-progress id="generation"';
      assert.ok(snippet.includes(tag), `the snippet has ${tag}`);
      mock = await startMockServer();
      writeFileSync(join(site, 'index.html'), snippet.replace(tag, `${tag} base-url="${mock.url}"`));
      server = await listen(
        (req, res) => void serveApp(req, res).catch((error) => sendJson(res, 500, String(error))),
      );
    });

    /**
     * The app: its pages, and its endpoint, which starts a task with the secret key server-side
     * (here on the mock) and answers only the task id and its public access token.
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     */
    async function serveApp(req, res) {
      if (req.method === 'POST' && req.url === '/api/generate') {
        const response = await fetch(`${mock?.url}/image/generate`, {
          method: 'POST',
          headers: { Authorization: 'Bearer any-key', 'Content-Type': 'application/json' },
          body: JSON.stringify({ prompt: 'A lighthouse at dusk' }),
        });
        const { taskId, access } =
          /** @type {{ data: { taskId: string, access: { publicAccessToken: string } } }} */ (
            await response.json()
          ).data;
        return sendJson(res, 200, { taskId, publicAccessToken: access.publicAccessToken });
      }
      const file = { '/': 'index.html', '/task-progress.min.js': 'task-progress.min.js' }[req.url ?? ''];
      if (!file) return void res.writeHead(404).end();
      const type = file.endsWith('.js') ? 'text/javascript' : 'text/html';
      res.writeHead(200, { 'Content-Type': type }).end(await readFile(join(site, file)));
    }

    describeEachBrowser((newPage) => {
      it('follows a task to completed and shows its four images', async () => {
        const tab = await newPage();
        try {
          await tab.goto(`${server?.url}/`, TIMEOUT);
          const seen = await tab.waitFor(settled, [], TIMEOUT).catch(async (/** @type {Error} */ error) => {
            // Say how far it got: an element with no state was never defined (the script did not load).
            const state = await tab.evaluate(`document.querySelector('task-progress').state ?? 'undefined'`);
            throw new Error(`${error.message}; the element's state: ${String(state)}`);
          });
          assert.deepEqual(seen, { state: 'completed', images: 4 });
          assert.deepEqual(tab.errors, []);
        } finally {
          await tab.close();
        }
      });
    });
  });
});
