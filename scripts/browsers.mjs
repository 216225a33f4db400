// Where the test browsers live. Tests use the system's browsers, never a downloaded build: Debian's
// `chromium`, `firefox-esr` and `webkit2gtk-driver` packages (WebKitGTK, driven over WebDriver
// classic under a virtual display), or whatever CHROME_PATH / FIREFOX_PATH / WEBKIT_DRIVER_PATH name;
// and for the older WebKit's smoke test, WPE WebKit (`wpewebkit-driver` and `cog`).
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

/** @typedef {{ name: string, env?: string, commands: string[], debianPackage: string }} SystemTool */

/** The engines every browser test runs in. @type {SystemTool[]} */
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
  {
    name: 'WebKit',
    env: 'WEBKIT_DRIVER_PATH',
    commands: ['WebKitWebDriver'],
    debianPackage: 'webkit2gtk-driver',
  },
];

/** The virtual display WebKitGTK runs in (WPE's headless platform needs none). @type {SystemTool} */
export const xvfb = { name: 'xvfb-run', commands: ['xvfb-run'], debianPackage: 'xvfb' };

/** A command run under a display of its own, on a free display number. */
export const XVFB_COMMAND = ['xvfb-run', '-a', '-s', '-screen 0 1280x1024x24'];

/** The older WebKit of the smoke test: WPE's driver and its browser, `cog`. @type {SystemTool[]} */
export const wpe = [
  {
    name: 'WPE WebKit',
    env: 'WPE_DRIVER_PATH',
    commands: ['WPEWebDriver'],
    debianPackage: 'wpewebkit-driver',
  },
  { name: 'cog', env: 'COG_PATH', commands: ['cog'], debianPackage: 'cog' },
];

/** WebKitGTK's capabilities: MiniBrowser in automation mode, over WebDriver classic (it has no BiDi). */
export const WEBKIT_CAPABILITIES = {
  browserName: 'MiniBrowser',
  'wdio:enforceWebDriverClassic': true,
  'webkitgtk:browserOptions': { args: ['--automation'] },
};

/**
 * WPE WebKit's capabilities: `cog` truly headless, over WebDriver classic.
 * @param {string} cog the executable
 */
export function wpeCapabilities(cog) {
  return {
    'wdio:enforceWebDriverClassic': true,
    'wpe:browserOptions': { binary: cog, args: ['--automation', '--platform=headless'] },
  };
}

/**
 * The executable of a browser (or tool), or undefined when none is installed.
 * @param {SystemTool} browser
 */
export function findBrowser(browser) {
  return (browser.env && process.env[browser.env]) || findCommand(browser.commands);
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
