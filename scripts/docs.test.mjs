// The README and docs/ promise commands: every `npm run <script>` (and `npm start`, `npm test`)
// they name must be a script of package.json, so a reader who copies one never meets "Missing script".
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { it } from 'node:test';

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
