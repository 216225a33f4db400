// Where the two test browsers live. Tests use the system's browsers, never a downloaded build:
// Debian's `chromium` and `firefox-esr` packages, or whatever CHROME_PATH / FIREFOX_PATH name.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import puppeteer from 'puppeteer-core';

/** Headless Chromium as root, kept from reaching for any network but the pages it is given. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** @type {{ name: string, env: string, commands: string[], debianPackage: string }[]} */
export const browsers = [
  {
    name: 'Chromium',
    env: 'CHROME_PATH',
    commands: ['chromium', 'chromium-browser'],
    debianPackage: 'chromium',
  },
  {
    name: 'Firefox',
    env: 'FIREFOX_PATH',
    commands: ['firefox-esr', 'firefox'],
    debianPackage: 'firefox-esr',
  },
];

/**
 * The executable of a browser, or undefined when none is installed.
 * @param {(typeof browsers)[number]} browser
 */
export function findBrowser(browser) {
  return process.env[browser.env] || findCommand(browser.commands);
}

/** Chromium's executable, or undefined when none is installed. */
export function findChromium() {
  const chromium = browsers.find((browser) => browser.name === 'Chromium');
  return chromium && findBrowser(chromium);
}

/**
 * Launches the system's Chromium headless.
 * @param {string} executablePath
 * @param {{ width: number, height: number }} [viewport]
 * @returns {Promise<import('puppeteer-core').Browser>}
 */
export function launchChromium(executablePath, viewport = { width: 1000, height: 900 }) {
  return puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, defaultViewport: viewport });
}

/**
 * Launches one of `browsers` headless, by its name: Chromium, or Firefox over WebDriver BiDi.
 * @param {string} name
 * @param {string} executablePath
 */
export function launchBrowser(name, executablePath) {
  return name === 'Firefox'
    ? puppeteer.launch({ browser: 'firefox', executablePath, headless: true })
    : launchChromium(executablePath);
}

/**
 * The first of `commands` found on the PATH.
 * @param {string[]} commands
 */
export function findCommand(commands) {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const command of commands) {
    for (const dir of dirs) {
      const candidate = join(dir, command);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not in this folder
      }
    }
  }
  return undefined;
}
