// Runs before the tests: makes sure the test browsers are installed (Chromium, Firefox ESR, WebKitGTK
// with its virtual display, WPE WebKit with cog). As root on Debian it installs the missing
// packages; otherwise it says exactly what to install and stops.
import { execFileSync } from 'node:child_process';
import { browsers, findBrowser, findCommand, wpe, xvfb } from './browsers.mjs';

const missing = [...browsers, xvfb, ...wpe].filter((browser) => !findBrowser(browser));
if (missing.length > 0) {
  const packages = missing.map((browser) => browser.debianPackage);
  const canInstall = process.getuid?.() === 0 && findCommand(['apt-get']);
  if (!canInstall) {
    console.error(
      `The browser tests need ${missing.map((b) => b.name).join(', ')}, which are not installed.\n` +
        `On Debian or Ubuntu: sudo apt-get install -y ${packages.join(' ')}\n` +
        `Elsewhere, install them and put them on the PATH${pointAt(missing)}.`,
    );
    process.exit(1);
  }
  console.log(`Installing ${packages.join(' ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

/** @param {import('./browsers.mjs').SystemTool[]} tools */
function pointAt(tools) {
  const names = tools.flatMap((tool) => (tool.env ? [tool.env] : []));
  return names.length ? ` (or point ${names.join(' / ')} at their executables)` : '';
}
