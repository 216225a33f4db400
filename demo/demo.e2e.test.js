// The demo page in headless Chromium, against its built-in mock API: scenarios started through the
// page's buttons end in the right state, and the event panel lists what the element fired.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startMockServer } from '../mock/server.js';
import { findChromium, launchChromium } from '../scripts/browsers.mjs';
import {
  loggedEvents,
  runScenario,
  startDemoServer,
  waitForImages,
  waitForLoggedEvent,
  waitForState,
} from '../scripts/demo-driver.mjs';

const executablePath = findChromium();
const TIMEOUT = 45_000;
const skip = executablePath ? false : 'Chromium is not installed';

/** The element's pending status in each language of the demo's picker (src/translations/). */
const PENDING = {
  en: 'Generating…',
  ar: 'جارٍ الإنشاء…',
  de: 'Wird generiert…',
  es: 'Generando…',
  fr: 'Génération en cours…',
  he: 'היצירה מתבצעת…',
  hi: 'जनरेट हो रहा है…',
  id: 'Sedang membuat…',
  it: 'Generazione in corso…',
  ja: '生成中…',
  ko: '생성 중…',
  nl: 'Bezig met genereren…',
  pl: 'Generowanie…',
  pt: 'Gerando…',
  ru: 'Генерация…',
  tr: 'Oluşturuluyor…',
  uk: 'Генерування…',
  vi: 'Đang tạo…',
  'zh-Hans': '正在生成…',
  'zh-Hant': '正在生成…',
};

/**
 * WCAG 2 contrast ratio of two computed colours, `rgb(r, g, b)`.
 * @param {string} first
 * @param {string} second
 */
