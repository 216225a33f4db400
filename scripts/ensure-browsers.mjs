// Runs before the tests: makes sure Chromium and Firefox ESR are installed. As root on Debian it
// installs the missing packages; otherwise it says exactly what to install and stops.
import { execFileSync } from 'node:child_process';
import { browsers, findBrowser, findCommand } from './browsers.mjs';

const missing = browsers.filter((browser) => !findBrowser(browser));
if (missing.length > 0) {
  const packages = missing.map((browser) => browser.debianPackage);
  const canInstall = process.getuid?.() === 0 && findCommand(['apt-get']);
  if (!canInstall) {
    console.error(
      `The browser tests need ${missing.map((b) => b.name).join(' and ')}, which are not installed.\n` +
        `On Debian or Ubuntu: sudo apt-get install -y ${packages.join(' ')}\n` +
        `Elsewhere, install them and point ${missing.map((b) => b.env).join(' / ')} at their executables.`,
    );
    process.exit(1);
  }
  console.log(`Installing ${packages.join(' ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}
