// Drives the demo page in headless Chromium: starts Vite with the demo (and its mock API) on a free
// port, and runs scenarios through the page's own controls. Used by the demo's browser test and by
// `npm run screenshots`.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('puppeteer-core').ElementHandle} ElementHandle */

/**
 * Starts the demo's Vite dev server on a free port. `env` is the environment its server routes see
 * (MYNTH_API_KEY, MYNTH_API_URL, MYNTH_MODEL), set only while the server is created.
 * @param {{ env?: Record<string, string | undefined> }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startDemoServer({ env = {} } = {}) {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  setEnv(env);
  /** @type {import('vite').ViteDevServer} */
  let server;
  try {
    server = await createServer({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      root: fileURLToPath(new URL('../demo', import.meta.url)),
      logLevel: 'warn',
      clearScreen: false,
      server: { host: '127.0.0.1', port: 0, strictPort: false, open: false, watch: null },
    });
  } finally {
    setEnv(saved);
  }
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('The demo server has no port.');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

/** @param {Record<string, string | undefined>} env */
function setEnv(env) {
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) Reflect.deleteProperty(process.env, name);
    else process.env[name] = value;
  }
}

/**
 * Opens the demo afresh, picks `lang` and turns on the `switches` (their ids) of its options, if
 * given, starts `scenario` with its button, and returns the mounted element.
 * @param {Page} page
 * @param {string} url The demo's origin.
 * @param {string} scenario
 * @param {{ timeout?: number, lang?: string, switches?: string[] }} [options]
 * @returns {Promise<ElementHandle>}
 */
export async function runScenario(page, url, scenario, { timeout = 30_000, lang, switches = [] } = {}) {
  await page.goto(url, { waitUntil: 'load', timeout });
  await page.waitForSelector('html[data-ready="true"]', { timeout });
  if (lang) await page.select('#lang', lang);
  for (const id of switches) await page.click(`#${id}`);
  const button = await page.waitForSelector(`#scenario-buttons button[value="${scenario}"]`, { timeout });
  await button?.click();
  const element = await page.waitForSelector('#stage task-progress', { timeout });
  if (!element) throw new Error(`No element was mounted for ${scenario}.`);
  return element;
}

/** The demo's element, as page code finds it. */
const ELEMENT = `document.querySelector('#stage task-progress')`;

/**
 * Waits until the element's `state` is one of `states`; resolves the state. The condition is page
 * code given as a string, so it is evaluated afresh in whatever document the page shows.
 * @param {Page} page
 * @param {string[]} states
 * @param {number} [timeout]
 * @returns {Promise<string>}
 */
export async function waitForState(page, states, timeout = 30_000) {
  const state = await page.waitForFunction(
    `(${JSON.stringify(states)}.includes(${ELEMENT}?.state) && ${ELEMENT}.state)`,
    { timeout, polling: 100 },
  );
  return /** @type {string} */ (await state.jsonValue());
}

/**
 * Waits until every image the element shows has loaded.
 * @param {Page} page
 * @param {number} [timeout]
 */
export async function waitForImages(page, timeout = 30_000) {
  await page.waitForFunction(
    `[...(${ELEMENT}?.shadowRoot?.querySelectorAll('img') ?? [])].every((img) => img.complete && img.naturalWidth > 0)`,
    { timeout, polling: 100 },
  );
}

/**
 * The event panel's entries, newest first.
 * @param {Page} page
 * @returns {Promise<{ type: string, detail: any }[]>}
 */
export function loggedEvents(page) {
  return page.$$eval('#event-log li', (items) =>
    items.map((item) => ({
      type: item.dataset.type ?? '',
      detail: JSON.parse(item.querySelector('.event-detail')?.textContent || 'null'),
    })),
  );
}

/**
 * Waits until the event panel lists an event of `type`.
 * @param {Page} page
 * @param {string} type
 * @param {number} [timeout]
 */
export async function waitForLoggedEvent(page, type, timeout = 30_000) {
  await page.waitForSelector(`#event-log li[data-type="${type}"]`, { timeout });
}
