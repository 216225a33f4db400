// `npm run screenshots`: runs demo scenarios in headless Chromium and saves a PNG of the element in
// each state to docs/ (loading, queue, progress, completed, partial, failed, error), at a desktop's
// width and a phone's, in the light and the dark scheme (two more in Arabic, right to left, at a
// phone's width), and lists them all in docs/screenshots.md;
// with file names (`npm run screenshots -- queue.png`), only those states.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { scenarioList } from '../mock/scenarios.js';
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
 * Each state's picture; one in another language (`lang`, with the demo's `switches` on) is taken
 * at a phone's width only.
 * @type {{ file: string, scenario: string, until: (page: Page) => Promise<void>, lang?: string, switches?: string[] }[]}
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
    file: 'arabic-loading.png',
    scenario: 'estimated',
    lang: 'ar',
    // Right to left: the bar fills from the right, and the ETA is Arabic.
    until: shows(`${value} >= 30 && /^يتبقى نحو/.test(text('eta'))`),
  },
  {
    file: 'arabic-completed.png',
    scenario: 'quick-success',
    lang: 'ar',
    switches: ['downloadable'],
    // The grid starts on the right; each result has its Download button, in Arabic.
    until: async (page) => {
      await waitForState(page, ['completed'], TIMEOUT);
      await waitForImages(page, TIMEOUT);
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

/**
 * Every state is taken at each width in each scheme; `loading.png` is the first of each,
 * `loading-phone-dark.png` the last. Wide enough for four tiles of the default
 * --task-progress-min-tile in a row; a phone 390 px wide (the demo in one column).
 */
const viewports = [
  { suffix: '', label: '1280 px', width: 1280, height: 900 },
  { suffix: '-phone', label: '390 px (a phone)', width: 390, height: 844 },
];
const schemes = [
  { suffix: '', label: 'light', value: 'light' },
  { suffix: '-dark', label: 'dark', value: 'dark' },
];

/**
 * The file of a shot at a width in a scheme.
 * @param {string} file
 * @param {{ suffix: string }} viewport
 * @param {{ suffix: string }} scheme
 */
const variantFile = (file, viewport, scheme) =>
  file.replace(/\.png$/, `${viewport.suffix}${scheme.suffix}.png`);

/**
 * The widths a shot is taken at: a phone's only for a shot in another language.
 * @param {{ lang?: string }} shot
 */
const viewportsOf = (shot) => (shot.lang ? viewports.filter(({ suffix }) => suffix === '-phone') : viewports);

/** docs/screenshots.md: each state's pictures, under the scenario that shows it. */
async function writeGallery() {
  const sections = shots.map((shot) => {
    const scenario = scenarioList.find(({ name }) => name === shot.scenario)?.label ?? shot.scenario;
    const label = shot.lang ? `${scenario}, lang="${shot.lang}"` : scenario;
    const state = shot.file.replace(/\.png$/, '');
    const pictures = viewportsOf(shot).map((viewport) =>
      schemes
        .map(
          (scheme) =>
            `![${label}, ${state}: ${viewport.label}, ${scheme.label}](${variantFile(shot.file, viewport, scheme)})`,
        )
        .join(' '),
    );
    return [`## ${state}: ${label}`, ...pictures].join('\n\n');
  });
  const text = [
    '# Screenshots',
    "The demo's element in each state, 1280 and 390 px wide, light and dark, and two states in Arabic (right to left) at 390 px, as `npm run screenshots` takes them (it writes this page too).",
    ...sections,
  ].join('\n\n');
  const path = `${docs}screenshots.md`;
  writeFileSync(path, await format(text, { ...(await resolveConfig(path)), parser: 'markdown' }));
}

const executablePath = findChromium();
if (!executablePath) {
  console.error('Chromium is not installed: install Debian’s `chromium` package or set CHROME_PATH.');
  process.exit(1);
}

mkdirSync(docs, { recursive: true });
const server = await startDemoServer();
const browser = await launchChromium(executablePath);
try {
  const page = await browser.newPage();
  const only = process.argv.slice(2);
  for (const viewport of viewports) {
    await page.setViewport({ width: viewport.width, height: viewport.height });
    for (const scheme of schemes) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme.value }]);
      for (const shot of only.length ? shots.filter((shot) => only.includes(shot.file)) : shots) {
        if (!viewportsOf(shot).includes(viewport)) continue;
        const { lang, switches } = shot;
        const element = await runScenario(page, server.url, shot.scenario, {
          timeout: TIMEOUT,
          lang,
          switches,
        });
        await shot.until(page);
        await element.scrollIntoView();
        // The clip is in the page's coordinates: the box and the scroll read at once, as on a phone
        // the page may still be scrolling to the task.
        const box = await element.evaluate((el) => {
          const { x, y, width, height } = el.getBoundingClientRect();
          const view = el.ownerDocument.defaultView;
          return { x: x + (view?.scrollX ?? 0), y: y + (view?.scrollY ?? 0), width, height };
        });
        if (!box.width) throw new Error(`The element of ${shot.scenario} is not visible.`);
        const file = variantFile(shot.file, viewport, scheme);
        await page.screenshot({
          path: `${docs}${file}`,
          clip: {
            x: Math.max(0, box.x - MARGIN),
            y: Math.max(0, box.y - MARGIN),
            width: box.width + 2 * MARGIN,
            height: box.height + 2 * MARGIN,
          },
        });
        console.log(`docs/${file}: ${shot.scenario}, ${viewport.label}, ${scheme.label}`);
      }
    }
  }
  await writeGallery();
} finally {
  await browser.close();
  await server.close();
}
