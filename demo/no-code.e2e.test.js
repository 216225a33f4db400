// The no-code page (demo/no-code.html) in Chromium and Firefox: a page with a form, the element and
// the self-contained file, and no script of its own, starts a task on submit and follows it; a
// task whose first image URLs expired ends showing fresh images after one more results request.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { describeEachBrowser } from '../scripts/browser-suites.mjs';
import { startDemoServer } from '../scripts/demo-driver.mjs';

const TIMEOUT = 30_000;
const page = readFileSync(new URL('no-code.html', import.meta.url), 'utf8');

/** Page code: the element's state once its images, if any, have loaded. */
const settled = `(() => {
  const el = document.querySelector('task-progress');
  const images = [...(el?.shadowRoot?.querySelectorAll('img') ?? [])];
  const loaded = images.every((image) => image.complete && image.naturalWidth > 0);
  return ['completed', 'failed', 'error'].includes(el?.state) && loaded && el.state;
})()`;

describe('the no-code page', () => {
  /** @type {Awaited<ReturnType<typeof startDemoServer>>} */
  let server;

  before(async () => {
    server = await startDemoServer();
  });

  after(async () => {
    await server?.close();
  });

  it('holds no script but the element file', () => {
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    assert.deepEqual(scripts, ['<script type="module" src="/task-progress.min.js" vite-ignore>']);
    assert.doesNotMatch(page, /\son[a-z]+=/i, 'no inline handler');
  });

  it('serves the element file without a build (npm start on a fresh clone)', async () => {
    const response = await fetch(`${server.url}/task-progress.min.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /javascript/);
    assert.match(new URL(response.url).pathname, /\/src\/define\.ts$/, 'the source, not dist/');
  });

  describeEachBrowser((newPage) => {
    /**
     * Opens the page, submits the form with `scenario`, and resolves the state it ends in, the
     * element's task id and the number of its images.
     * @param {string} scenario
     */
    async function submit(scenario) {
      const tab = await newPage();
      /** @type {string[]} */
      const errors = [];
      tab.on('pageerror', (error) => errors.push(String(error)));
      try {
        await tab.goto(`${server.url}/no-code.html`, { waitUntil: 'load', timeout: TIMEOUT });
        await tab.waitForFunction(`customElements.get('task-progress') !== undefined`, {
          timeout: TIMEOUT,
        });
        await tab.select('#scenario', scenario);
        await tab.click('form button');
        const state = await (
          await tab.waitForFunction(settled, { timeout: TIMEOUT, polling: 100 })
        ).jsonValue();
        const seen = await tab.evaluate(`(() => {
            const el = document.querySelector('task-progress');
            return { taskId: el.taskId, images: el.images.length, url: location.href };
          })()`);
        assert.deepEqual(errors, []);
        return /** @type {{ state: string, taskId: string, images: number, url: string }} */ ({
          state,
          .../** @type {object} */ (seen),
        });
      } finally {
        await tab.close();
      }
    }

    /** @param {string} taskId */
    async function resultsRequests(taskId) {
      const response = await fetch(`${server.url}/__mock/tasks/${taskId}/requests`);
      const log = /** @type {{ url: string }[]} */ (await response.json());
      return log.filter((request) => request.url.endsWith('/results')).length;
    }

    it('starts a task from the form and follows it to its images', async () => {
      const seen = await submit('quick-success');
      assert.equal(seen.state, 'completed');
      assert.equal(seen.images, 4);
      assert.match(seen.taskId, /^tsk_/);
      assert.equal(seen.url, `${server.url}/no-code.html`, 'the form did not navigate');
    });

    it('expired image URLs: fresh images after exactly one more results request', async () => {
      const seen = await submit('expired-urls');
      assert.equal(seen.state, 'completed');
      assert.equal(seen.images, 4);
      assert.equal(await resultsRequests(seen.taskId), 2);
    });
  });
});
