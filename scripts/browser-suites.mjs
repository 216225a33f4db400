// A node:test suite per test browser (Chromium, Firefox over BiDi), each launching its browser
// before its tests and closing it after; skipped where the browser is not installed.
import { after, before, describe } from 'node:test';
import { browsers, findBrowser, launchBrowser } from './browsers.mjs';

/**
 * Declares the suites; `body` declares the tests of one browser, named `name`, and opens its pages
 * with `newPage()`.
 * @param {(newPage: () => Promise<import('puppeteer-core').Page>, name: string) => void} body
 */
export function describeEachBrowser(body) {
  for (const spec of browsers) {
    const executablePath = findBrowser(spec);
    describe(spec.name, { skip: executablePath ? false : `${spec.name} is not installed` }, () => {
      /** @type {import('puppeteer-core').Browser | undefined} */
      let browser;

      before(async () => {
        browser = await launchBrowser(spec.name, /** @type {string} */ (executablePath));
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
