// What each part of the self-contained bundle costs: the bundle is built from the sources as
// `task-progress.min.js` is, then again with one part replaced by a stub that does nothing, and the
// difference in min+gzip bytes is what that part adds. A stub that no longer matches its module's
// exports fails the build, so this cannot silently measure something else.
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, sizeOf } from './bundle.mjs';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** A schema that takes any body as it is. */
const anyBody = 'const any = {};';

/** @type {{ id: string, label: string, stubs: Record<string, string> }[]} */
const PARTS = [
  {
    id: 'zod',
    label: 'zod and the schemas of both dialects',
    stubs: {
      'adapters/mynth.schemas.ts': `${anyBody} export const mynthStatusSchema = any, mynthResultsSchema = any;`,
      'adapters/mindproxy.schemas.ts': `${anyBody} export const mindproxyTaskSchema = any, mindproxyAssetsSchema = any, mindproxyEventsSchema = any;`,
      'adapters/schema.ts': 'export const validate = (schema, value) => ({ value });',
    },
  },
  {
    id: 'gateway',
    label: 'the gateway dialect (`mindproxy` adapter and its schemas)',
    stubs: { 'adapters/mindproxy.ts': 'export const mindproxyAdapter = {};' },
  },
  {
    id: 'pacing',
    label: 'duration-aware pacing (the estimate, the duration history, the hazard schedule)',
    stubs: {
      'engine/estimate.ts': 'export const estimateFor = () => undefined;',
      'engine/hazard-schedule.ts': 'export const hazardSchedule = () => undefined;',
      'engine/duration-history.ts': 'export class DurationHistory { record() {} }',
    },
  },
  {
    id: 'eta',
    label: 'the ETA and the retry countdown',
    stubs: { 'engine/eta.ts': 'export const nextEta = () => undefined, secondsUntil = () => 0;' },
  },
  {
    id: 'styles',
    label: 'the styles',
    stubs: {
      'task-progress.styles.ts': "import { unsafeCSS } from 'lit'; export const styles = unsafeCSS('');",
    },
  },
  {
    id: 'zero-js-start',
    label: 'the zero-JS start (`form`, `start-url`, `start()`: its form side and its request)',
    stubs: {
      'form-start.ts':
        'export class FormStart { constructor(host) { host.addController(this); } start() {} retry() { return false; } }',
      'engine/start-task.ts': 'export const startTask = () => {};',
    },
  },
  {
    id: 'url-refresh',
    label:
      'the refresh of expired result URLs (its rate limit and the failed media it tracks; the engine method and the tiles’ error handlers stay in the core)',
    stubs: {
      'engine/results-refresh.ts': 'export class ResultsRefresh { run() { return Promise.resolve(); } }',
      'broken-media.ts': 'export class BrokenMedia { has() { return false; } failed() {} clear() {} }',
    },
  },
  {
    id: 'strings',
    label: 'the default strings',
    stubs: {
      'strings.ts':
        "export const mergedStrings = () => () => ({ status: {}, phases: {}, ended: {}, errorHints: {}, elapsed: String, imageAlt: String, imageFailed: String }); export const errorHint = () => '';",
    },
  },
];

/** @param {Record<string, string>} stubs keyed by path under src/ */
async function gzipBytes(stubs) {
  /** @type {import('esbuild').Plugin} */
  const stubParts = {
    name: 'stub-parts',
    setup(builder) {
      builder.onLoad({ filter: /\.ts$/ }, ({ path }) => {
        const key = relative(src, path).split(sep).join('/');
        return key in stubs ? { contents: stubs[key], loader: 'ts' } : undefined;
      });
    },
  };
  return sizeOf(await bundle(`${src}define.ts`, { plugins: [stubParts] })).gzip;
}

/**
 * The whole bundle, what each part adds to it, and what is left without all of them (Lit and the
 * element's core: the polling stream, the element, its events and errors, the Mynth adapter).
 */
export async function measureParts() {
  const whole = await gzipBytes({});
  const parts = [];
  for (const { id, label, stubs } of PARTS) {
    parts.push({ id, label, gzip: whole - (await gzipBytes(stubs)) });
  }
  const core = await gzipBytes(Object.assign({}, ...PARTS.map((part) => part.stubs)));
  return { whole, parts, core };
}
