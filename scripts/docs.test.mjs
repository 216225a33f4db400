// The README and docs/ promise commands and files: every `npm run <script>` (and `npm start`,
// `npm test`) they name must be a script of package.json, so a reader who copies one never meets
// "Missing script"; every file they link to exists; and README's install, plain-HTML snippet and
// mock recipe work as written.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { it } from 'node:test';
import { readme, readmeCodeBlock } from './readme.mjs';

const root = new URL('../', import.meta.url);
const { scripts } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const pages = [
  'README.md',
  ...readdirSync(new URL('docs/', root))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** @param {string} text */
function namedScripts(text) {
  return [...text.matchAll(/\bnpm (?:run(?:-script)? ([\w:.-]+)|(start|test)\b)/g)].map(
    (match) => match[1] ?? match[2],
  );
}

it('finds the scripts a page names', () => {
  assert.deepEqual(namedScripts('`npm start`, then `npm run test:node` and npm test.'), [
    'start',
    'test:node',
    'test',
  ]);
});

for (const page of pages) {
  it(`${page} names only scripts that package.json has`, () => {
    const text = readFileSync(new URL(page, root), 'utf8');
    const missing = namedScripts(text).filter((name) => !Object.hasOwn(scripts, name));
    assert.deepEqual(missing, [], `${page} names npm scripts that package.json lacks`);
  });
}

/**
 * The relative targets of a page's Markdown links and images, without their #fragment.
 * @param {string} text
 */
function relativeLinks(text) {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1].split('#')[0])
    .filter((target) => target && !/^[a-z]+:/i.test(target));
}

for (const page of pages) {
  it(`${page} links only to files that exist`, () => {
    const text = readFileSync(new URL(page, root), 'utf8');
    const base = new URL(page, root);
    const missing = relativeLinks(text).filter((target) => !existsSync(new URL(target, base)));
    assert.deepEqual(missing, [], `${page} links to files that do not exist`);
  });
}

it('README names the tarball npm pack writes, which holds the element file and every file README links to', () => {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
  );
  assert.ok(readme.includes(`npm install path/to/${packed.filename}`), `README installs ${packed.filename}`);
  assert.ok(readme.includes('npm pack'), 'README says how to make it');
  const files = packed.files.map((/** @type {{ path: string }} */ file) => file.path);
  for (const file of ['dist/task-progress.min.js', ...relativeLinks(readme)])
    assert.ok(files.includes(file), `the tarball holds ${file}`);
});

it("README's Plain HTML snippet runs without a bundler: it imports no package by name", () => {
  const snippet = readmeCodeBlock('### Plain HTML', 'html');
  const specifiers = [
    ...[...snippet.matchAll(/\bimport\s*(?:[^'"]*from\s*)?['"]([^'"]+)['"]/g)].map((match) => match[1]),
    ...[...snippet.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]),
  ];
  assert.ok(
    specifiers.some((specifier) => specifier.endsWith('/task-progress.min.js')),
    'it loads the file',
  );
  const bare = specifiers.filter((specifier) => !/^(?:[a-z]+:|\/|\.\.?\/)/i.test(specifier));
  assert.deepEqual(bare, [], 'a page without a bundler cannot resolve these');
});

it('the mock, its port taken, says so and names the port option, without a stack', async () => {
  const taken = createServer();
  taken.listen(0, '127.0.0.1');
  await once(taken, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (taken.address());
  try {
    const child = spawn(process.execPath, ['mock/server.js', String(port)], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`Port ${port} is already in use`));
    assert.match(stderr, /npm run mock -- 8788/);
    assert.doesNotMatch(stderr, /EADDRINUSE|\n\s+at /);
    assert.match(readme, /npm run mock -- 8788/, 'README says how to use another port');
  } finally {
    taken.close();
  }
});
