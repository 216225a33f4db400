// Prints what the test runs wrote: each browser's results per test file, then one closing line
// `N passed, N failed` over every test that ran (Node and browsers).
import { existsSync, readFileSync } from 'node:fs';

/** @param {string} file */
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

/** @type {{ passed: number, failed: number } | undefined} */
const node = read('.test-results/node.json');
/** @type {{ browser: string, file: string, passed: number, failed: number }[]} */
const browserRows = read('.test-results/browsers.json') ?? [];

let passed = node?.passed ?? 0;
let failed = node?.failed ?? 0;
if (node)
  console.log(
    `${'Node'.padEnd(10)} ${'mock/ demo/ test/*.mjs'.padEnd(30)} ${node.passed} passed, ${node.failed} failed`,
  );
for (const row of browserRows.sort(
  (a, b) => a.file.localeCompare(b.file) || a.browser.localeCompare(b.browser),
)) {
  console.log(`${row.browser.padEnd(10)} ${row.file.padEnd(30)} ${row.passed} passed, ${row.failed} failed`);
  passed += row.passed;
  failed += row.failed;
}
console.log(`${passed} passed, ${failed} failed`);
