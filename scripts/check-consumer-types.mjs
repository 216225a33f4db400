// Type-checks the built package as an app sees it: a temporary consumer whose
// node_modules/task-progress is this package, so that every import goes through package.json's
// `exports`, with `strict` and `skipLibCheck: false`, so that every shipped .d.ts is checked. It
// imports every entry of `exports` (with the bundler and the Node16 resolution), and type-checks
// the usages in test/types/ with tsc (React, Preact, Solid), vue-tsc (Vue), svelte-check (Svelte)
// and the Angular compiler (Angular). Each usage but Angular's sets `state` and a wrongly typed
// attribute, which must stay type errors. Needs `npm run build`.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const { name, exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (!existsSync(join(root, 'dist/index.d.ts'))) {
  console.error('No dist/index.d.ts: run `npm run build` first.');
  process.exit(1);
}
const consumer = mkdtempSync(join(tmpdir(), `${name}-consumer-`));

/** Links node_modules/`dependency` of the consumer to `target`. @param {string} dependency @param {string} target */
function link(dependency, target) {
  const path = join(consumer, 'node_modules', dependency);
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(target, path, 'junction');
}

/**
 * Runs a checker (a path under node_modules) in the consumer.
 * @param {string} bin @param {string[]} args
 * @returns {Promise<{ status: number | null, stdout: string, stderr: string }>}
 */
function run(bin, args) {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'node_modules', bin), ...args], { cwd: consumer });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', fail).on('close', (status) => done({ status, stdout, stderr }));
  });
}

/**
 * A checker whose expect-error comments say what must fail; its output when it fails, else null.
 * @param {string} label @param {string} bin @param {string[]} args
 */
async function check(label, bin, args) {
  const { status, stdout, stderr } = await run(bin, args);
  console.log(`${status === 0 ? 'ok' : 'FAILED'}: ${label}`);
  return status === 0 ? null : `${label}:\n${stdout}${stderr}`.trim();
}

/**
 * svelte-check has no expect-error comment in markup: the Svelte usage marks each line that must
 * fail with `<!-- expect-error: why -->` above it, and no other line may fail.
 */
async function checkSvelte() {
  const label = 'the Svelte usage (svelte-check)';
  const file = 'svelte.svelte';
  const lines = readFileSync(join(consumer, file), 'utf8').split('\n');
  const expected = lines.flatMap((line, index) => (/^\s*<!-- expect-error:/.test(line) ? [index + 2] : []));
  const args = ['--workspace', '.', '--tsconfig', './tsconfig.svelte.json', '--output', 'machine'];
  const { stdout, stderr } = await run('svelte-check/bin/svelte-check', args);
  // Machine output: `<time> ERROR "<file>" <line>:<column> "<message>"`, lines from 1.
  const problems = [...stdout.matchAll(/^\d+ (ERROR|WARNING) "([^"]+)" (\d+):\d+ (.*)$/gm)].map(
    ([, kind, path, line, message]) => ({ kind, path, line: Number(line), message }),
  );
  /** @param {{ kind: string, path: string, line: number }} problem */
  const marked = (problem) =>
    problem.kind === 'ERROR' && problem.path === file && expected.includes(problem.line);
  const report = [
    ...problems
      .filter((problem) => !marked(problem))
      .map((problem) => `${problem.path}:${problem.line}: ${problem.kind} ${problem.message}`),
    ...expected
      .filter((line) => !problems.some((problem) => marked(problem) && problem.line === line))
      .map((line) => `${file}:${line}: no error, but the line is marked expect-error`),
  ];
  if (!/ COMPLETED /.test(stdout)) report.push(`${stdout}${stderr}`.trim());
  const ok = report.length === 0;
  console.log(`${ok ? 'ok' : 'FAILED'}: ${label}`);
  return ok ? null : [`${label}:`, ...report].join('\n');
}
try {
  cpSync(join(root, 'test/types'), consumer, { recursive: true });
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  link(name, root);
  for (const dependency of ['@types/react', 'vue', 'svelte', 'preact', 'solid-js', '@angular/core'])
    link(dependency, join(root, 'node_modules', dependency));
  // Every entry of `exports`, so that a new one is checked too; `./translations/*` by one of its files.
  writeFileSync(
    join(consumer, 'entries.ts'),
    Object.keys(exports)
      .map((entry) => `import type {} from '${name}${entry.slice(1).replace('*', 'de')}';\n`)
      .join(''),
  );

  // At once: five separate programs, each on a core of its own where there is one.
  const results = await Promise.all([
    check('every entry and the React usage (tsc, bundler resolution)', 'typescript/bin/tsc', [
      '-p',
      'tsconfig.json',
    ]),
    check('every entry (tsc, Node16 resolution)', 'typescript/bin/tsc', ['-p', 'tsconfig.node16.json']),
    check('the Vue usage (vue-tsc)', 'vue-tsc/bin/vue-tsc.js', ['-p', 'tsconfig.vue.json']),
    checkSvelte(),
    check('the Angular usage (ngc, strict templates)', '@angular/compiler-cli/bundles/src/bin/ngc.js', [
      '-p',
      'angular/tsconfig.json',
    ]),
  ]);
  const failures = results.filter((output) => output !== null);
  for (const output of failures) console.error(`\n${output}`);
  if (failures.length) {
    console.error(
      `\nThe package's types fail in a strict consumer (${failures.length} of ${results.length} checks).`,
    );
    process.exitCode = 1;
  }
} finally {
  rmSync(consumer, { recursive: true, force: true });
}
