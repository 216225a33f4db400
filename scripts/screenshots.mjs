// `npm run screenshots`: runs demo scenarios in headless Chromium and saves a PNG of the element in
// each state to docs/ (loading, queue, progress, completed, partial, failed, error); with file
// names (`npm run screenshots -- queue.png`), only those.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findChromium, launchChromium } from './browsers.mjs';
import {
  runScenario,
  startDemoServer,
  waitForImages,
  waitForLoggedEvent,
  waitForState,
} from './demo-driver.mjs';

/** @typedef {import('puppeteer-core').Page} Page */

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
/** Room around the element in each picture, in CSS pixels. */
const MARGIN = 10;
const TIMEOUT = 60_000;

/**
 * Waits until `condition` holds: page code over the element's shadow `root` and `text(part)`, the
 * trimmed text of one of its parts.
 * @param {string} condition
 * @returns {(page: Page) => Promise<void>}
 */
const shows = (condition) => async (page) => {
  await page.waitForFunction(
    `(() => {
      const root = document.querySelector('#stage task-progress')?.shadowRoot;
      const text = (part) => root?.querySelector('[part="' + part + '"]')?.textContent?.trim() ?? '';
      return ${condition};
    })()`,
    { timeout: TIMEOUT, polling: 100 },
  );
};

/** Percent done, by the bar. */
const value = `Number(root?.querySelector('[part="progress"]')?.getAttribute('aria-valuenow'))`;

/**
 * @type {{ file: string, scenario: string, until: (page: Page) => Promise<void> }[]}
 */
const shots = [
  {
    file: 'loading.png',
    scenario: 'estimated',
    // A third of the way: the determinate bar and "About N s left".
    until: shows(`${value} >= 30 && /^About \\d+ s left$/.test(text('eta'))`),
  },
  {
    file: 'queue.png',
    scenario: 'diffusion',
    // Two jobs ahead, a second into the wait, over the two boxes the images will take.
    until: shows(`text('queue') === '2 ahead of yours' && text('elapsed') === '0:01'`),
  },
  {
    file: 'progress.png',
    scenario: 'diffusion',
    // Halfway by the API's own progress: the ETA from its rate, and the preview in the first box.
    until: shows(
      `${value} >= 50 && /^About \\d+ s left$/.test(text('eta')) &&
        root.querySelector('[part="preview"]')?.complete && root.querySelector('[part="preview"]').naturalWidth > 0`,
    ),
  },
  {
    file: 'completed.png',
    scenario: 'quick-success',
    until: async (page) => {
      await waitForState(page, ['completed'], TIMEOUT);
      await waitForImages(page, TIMEOUT);
    },
  },
  {
    file: 'partial.png',
    scenario: 'partial-failure',
    until: async (page) => {
      await waitForState(page, ['completed'], TIMEOUT);
      await waitForImages(page, TIMEOUT);
    },
  },
  {
    file: 'failed.png',
    scenario: 'failed',
    until: async (page) => {
      await waitForState(page, ['failed'], TIMEOUT);
    },
  },
  {
    file: 'error.png',
    scenario: 'never-finishes',
    until: async (page) => {
      await waitForState(page, ['error'], TIMEOUT);
      await waitForLoggedEvent(page, 'task-error', TIMEOUT);
    },
  },
];

const executablePath = findChromium();
if (!executablePath) {
  console.error('Chromium is not installed: install Debian’s `chromium` package or set CHROME_PATH.');
  process.exit(1);
}

mkdirSync(docs, { recursive: true });
const server = await startDemoServer();
// Wide enough for four tiles of the default --task-progress-min-tile in a row.
const browser = await launchChromium(executablePath, { width: 1280, height: 900 });
try {
  const page = await browser.newPage();
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  const only = process.argv.slice(2);
  for (const shot of only.length ? shots.filter((shot) => only.includes(shot.file)) : shots) {
    const element = await runScenario(page, server.url, shot.scenario, { timeout: TIMEOUT });
    await shot.until(page);
    await element.scrollIntoView();
    const box = await element.boundingBox();
    if (!box) throw new Error(`The element of ${shot.scenario} is not visible.`);
    const path = `${docs}${shot.file}`;
    await page.screenshot({
      path,
      clip: {
        x: Math.max(0, box.x - MARGIN),
        y: Math.max(0, box.y - MARGIN),
        width: box.width + 2 * MARGIN,
        height: box.height + 2 * MARGIN,
      },
    });
    console.log(`docs/${shot.file}: ${shot.scenario}`);
  }
} finally {
  await browser.close();
  await server.close();
}
