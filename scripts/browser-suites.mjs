// A node:test suite per test browser (Chromium and Firefox through Puppeteer, WebKit through
// WebDriver classic), each launching its browser before its tests and closing it after; skipped
// where the browser is not installed. Tests drive pages through one small interface, `TestPage`.
import { after, before, describe } from 'node:test';
import { remote } from 'webdriverio';
import { WEBKIT_CAPABILITIES, XVFB_COMMAND, browsers, findBrowser, launchBrowser } from './browsers.mjs';
import { startWebDriverService } from './webdriver-service.mjs';

/**
 * Page code: a function (run with `args`) or an expression.
 * @typedef {string | ((...args: any[]) => unknown)} PageCode
 */

/**
 * @typedef {object} TestPage
 * @property {(url: string, timeout: number) => Promise<void>} goto opens `url`, resolves once loaded
 * @property {(code: PageCode, args: unknown[], timeout: number) => Promise<unknown>} waitFor
 *   resolves the first truthy value of `code`, checked every 100 ms
 * @property {(code: PageCode, ...args: unknown[]) => Promise<unknown>} evaluate
 * @property {(selector: string, value: string) => Promise<void>} select picks an option of a `<select>`
 * @property {(selector: string) => Promise<void>} click
 * @property {string[]} errors the page's uncaught errors (in WebKit: those after load)
 * @property {() => Promise<void>} close
 */

/**
 * A browser that opens test pages.
 * @typedef {{ newPage: () => Promise<TestPage>, close: () => Promise<void> }} TestBrowser
 */

/**
 * Declares the suites; `body` declares the tests of one browser, named `name`, and opens its pages
 * with `newPage()`.
 * @param {(newPage: () => Promise<TestPage>, name: string) => void} body
 */
export function describeEachBrowser(body) {
  for (const spec of browsers) {
    const executablePath = findBrowser(spec);
    describe(spec.name, { skip: executablePath ? false : `${spec.name} is not installed` }, () => {
      /** @type {TestBrowser | undefined} */
      let browser;

      before(async () => {
        const path = /** @type {string} */ (executablePath);
        browser =
          spec.name === 'WebKit'
            ? await openWebDriverBrowser([...XVFB_COMMAND, path], WEBKIT_CAPABILITIES)
            : await openPuppeteerBrowser(spec.name, path);
      });

      after(async () => {
        await browser?.close();
      });

      body(() => {
        if (!browser) throw new Error(`${spec.name} did not launch`);
        return browser.newPage();
      }, spec.name);
    });
  }
}

/**
 * Chromium or Firefox, through Puppeteer.
 * @param {string} name
 * @param {string} executablePath
 * @returns {Promise<TestBrowser>}
 */
async function openPuppeteerBrowser(name, executablePath) {
  const browser = await launchBrowser(name, executablePath);
  return {
    close: () => browser.close(),
    async newPage() {
      const page = await browser.newPage();
      /** @type {string[]} */
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      return {
        errors,
        goto: async (url, timeout) => void (await page.goto(url, { waitUntil: 'load', timeout })),
        waitFor: async (code, args, timeout) =>
          (await page.waitForFunction(code, { timeout, polling: 100 }, ...args)).jsonValue(),
        evaluate: (code, ...args) => page.evaluate(code, ...args),
        select: async (selector, value) => void (await page.select(selector, value)),
        click: (selector) => page.click(selector),
        close: () => page.close(),
      };
    },
  };
}

/**
 * A WebKit browser through its WebDriver service (`command`, started on a free port and stopped
 * with the browser), over WebDriver classic: one page at a time, in the session's window.
 * @param {string[]} command
 * @param {WebdriverIO.Capabilities} capabilities
 * @returns {Promise<TestBrowser>}
 */
export async function openWebDriverBrowser(command, capabilities) {
  const service = await startWebDriverService(command);
  /** @type {WebdriverIO.Browser} */
  let session;
  try {
    session = await remote({ hostname: '127.0.0.1', port: service.port, logLevel: 'error', capabilities });
  } catch (error) {
    service.stop();
    throw error;
  }
  /** @param {PageCode} code @param {unknown[]} args */
  const run = (code, args) =>
    typeof code === 'string'
      ? session.execute(`return (${code});`)
      : session.execute(/** @type {any} */ (code), ...args);
  return {
    async close() {
      try {
        await session.deleteSession();
      } finally {
        service.stop();
      }
    },
    async newPage() {
      /** @type {string[]} */
      const errors = [];
      return {
        errors,
        async goto(url, timeout) {
          await session.setTimeout({ pageLoad: timeout });
          await session.url(url);
          // No page events over WebDriver classic: the page's own listener keeps what comes later.
          await session.execute(() => {
            const page = /** @type {any} */ (globalThis);
            page.__pageErrors = [];
            page.addEventListener('error', (/** @type {any} */ event) =>
              page.__pageErrors.push(String(event.error ?? event.message)),
            );
            page.addEventListener('unhandledrejection', (/** @type {any} */ event) =>
              page.__pageErrors.push(String(event.reason)),
            );
          });
        },
        async waitFor(code, args, timeout) {
          /** @type {unknown} */
          let value;
          await session.waitUntil(async () => (value = await run(code, args)), {
            timeout,
            interval: 100,
            timeoutMsg: `waited ${timeout} ms for the page`,
          });
          await collectErrors();
          return value;
        },
        async evaluate(code, ...args) {
          const value = await run(code, args);
          await collectErrors();
          return value;
        },
        select: async (selector, value) => (await session.$(selector)).selectByAttribute('value', value),
        click: async (selector) => (await session.$(selector)).click(),
        close: async () => void (await session.url('about:blank')),
      };

      async function collectErrors() {
        const seen = /** @type {string[]} */ (
          /** @type {unknown} */ (
            await session.execute(() => /** @type {any} */ (globalThis).__pageErrors?.splice(0) ?? [])
          )
        );
        errors.push(...seen);
      }
    },
  };
}
