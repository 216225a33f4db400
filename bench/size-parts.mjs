// What each part of the self-contained bundle costs: the bundle is built from the sources as
// `task-progress.min.js` is, then again with one part replaced by a stub that does nothing, and the
// difference in min+gzip bytes is what that part adds (a stub for a module the core cannot do without
// keeps only what the core needs of it). A stub replaces its module, or, starting with
// `export * from REAL`, keeps the module and replaces only the exports it names. It cannot silently
// measure something else: a stub for a module that is gone, one that misses an export another module
// imports (esbuild fails), or one that replaces an export its module no longer has, fails the run.
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, sizeOf } from './bundle.mjs';

const src = fileURLToPath(new URL('../src/', import.meta.url));
/** In a stub, the module it stands in for. */
const REAL = "'real:module'";

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
      // The builders the zero-JS start's module is handed, which builds its schema there.
      'adapters/schema.ts':
        'export const validate = (schema, value) => ({ value }), object = () => ({}), shownOnly = object, string = object;',
    },
  },
  {
    id: 'gateway',
    label:
      'the gateway dialect (the `mindproxy` adapter, and `gateway.ts` with its schemas, which the element loads on first need)',
    stubs: { 'adapters/mindproxy.ts': 'export const mindproxyAdapter = {};' },
  },
  {
    id: 'pacing',
    label: 'duration-aware pacing (the estimate, the duration history, the hazard schedule)',
    stubs: {
      'engine/durations.ts': `export * from ${REAL}; export const estimateFor = () => undefined, historyKind = () => undefined; export class DurationHistory { record() {} }`,
      'engine/pacing.ts': `export * from ${REAL}; export const hazardSchedule = () => undefined;`,
    },
  },
  {
    id: 'wait',
    label:
      'what the API knows of the wait (progress, queue, previews): reading them from each status, the queue-aware age and the rate of progress (`src/engine/wait.ts`; the few lines of the view that show them stay in the core)',
    stubs: {
      // The task's age as the core counts it without a queue: from the API's creation time, else
      // from when following began; and the duration it teaches the history.
      'engine/wait.ts': `import { MAX_DURATION, historyKind } from './durations.js';
        export const readWait = () => ({ queued: false });
        export class TaskAge {
          #origin; #fromStart; #pendingAge = 0; #env; #startedAt;
          constructor(env, startedAt) { this.#env = env; this.#startedAt = startedAt; }
          answered(report, wait, sentAt, options) {
            const now = this.#env.now();
            const { age } = report;
            this.#origin ??= age >= 0 && age <= MAX_DURATION ? now - age : (this.#startedAt ?? sentAt);
            this.#fromStart ??= report.state === 'pending';
            const looked = (sentAt + now) / 2 - this.#origin;
            if (report.state === 'pending') this.#pendingAge = looked;
            const kind = report.state === 'completed' && this.#fromStart && historyKind(options);
            if (kind) this.#env.durations.record(kind, (this.#pendingAge + looked) / 2, options.rememberDurations);
            return now - this.#origin;
          }
          progressEnd() { return undefined; }
        }`,
    },
  },
  {
    id: 'eta',
    label: 'the ETA and the retry countdown',
    stubs: { 'eta.ts': 'export const nextEta = () => undefined, secondsUntil = () => 0;' },
  },
  {
    id: 'languages',
    label: 'languages (finding the closest `lang` and `dir`, loading a translation from beside the module)',
    stubs: {
      'languages.ts': 'export class LanguageController { constructor(host) { host.addController(this); } }',
    },
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
    label:
      'the zero-JS start in the element’s file (`form`, `start-url`, `start()`: hearing the submits, showing the start, loading `form-start.js`, which sends it, beside it)',
    stubs: {
      'start-loader.ts':
        'export class StartLoader { constructor(host) { host.addController(this); } start() {} retry() { return false; } cancel() { return false; } }',
    },
  },
  {
    id: 'url-refresh',
    label:
      'the element side of refreshing expired result URLs (the failed media it tracks; the engine’s request and the tiles’ error handlers stay in the core)',
    stubs: {
      'broken-media.ts': 'export class BrokenMedia { has() { return false; } failed() {} clear() {} }',
    },
  },
  {
    id: 'strings',
    label: 'the default strings',
    stubs: {
      'strings.ts':
        "export const mergedStrings = () => () => ({ status: {}, phases: {}, ended: {}, errorHints: {}, elapsed: String, imageAlt: String, imageFailed: String }); export const errorHint = () => '', errorText = () => '', resultName = () => '', own = () => undefined, defaultStrings = {};",
    },
  },
];

/**
 * @param {Record<string, string>} stubs keyed by path under src/
 * @param {{ entry?: string, combined?: boolean }} [options] the bundle's entry; `combined`: the
 *   stubs of several parts, where one part's stub may leave another's module out of the bundle
 */
export async function gzipBytes(stubs, { entry = `${src}define.ts`, combined = false } = {}) {
  const loaded = new Set();
  /** @type {import('esbuild').Plugin} */
  const stubParts = {
    name: 'stub-parts',
    setup(builder) {
      builder.onResolve({ filter: /^real:module$/ }, ({ importer }) => ({
        path: importer,
        namespace: 'real',
      }));
      builder.onLoad({ filter: /.*/, namespace: 'real' }, async ({ path }) => ({
        contents: await readFile(path, 'utf8'),
        loader: 'ts',
        resolveDir: fileURLToPath(new URL('.', `file://${path}`)),
      }));
      builder.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        const key = relative(src, path).split(sep).join('/');
        const stub = stubs[key];
        if (stub === undefined) return undefined;
        loaded.add(key);
        if (stub.includes(REAL)) await checkReplaced(path, stub);
        return { contents: stub, loader: 'ts' };
      });
    },
  };
  const size = sizeOf(await bundle(entry, { plugins: [stubParts] })).gzip;
  const missing = Object.keys(stubs).filter((key) => !loaded.has(key));
  if (missing.length && !combined)
    throw new Error(`size-parts: no module of the bundle is ${missing.join(', ')}`);
  return size;
}

/**
 * Fails when a stub that keeps its module replaces an export the module no longer has.
 * @param {string} path @param {string} stub
 */
async function checkReplaced(path, stub) {
  const source = await readFile(path, 'utf8');
  const names = [...stub.matchAll(/export (?:const|class|function) ([^;{(]+)/g)].flatMap(([, list]) =>
    list.split(',').map((item) => item.split('=')[0].trim()),
  );
  for (const name of names) {
    if (!new RegExp(`export (?:const|class|function) ${name}\\b`).test(source)) {
      throw new Error(`size-parts: ${relative(src, path)} no longer exports ${name}`);
    }
  }
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
  const core = await gzipBytes(Object.assign({}, ...PARTS.map((part) => part.stubs)), { combined: true });
  return { whole, parts, core };
}
