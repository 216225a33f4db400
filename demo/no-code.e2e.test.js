// The no-code page (demo/no-code.html) in Chromium, Firefox and WebKit: a page with a form, the element and
// the self-contained file, and no script of its own, starts a task on submit and follows it; a
// task whose first image URLs expired ends showing fresh images after one more results request; a
// reload mid-task follows the same task on (`remember-task`).
// A smoke test runs the first in an older WebKit (WPE WebKit 2.38, of Safari 16.0's time).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { findBrowser, wpe, wpeCapabilities } from '../scripts/browsers.mjs';
import { describeEachBrowser, openWebDriverBrowser } from '../scripts/browser-suites.mjs';
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

/**
 * Opens the page at `url` with `newPage`, submits the form with `scenario`, and
 * resolves the state it ends in, the element's task id and the number of its images.
 * @param {() => Promise<import('../scripts/browser-suites.mjs').TestPage>} newPage
 * @param {string} url
 * @param {string} scenario
 */
async function submit(newPage, url, scenario) {
  const tab = await newPage();
  try {
    await tab.goto(url, TIMEOUT);
    await tab.waitFor(`customElements.get('task-progress') !== undefined`, [], TIMEOUT);
    await tab.select('#scenario', scenario);
    await tab.click('form button');
    const state = await tab.waitFor(settled, [], TIMEOUT);
    const seen = await tab.evaluate(`(() => {
        const el = document.querySelector('task-progress');
        return { taskId: el.taskId, images: el.images.length, rendered: el.shadowRoot.querySelectorAll('img').length, url: location.href, failure: JSON.stringify(el.error) };
      })()`);
    assert.deepEqual(tab.errors, []);
    return /** @type {{ state: string, taskId: string, images: number, rendered: number, url: string, failure: string }} */ ({
      state,
      .../** @type {object} */ (seen),
    });
  } finally {
    await tab.close();
  }
}

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
    assert.doesNotMatch(page, /<style\b|\sstyle=/i, 'no inline style: it links the demo’s stylesheet');
  });

  it('serves the element file without a build (npm start on a fresh clone)', async () => {
    const response = await fetch(`${server.url}/task-progress.min.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /javascript/);
    assert.match(new URL(response.url).pathname, /\/src\/define\.ts$/, 'the source, not dist/');
  });

  describeEachBrowser((newPage) => {
    /** @param {string} taskId */
    async function resultsRequests(taskId) {
      const response = await fetch(`${server.url}/__mock/tasks/${taskId}/requests`);
      const log = /** @type {{ url: string }[]} */ (await response.json());
      return log.filter((request) => request.url.endsWith('/results')).length;
    }

    it('starts a task from the form and follows it to its images', async () => {
      const seen = await submit(newPage, `${server.url}/no-code.html`, 'quick-success');
      assert.equal(seen.state, 'completed');
      assert.equal(seen.images, 4);
      assert.match(seen.taskId, /^tsk_/);
      assert.equal(seen.url, `${server.url}/no-code.html`, 'the form did not navigate');
    });

    it('a reload mid-task follows the same task on, with no new start request', async () => {
      const tab = await newPage();
      try {
        await tab.goto(`${server.url}/no-code.html`, TIMEOUT);
        await tab.waitFor(`customElements.get('task-progress') !== undefined`, [], TIMEOUT);
        await tab.select('#scenario', 'slow');
        await tab.click('form button');
        const pendingTask = `(() => {
          const el = document.querySelector('task-progress');
          return el?.state === 'pending' && el.taskId;
        })()`;
        const taskId = await tab.waitFor(pendingTask, [], TIMEOUT);
        assert.match(String(taskId), /^tsk_/);

        await tab.goto(`${server.url}/no-code.html`, TIMEOUT);
        assert.equal(await tab.waitFor(pendingTask, [], TIMEOUT), taskId);
        const starts = await tab.evaluate(
          `performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/api/generate')).length`,
        );
        assert.equal(starts, 0, 'no start request after the reload');
        assert.deepEqual(tab.errors, []);
      } finally {
        await tab.close();
      }
    });

    it('expired image URLs: fresh images after exactly one more results request', async () => {
      const seen = await submit(newPage, `${server.url}/no-code.html`, 'expired-urls');
      assert.equal(seen.state, 'completed');
      assert.equal(seen.images, 4);
      assert.equal(await resultsRequests(seen.taskId), 2);
    });
  });

  const [wpeDriver, cog] = wpe.map((tool) => findBrowser(tool));
  describe(
    'WPE WebKit (the older WebKit)',
    { skip: wpeDriver && cog ? false : 'WPE WebKit is not installed' },
    () => {
      /** @type {import('../scripts/browser-suites.mjs').TestBrowser | undefined} */
      let browser;

      before(async () => {
        browser = await openWebDriverBrowser(
          [/** @type {string} */ (wpeDriver)],
          wpeCapabilities(/** @type {string} */ (cog)),
        );
      });

      after(async () => {
        await browser?.close();
      });

      it('smoke: follows a task to completion and renders its images', async () => {
        const open = () => /** @type {NonNullable<typeof browser>} */ (browser).newPage();
        const seen = await submit(open, `${server.url}/no-code.html`, 'quick-success');
        assert.equal(seen.state, 'completed');
        assert.equal(seen.images, 4);
      });
    },
  );
});