function contrast(first, second) {
  /** @param {string} color */
  const luminance = (color) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
      const c = Number(value) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

describe('the demo page', { skip }, () => {
  /** @type {Awaited<ReturnType<typeof startDemoServer>>} */
  let server;
  /** @type {import('puppeteer-core').Browser} */
  let browser;
  /** @type {import('puppeteer-core').Page} */
  let page;

  before(async () => {
    server = await startDemoServer();
    browser = await launchChromium(/** @type {string} */ (executablePath));
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('quick success: the element completes with four images, task-complete is listed', async () => {
    const element = await runScenario(page, server.url, 'quick-success', { timeout: TIMEOUT });
    assert.equal(await waitForState(page, ['completed', 'failed', 'error'], TIMEOUT), 'completed');
    await waitForLoggedEvent(page, 'task-complete', TIMEOUT);
    await waitForImages(page, TIMEOUT);
    assert.equal(await element.evaluate((el) => el.images.length), 4);

    const events = await loggedEvents(page);
    const complete = events.find((event) => event.type === 'task-complete');
    assert.equal(complete?.detail.urls.length, 4);
    const states = events
      .filter((event) => event.type === 'task-state-change')
      .map((event) => event.detail.state)
      .reverse();
    assert.deepEqual(states, ['pending', 'completed']);
    assert.equal(events[0].type, 'task-complete', 'newest first');
  });

  it('failed: the element shows the failure, task-failed is listed with the reason', async () => {
    await runScenario(page, server.url, 'failed', { timeout: TIMEOUT });
    assert.equal(await waitForState(page, ['completed', 'failed', 'error'], TIMEOUT), 'failed');
    await waitForLoggedEvent(page, 'task-failed', TIMEOUT);

    const failed = (await loggedEvents(page)).find((event) => event.type === 'task-failed');
    assert.equal(failed?.detail.state, 'failed');
    assert.match(failed?.detail.error.message, /could not render/);
  });

  it('failed, then Retry: a new task, and the markup panel and task-id attribute name it', async () => {
    const element = await runScenario(page, server.url, 'failed', { timeout: TIMEOUT });
    await waitForState(page, ['failed'], TIMEOUT);
    const oldId = await element.evaluate((el) => el.taskId);
    await element.evaluate((el) => el.shadowRoot?.querySelector('button')?.click());
    await page.waitForFunction(
      `document.querySelector('#stage task-progress')?.taskId !== ${JSON.stringify(oldId)}`,
      { timeout: TIMEOUT, polling: 100 },
    );

    const shown = await element.evaluate((el) => ({
      taskId: el.taskId,
      attribute: el.getAttribute('task-id'),
      markup: el.ownerDocument.querySelector('#markup')?.textContent ?? '',
    }));
    assert.equal(shown.attribute, shown.taskId);
    assert.ok(shown.markup.includes(`task-id="${shown.taskId}"`), shown.markup);
    assert.ok(!shown.markup.includes(oldId), 'the old task is gone from the markup');
  });

  /**
   * Waits for the text of the element's part `name` to match `pattern`; resolves the text.
   * @param {string} name
   * @param {RegExp} pattern
   */
  const partText = async (name, pattern) => {
    // Page code as a string, as in scripts/demo-driver.mjs: it runs in the page, not in Node.
    const text = `document.querySelector('#stage task-progress')?.shadowRoot
      ?.querySelector('[part~="${name}"]')?.textContent?.replace(/\\s+/g, ' ').trim()`;
    const handle = await page.waitForFunction(`${pattern}.test(${text} ?? '') && ${text}`, {
      timeout: TIMEOUT,
      polling: 100,
    });
    return handle.jsonValue();
  };

  /**
   * Waits until `ready` holds of what the element shows (each part's text, or null; the bar's
   * value; the number of previews and placeholders), read in one pass; resolves that.
   * @param {string} ready page code over `shown`
   * @returns {Promise<{ phase: string | null, queue: string | null, eta: string | null,
   *   value: string | null, previews: string[], placeholders: number }>}
   */
  const shownWhen = async (ready) => {
    const shown = `(() => {
      const root = document.querySelector('#stage task-progress')?.shadowRoot;
      if (!root) return undefined;
      const text = (name) => root.querySelector('[part~="' + name + '"]')?.textContent?.replace(/\\s+/g, ' ').trim() ?? null;
      return {
        phase: text('phase'),
        queue: text('queue'),
        eta: text('eta'),
        value: root.querySelector('[part="progress"]')?.getAttribute('aria-valuenow') ?? null,
        previews: [...root.querySelectorAll('[part="preview"]')].map((img) => img.getAttribute('src')),
        placeholders: root.querySelectorAll('[part="placeholder"]').length,
      };
    })()`;
    const handle = await page.waitForFunction(`((shown) => shown && (${ready}) && shown)(${shown})`, {
      timeout: TIMEOUT,
      polling: 100,
    });
    return /** @type {any} */ (await handle.jsonValue());
  };

  it('gateway with a queue: "In queue" and no ETA while queued, then the ETA once processing', async () => {
    await runScenario(page, server.url, 'gateway-queue', { timeout: TIMEOUT });
    const queued = await shownWhen(`shown.queue !== null`);
    assert.equal(queued.queue, 'In queue');
    assert.match(String(queued.phase), /^(Created|Queued)$/);
    assert.equal(queued.eta, null, 'no ETA while queued');
    assert.equal(queued.value, null, 'no determinate bar while queued');

    const processing = await shownWhen(`shown.phase === 'Processing'`);
    assert.equal(processing.queue, null);
    // expected-duration (10 s) counts from the first status that says processing: the whole of it
    // is still ahead, however long the task waited.
    const running = await shownWhen(`shown.eta !== null`);
    assert.match(String(running.eta), /^About \d+ s left$/);
    assert.ok(Number(running.value) < 50, `the bar counts processing time only: ${running.value}`);
    assert.equal(await waitForState(page, ['completed', 'failed', 'error'], TIMEOUT), 'completed');
  });

  it('diffusion server (own adapter): its place in the queue, then its progress and ETA with a preview in the first box, then two images', async () => {
    const element = await runScenario(page, server.url, 'diffusion', { timeout: TIMEOUT });
    const queued = await shownWhen(`shown.queue !== null`);
    assert.equal(queued.queue, '2 ahead of yours');
    assert.equal(queued.phase, 'Queued');
    assert.equal(queued.eta, null, 'no ETA while queued');
    assert.deepEqual([queued.previews.length, queued.placeholders], [0, 2]);

    // The ETA comes from the rate of the API's progress (no expected-duration is set).
    const running = await shownWhen(`shown.eta !== null && shown.previews.length > 0`);
    assert.equal(running.queue, null);
    assert.equal(running.phase, 'Processing');
    assert.match(String(running.eta), /^About \d+ s left$/);
    assert.match(String(running.value), /^\d+$/);
    assert.equal(running.previews.length, 1, 'one preview, in the first box');
    assert.equal(running.placeholders, 1, 'the second box still a placeholder');
    assert.match(running.previews[0], /\/__mock\/images\/1\.svg\?w=512&noise=/);
    const later = await shownWhen(`shown.previews[0] !== ${JSON.stringify(running.previews[0])}`);
    assert.ok(Number(later.value) >= Number(running.value), 'the bar never goes back');

    assert.equal(await waitForState(page, ['completed', 'failed', 'error'], TIMEOUT), 'completed');
    await waitForImages(page, TIMEOUT);
    const done = await element.evaluate((el) => ({
      urls: /** @type {{ url?: string }[]} */ (el.images).map((image) => image.url),
      previews: el.shadowRoot?.querySelectorAll('[part="preview"]').length,
      markup: el.ownerDocument.querySelector('#markup')?.textContent ?? '',
    }));
    assert.deepEqual(
      done.urls,
      [1, 2].map((n) => `${server.url}/__mock/images/${n}.svg?w=512`),
    );
    assert.equal(done.previews, 0, 'the results replace the preview');
    assert.match(done.markup, /element\.adapter = diffusionAdapter;/);
  });

  it('estimated: a determinate bar and the seconds left', async () => {
    await runScenario(page, server.url, 'estimated', { timeout: TIMEOUT });
    await partText('eta', /^About \d+ s left$/);
    const element = await page.waitForSelector('#stage task-progress');
    const value = await element?.evaluate((el) =>
      el.shadowRoot?.querySelector('[part="progress"]')?.getAttribute('aria-valuenow'),
    );
    assert.match(String(value), /^\d+$/);
  });

  it('reserved tiles: four placeholders while pending', async () => {
    const element = await runScenario(page, server.url, 'reserved', { timeout: TIMEOUT });
    await partText('eta', /left$/);
    const placeholders = await element.evaluate(
      (el) => el.shadowRoot?.querySelectorAll('[part="placeholder"]').length,
    );
    assert.equal(placeholders, 4);
  });

  it('connection lost: the retry status counts down', async () => {
    await runScenario(page, server.url, 'connection-lost', { timeout: TIMEOUT });
    await partText('retry-status', /^Connection problem\. Retrying (in \d+ s|…)$/);
  });

  /** Opens the demo afresh, ready for a scenario to be picked. */
  const openDemo = async () => {
    await page.goto(server.url, { waitUntil: 'load', timeout: TIMEOUT });
    await page.waitForSelector('html[data-ready="true"]', { timeout: TIMEOUT });
  };

  /** Picks `scenario` on the open demo; resolves the element mounted for it. */
  const runScenarioButton = async (/** @type {string} */ scenario) => {
    await page.click(`#scenario-buttons button[value="${scenario}"]`);
    const element = await page.waitForSelector('#stage task-progress', { timeout: TIMEOUT });
    if (!element) throw new Error(`No element was mounted for ${scenario}.`);
    return element;
  };

  it('the language picker sets lang on the element, mounted or on stage, and its status follows', async () => {
    await openDemo();
    const options = await page.$$eval('#lang option', (items) => items.map((item) => item.value));
    assert.deepEqual(options, Object.keys(PENDING), 'English and every built-in translation');

    await page.select('#lang', 'de');
    const element = await runScenarioButton('slow');
    assert.equal(await element.evaluate((el) => el.getAttribute('lang')), 'de');
    assert.equal(await partText('status', /^Wird/), PENDING.de);
    assert.match(await page.$eval('#markup', (pre) => pre.textContent ?? ''), /\blang="de"/);

    for (const [lang, pending] of Object.entries(PENDING)) {
      await page.select('#lang', lang);
      assert.equal(await element.evaluate((el) => el.getAttribute('lang')), lang);
      assert.equal(await partText('status', new RegExp(`^${pending}$`)), pending, lang);
    }
  });

  it('the downloadable, viewer, notify and Push switches set their attributes on the element', async () => {
    await openDemo();
    await page.click('#downloadable');
    await page.click('#viewer');
    await page.click('#notify');
    await page.click('#push');
    const element = await runScenarioButton('quick-success');
    const attributes = () =>
      element.evaluate((el) =>
        ['downloadable', 'viewer', 'notify', 'stream-url'].map((name) => el.getAttribute(name)),
      );
    const markupText = () => page.$eval('#markup', (pre) => pre.textContent ?? '');
    const stream = '/api/tasks/{id}/stream';
    assert.deepEqual(await attributes(), ['', '', '', stream], 'set on the element mounted');
    assert.match(
      await markupText(),
      /\n {2}downloadable\n {2}viewer\n {2}notify\n {2}stream-url="\/api\/tasks\/\{id\}\/stream"\n/,
    );

    await page.click('#viewer');
    assert.deepEqual(await attributes(), ['', null, '', stream], 'removed from the element on stage');
    assert.doesNotMatch(await markupText(), /\bviewer\b/);
    await page.click('#downloadable');
    await page.click('#notify');
    await page.click('#push');
    assert.deepEqual(await attributes(), [null, null, null, null]);
  });

  it("Push: the element follows the task through the demo server's stream, with no status poll", async () => {
    await openDemo();
    await page.click('#push');
    const element = await runScenarioButton('quick-success');
    assert.equal(await waitForState(page, ['completed', 'failed', 'error'], TIMEOUT), 'completed');
    await waitForImages(page, TIMEOUT);
    const taskId = await element.evaluate((el) => el.taskId);
    const log = await (await fetch(`${server.url}/__mock/tasks/${taskId}/requests`)).json();
    const asked = /** @type {{ url: string }[]} */ (log).map((request) => request.url.split('?')[0]);
    assert.deepEqual(
      asked.filter((url) => !url.startsWith('/__mock/images/')),
      [`/api/tasks/${taskId}/stream`],
      'the stream alone: no status poll, no results request',
    );
    await page.click('#push');
  });

  /** Page code: the task panel's top edge, from the top of the viewport. */
  const panelTop = `document.querySelector('#task').getBoundingClientRect().top`;
  /** Page code: the task panel's heading and the element are in the viewport. */
  const taskInView = `(() => {
    const heading = document.querySelector('#task-title').getBoundingClientRect();
    const element = document.querySelector('#stage task-progress').getBoundingClientRect();
    return heading.top >= 0 && element.top >= 0 && element.bottom <= innerHeight;
  })()`;

  it('on a phone, a picked scenario brings the task panel into view; two columns do not scroll', async () => {
    await openDemo();
    await runScenarioButton('slow');
    assert.equal(await page.evaluate('scrollY'), 0, 'the task panel is beside the controls');

    await page.setViewport({ width: 390, height: 844 });
    try {
      await openDemo();
      assert.ok(Number(await page.evaluate(panelTop)) > 844, 'the task panel starts out of sight');
      await runScenarioButton('slow');
      await page.waitForFunction(taskInView, { timeout: TIMEOUT, polling: 100 });

      // Under reduced motion the page jumps: there as soon as the element is.
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      await openDemo();
      await runScenarioButton('slow');
      assert.equal(await page.evaluate(taskInView), true, 'scrolled at once');
    } finally {
      await page.emulateMediaFeatures([]);
      await page.setViewport({ width: 1000, height: 900 });
    }
  });

  it('dark mode: a readable accent on the element, 3:1 on the panel, the accent control follows', async () => {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    try {
      await runScenario(page, server.url, 'failed', { timeout: TIMEOUT });
      await waitForState(page, ['failed'], TIMEOUT);
      // Page code as a string, as above: it runs in the page, not in Node.
      const colours = async () =>
        /** @type {{ scheme: string, accent: string, text: string, panel: string, control: string }} */ (
          await page.evaluate(`(() => {
            const retry = document.querySelector('#stage task-progress').shadowRoot.querySelector('[part="retry-button"]');
            return {
              scheme: document.documentElement.dataset.scheme,
              accent: getComputedStyle(retry).backgroundColor,
              text: getComputedStyle(retry).color,
              panel: getComputedStyle(document.querySelector('#task')).backgroundColor,
              control: document.querySelector('#accent').value,
            };
          })()`)
        );
      /** @param {string} hex */
      const rgb = (hex) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;

      const dark = await colours();
      assert.equal(dark.scheme, 'dark');
      assert.ok(contrast(dark.accent, dark.panel) >= 3, `${dark.accent} on ${dark.panel}`);
      assert.ok(contrast(dark.text, dark.accent) >= 4.5, `Retry's ${dark.text} on ${dark.accent}`);
      assert.equal(rgb(dark.control), dark.accent, 'the accent control shows the element’s accent');

      await page.click('#scheme');
      const light = await colours();
      assert.equal(light.scheme, 'light');
      assert.equal(light.accent, 'rgb(96, 89, 230)', 'the element’s default accent');
      assert.ok(contrast(light.accent, light.panel) >= 3, `${light.accent} on ${light.panel}`);
      assert.equal(rgb(light.control), light.accent);
    } finally {
      await page.emulateMediaFeatures([]);
    }
  });

  it('rate limited: task-error with rate-limited is listed, then the task completes', async () => {
    await runScenario(page, server.url, 'rate-limited', { timeout: TIMEOUT });
    assert.equal(await waitForState(page, ['completed', 'failed', 'error'], TIMEOUT), 'completed');
    await waitForLoggedEvent(page, 'task-complete', TIMEOUT);

    const errors = (await loggedEvents(page)).filter((event) => event.type === 'task-error');
    assert.ok(errors.length >= 1, 'at least one task-error');
    for (const { detail } of errors) {
      assert.equal(detail.error.code, 'rate-limited');
      assert.equal(detail.error.httpStatus, 429);
      assert.equal(detail.willRetry, true);
    }
  });
});

describe('the demo page in real mode', { skip }, () => {
  const key = 'mak_e2e_secret';
  /** @type {Awaited<ReturnType<typeof startMockServer>>} */
  let mynth;
  /** @type {Awaited<ReturnType<typeof startDemoServer>>} */
  let server;
  /** @type {import('puppeteer-core').Browser} */
  let browser;

  before(async () => {
    mynth = await startMockServer();
    server = await startDemoServer({
      env: { MYNTH_API_KEY: key, MYNTH_API_URL: mynth.url, MYNTH_MODEL: undefined },
    });
    browser = await launchChromium(/** @type {string} */ (executablePath));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await mynth?.close();
  });

  it('starts the task through the server with the key and follows it on the API', async () => {
    const page = await browser.newPage();
    /** @type {string[]} */
    const pageRequests = [];
    page.on('request', (request) => pageRequests.push(JSON.stringify(request.headers()) + request.url()));
    await page.goto(server.url, { waitUntil: 'load', timeout: TIMEOUT });
    await page.waitForSelector('html[data-ready="true"]', { timeout: TIMEOUT });
    assert.equal(await page.$('#scenario-buttons button'), null, 'no mock scenarios in real mode');
    const generate = await page.waitForSelector('#real-start button', { visible: true, timeout: TIMEOUT });
    await generate?.click();

    assert.equal(await waitForState(page, ['completed', 'failed', 'error'], TIMEOUT), 'completed');
    await waitForLoggedEvent(page, 'task-complete', TIMEOUT);
    assert.deepEqual(mynth.api.generateRequests(), [{ authorization: `Bearer ${key}` }]);
    assert.ok(
      pageRequests.some((request) => request.includes(`${mynth.url}/tasks/`)),
      'the element polls the API',
    );
    assert.ok(!pageRequests.some((request) => request.includes(key)), 'the key never reaches the page');
    assert.ok(!(await page.content()).includes(key));
    await page.close();
  });
});
