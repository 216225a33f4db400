// Fails when custom-elements.json, or docs/api.md made from it, is not what `npm run analyze` would
// write from the source now.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { API_DOC, apiReference } from './api-reference.mjs';

const outdir = '.test-results/manifest';
rmSync(outdir, { recursive: true, force: true });
execFileSync('node_modules/.bin/cem', ['analyze', '--outdir', outdir], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
const fresh = readFileSync(`${outdir}/custom-elements.json`, 'utf8');
const committed = existsSync('custom-elements.json') ? readFileSync('custom-elements.json', 'utf8') : '';
if (fresh.trim() !== committed.trim()) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
  process.exit(1);
}
const apiDoc = existsSync(API_DOC) ? readFileSync(API_DOC, 'utf8') : '';
if ((await apiReference(JSON.parse(fresh))) !== apiDoc) {
  console.error(`${API_DOC} is stale: run \`npm run analyze\` and commit the result.`);
  process.exit(1);
}
console.log(`custom-elements.json and ${API_DOC} are current.`);
