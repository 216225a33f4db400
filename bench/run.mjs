// `npm run bench`: measures the baselines (bench/baselines/) and <task-progress> in headless
// Chromium against the mock task API; simulates the pacing of the element's own engine against the
// fixed loop, TanStack Query and the Mynth SDK on thousands of tasks (bench/pacing-sim.mjs) and
// checks the simulation against the wire in real time; simulates push beside polling on the same
// tasks and a server that restarts under 200 elements, and checks push over the wire in real time;
// simulates how far its ETA is off on an API with a queue, and measures what previews cost to
// render; runs the scale model; and writes bench/results.json, bench/RESULTS.md and the Benchmark
// section of docs/performance.md.
//
// The browser sections but the real-time checks compress time by BENCH_SCALE (default 0.1): task
// durations and every implementation's polling intervals are multiplied by it, and the results are
// converted back to real-world time. BENCH_TASKS sets the tasks per duration there (20),
// BENCH_LEAK_CYCLES the mount/unmount cycles (1000); BENCH_ONLY=wire,leaks runs only those browser
// sections (the keys of SECTIONS and ELEMENT_SECTIONS below: hidden,hiddenNotify for the hidden
// page) and prints them instead of writing the files.
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { mynthResults } from '../mock/bodies.js';
import { listen, startMockServer } from '../mock/server.js';
import { BESIDE_MODULES } from '../scripts/beside-modules.mjs';
import { findChromium, launchChromium } from '../scripts/browsers.mjs';
import { bundle, sizeOf } from './bundle.mjs';
import { writeReports } from './report.mjs';
import {
  checkPushTargets,
  checkTargets,
  durations,
  loadEngine,
  quantile,
  simulatePacing,
  simulatePush,
  simulateQueue,
  simulateRestart,
  simulateTasks,
} from './pacing-sim.mjs';
import { runScaleModel } from './scale-model.mjs';
import { measureParts } from './size-parts.mjs';

/** @typedef {import('puppeteer-core').Page} Page */
/** @typedef {import('../mock/types.js').Scenario} Scenario */
/** @typedef {import('../mock/types.js').LoggedRequest} LoggedRequest */
/** @typedef {{ taskId: string, firstImageAt: number, tilesAt: number, laidOutAt: number, shownAt: number, notifiedAt: number }} PageRecord */
/** @typedef {{ taskId: string, token: string, createdAt: number }} BenchTask */
/** @typedef {BenchTask & { forMs: number }} TimedTask A task pending for `forMs`, then completed. */
/** @typedef {'tutorial' | 'tanstack' | 'element'} Impl */

const started = Date.now();
const root = (/** @type {string} */ path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const bench = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));

const SCALE = Number(process.env.BENCH_SCALE ?? 0.1);
const TASKS_PER_DURATION = Number(process.env.BENCH_TASKS ?? 20);
const DURATIONS = [5, 15, 30, 60, 180];
const RENDER_REPS = 5;
const LEAK_CYCLES = Number(process.env.BENCH_LEAK_CYCLES ?? 1000);
/** The pacing constants of the trade-off table (the shipped one among them). */
const TRADE_OFF = [0.4, 0.5, 0.6, 0.7, 0.85];
/** How long the restarted server refuses streams in the restart's comparison rows, in ms (the target's is 3 s). */
const RESTART_OUTAGES = [0, 10_000, 30_000];

/** @type {{ id: Impl, label: string }[]} */
const IMPLS = [
  { id: 'tutorial', label: 'Tutorial loop' },
  { id: 'tanstack', label: 'TanStack Query' },
  { id: 'element', label: '<task-progress>' },
];

const log = (/** @type {string} */ message) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {number[]} values */
const summary = (values) => ({
  median: quantile(values, 0.5),
  p95: quantile(values, 0.95),
  min: Math.min(...values),
  max: Math.max(...values),
  n: values.length,
});

// ---------------------------------------------------------------------------------------------
// Sizes

async function measureSizes() {
  const tutorial = await bundle(bench('baselines/tutorial-element.js'));
  const tanstack = await bundle(bench('baselines/tanstack-element.js'));
  const litExternal = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*'];
  const library = await bundle(root('dist/index.js'), { external: litExternal });
  const own = await bundle(root('dist/index.js'), { external: [...litExternal, 'zod', 'zod/*'] });
  const standalone = await readFile(root('dist/task-progress.min.js'));
  const viewer = await readFile(root('dist/viewer.js'));
  const taskMemory = await readFile(root('dist/task-memory.js'));
  const notification = await readFile(root('dist/notification.js'));
  const eventStream = await readFile(root('dist/event-stream.js'));
  const gateway = await readFile(root('dist/gateway.js'));
  const formStart = await readFile(root('dist/form-start.js'));
  const litFloor = await bundle(bench('lit-floor.js'));
  return {
    code: { tutorial, tanstack, element: standalone },
    sizes: {
      tutorial: sizeOf(tutorial),
      tanstack: sizeOf(tanstack),
      elementLibrary: sizeOf(library),
      elementOwn: sizeOf(own),
      elementStandalone: sizeOf(standalone),
      viewer: sizeOf(viewer),
      taskMemory: sizeOf(taskMemory),
      notification: sizeOf(notification),
      eventStream: sizeOf(eventStream),
      gateway: sizeOf(gateway),
      formStart: sizeOf(formStart),
      litFloor: sizeOf(litFloor),
      parts: await measureParts(),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Servers and pages

/** The modules `task-progress.min.js` loads from beside itself on first need. */
const ELEMENT_BESIDE = Object.keys(BESIDE_MODULES).map((name) => `${name}.js`);

/** @param {Record<Impl, Buffer>} code */
async function startPageServer(code) {
  /** @type {Record<string, [string, string | Buffer]>} */
  const files = {
    '/': ['text/html', await readFile(bench('page/index.html'))],
    '/page.css': ['text/css', await readFile(bench('page/page.css'))],
    '/harness.js': ['text/javascript', await readFile(bench('page/harness.js'))],
    '/impl/tutorial.js': ['text/javascript', code.tutorial],
    '/impl/tanstack.js': ['text/javascript', code.tanstack],
    '/impl/element.js': ['text/javascript', code.element],
  };
  for (const name of ELEMENT_BESIDE)
    files[`/impl/${name}`] = ['text/javascript', await readFile(root(`dist/${name}`))];
  return listen((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://bench.invalid').pathname];
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file[0], 'Cache-Control': 'no-store' }).end(file[1]);
  });
}

/**
 * Runs `expression` in the page and resolves its (awaited) value.
 * @param {Page} page
 * @param {string} expression
 */
function inPage(page, expression) {
  return page.evaluate(expression);
}

/**
 * Calls `window.bench[method](...args)` in the page.
 * @param {Page} page
 * @param {string} method
 * @param {unknown[]} args
 */
function call(page, method, ...args) {
  return inPage(page, `window.bench.${method}(...${JSON.stringify(args)})`);
}

// ---------------------------------------------------------------------------------------------
// The run

const executablePath = findChromium();
if (!executablePath) {
  console.error(
    'The bench needs Chromium: on Debian or Ubuntu, apt-get install -y chromium (or set CHROME_PATH).',
  );
  process.exit(1);
}

log(`time scale ${SCALE} (180 s tasks take ${(180 * SCALE).toFixed(1)} s)`);
const { code, sizes } = await measureSizes();
log('sizes measured');

const instrument = await readFile(bench('page/instrument.js'), 'utf8');
const mock = await startMockServer();
const pages = await startPageServer(code);
const browser = await launchChromium(executablePath);
const browserVersion = (await browser.version()).replace(/^(Headless)?Chrome\//, 'Chromium ');

/** @param {Impl} impl */
async function openPage(impl) {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(instrument);
  await page.goto(`${pages.url}/?impl=${impl}`, { waitUntil: 'load' });
  await page.waitForFunction('window.bench !== undefined', { timeout: 10_000 });
  return page;
}

/**
 * Creates tasks in the mock.
 * @param {Scenario[]} scenarios
 * @returns {BenchTask[]}
 */
function createTasks(scenarios) {
  return scenarios.map((scenario) => {
    const createdAt = Date.now();
    const { taskId, publicAccessToken } = mock.api.createTask(scenario);
    return { taskId, token: publicAccessToken ?? '', createdAt };
  });
}

/**
 * Mynth tasks, each pending for its time in `seconds` (real-world seconds, scaled here), then
 * completed with four images. A task's clock starts at its status route's first request (the
 * mock counts `forMs` from there): the bench calls it once, with `?prime`, right before mounting.
 * `scenario` adds to each task's scenario (its stream).
 * @param {number[]} seconds
 * @param {number} [scale]
 * @param {Scenario} [scenario]
 */
function createTimedTasks(seconds, scale = SCALE, scenario = {}) {
  const pendingMs = seconds.map((duration) => duration * 1000 * scale);
  const tasks = createTasks(
    pendingMs.map((forMs) => ({
      status: [{ forMs, json: { status: 'pending' } }, { json: { status: 'completed' } }],
      results: [{ json: mynthResults(mock.url, 4) }],
      ...scenario,
    })),
  );
  return tasks.map((task, index) => ({ ...task, forMs: pendingMs[index] }));
}

/**
 * Starts the tasks' clocks from Node.
 * @param {BenchTask[]} tasks
 */
async function prime(tasks) {
  await Promise.all(
    tasks.map(async ({ taskId, token }) => {
      const response = await fetch(`${mock.url}/tasks/${taskId}/status?prime`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      await response.text();
    }),
  );
}

/**
 * @param {BenchTask} task
 * @param {Record<string, string>} [attributes]
 * @param {number} [scale]
 */
const mountOptions = (task, attributes, scale = SCALE) => ({
  taskId: task.taskId,
  token: task.token,
  baseUrl: mock.url,
  scale,
  attributes,
});

/**
 * The task's API requests, without the priming one.
 * @param {BenchTask} task
 */
function requestsOf(task) {
  const entries = mock.api.requests(task.taskId);
  return {
    prime: entries.find((entry) => entry.url.endsWith('?prime')),
    status: entries.filter((entry) => entry.url.endsWith('/status')),
    results: entries.filter((entry) => entry.url.endsWith('/results') || entry.url.endsWith('/result')),
    stream: entries.filter((entry) => entry.url.startsWith('/streams/')),
    all: entries.filter((entry) => !entry.url.endsWith('?prime')),
  };
}

/**
 * Waits until every element of the page shows an image, or `timeoutMs` passed.
 * @param {Page} page
 * @param {number} timeoutMs
 * @returns {Promise<PageRecord[]>}
 */
async function waitForImages(page, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const records = /** @type {PageRecord[]} */ (await call(page, 'records'));
    if (records.every((record) => record.firstImageAt) || Date.now() > deadline) return records;
    await sleep(100);
  }
}

/**
 * The delay from the server's completion to what the page saw of it at `seenAt` (Date.now(): the
 * first image, or `task-notify`), in real-world ms: the wait for the poll that saw the task
 * completed is scaled back (÷ scale); the rest (that poll's answer, the results request,
 * rendering) is not scaled and counts as measured.
 * @param {TimedTask} task
 * @param {number | undefined} seenAt 0 or undefined when the page never saw it
 * @param {number} [scale]
 */
function detection(task, seenAt, scale = SCALE) {
  const { status } = requestsOf(task);
  const completion = completedAt(task);
  if (completion === undefined || !seenAt) return undefined;
  // Every implementation stops polling the status once it has seen the task completed.
  const poll = status.at(-1);
  if (!poll || task.createdAt + poll.at < completion - 1) return undefined;
  const polledAt = task.createdAt + poll.at;
  return { wait: (polledAt - completion) / scale, rest: seenAt - polledAt };
}

/**
 * When the mock completed a timed task, by Date.now(): `forMs` after its priming request; undefined
 * when it was never primed.
 * @param {TimedTask} task
 */
function completedAt(task) {
  const { prime } = requestsOf(task);
  return prime && task.createdAt + prime.at + task.forMs;
}

/** In the `notify` variant, the real-world seconds the page stays hidden after the tasks end. */
const HIDDEN_AFTER_END = 20;

/**
 * 60 s tasks on one page, hidden from 25 % of the task to 75 %; with `notify` (the element only),
 * until HIDDEN_AFTER_END s after the end, so that every task ends while the page is hidden.
 * @param {Impl} impl
 * @param {boolean} [notify]
 */
async function hidden(impl, notify = false) {
  const duration = 60;
  const forMs = duration * 1000 * SCALE;
  const page = await openPage(impl);
  const tasks = createTimedTasks(Array.from({ length: TASKS_PER_DURATION }, () => duration));
  await call(
    page,
    'primeAndMount',
    tasks.map((task) => mountOptions(task, notify ? { notify: '' } : undefined)),
  );
  const start = Math.min(...tasks.map((task) => task.createdAt + (requestsOf(task).prime?.at ?? 0)));
  await sleep(start + forMs * 0.25 - Date.now());
  const hiddenAt = /** @type {number} */ (await inPage(page, 'window.benchInstrument.setHidden(true)'));
  await sleep(start + (notify ? forMs + HIDDEN_AFTER_END * 1000 * SCALE : forMs * 0.75) - Date.now());
  const shownAt = /** @type {number} */ (await inPage(page, 'window.benchInstrument.setHidden(false)'));
  const records = await waitForImages(page, forMs + 30_000);
  await sleep(2 * 10_000 * SCALE);
  const notices = notify ? await noticesOf(page, tasks) : undefined;
  await page.close();
  const perTask = tasks.map((task) => {
    const { all } = requestsOf(task);
    const at = (/** @type {LoggedRequest} */ entry) => task.createdAt + entry.at;
    const whileHidden = all.filter((entry) => at(entry) >= hiddenAt && at(entry) < shownAt);
    return { whileHidden: whileHidden.length, total: all.length };
  });
  const realSeconds = (/** @type {number} */ ms) => Math.round((ms - start) / SCALE / 100) / 10;
  return {
    durationSeconds: duration,
    hiddenSeconds: [realSeconds(hiddenAt), realSeconds(shownAt)],
    whileHidden: summary(perTask.map((task) => task.whileHidden)),
    whileHiddenTotal: perTask.reduce((sum, task) => sum + task.whileHidden, 0),
    total: summary(perTask.map((task) => task.total)),
    completed: records.filter((record) => record.firstImageAt).length,
    tasks: tasks.length,
    ...notices,
  };
}

/**
 * The notices of `notify` on a page whose tasks ended while it was hidden: how many tasks fired
 * `task-notify`, the delay from each task's completion to it in real-world seconds (as
 * `detection` counts it), when the title's "✓ " mark came after the first of them, and whether
 * the title was restored once the page showed again.
 * @param {Page} page
 * @param {TimedTask[]} tasks
 */
async function noticesOf(page, tasks) {
  const records = /** @type {PageRecord[]} */ (await call(page, 'records'));
  const { permission, titles } =
    /** @type {{ permission: string, titles: { at: number, title: string }[] }} */ (
      await call(page, 'notices')
    );
  const notifiedAt = tasks.map(
    (task) => records.find((record) => record.taskId === task.taskId)?.notifiedAt ?? 0,
  );
  const delays = tasks.flatMap((task, index) => {
    const found = detection(task, notifiedAt[index]);
    return found ? [(found.wait + found.rest) / 1000] : [];
  });
  const marked = titles.find((entry) => entry.title.startsWith('✓ '));
  return {
    permission,
    notified: notifiedAt.filter(Boolean).length,
    notifySeconds: summary(delays),
    markAfterFirstNoticeMs: marked ? marked.at - Math.min(...notifiedAt.filter(Boolean)) : undefined,
    titleRestored: titles.at(-1)?.title === titles[0].title,
  };
}

/**
 * @param {Impl} impl
 * @param {'together' | 'staggered'} mode
 */
async function shared(impl, mode) {
  const duration = 30;
  const forMs = duration * 1000 * SCALE;
  const gapMs = 200 * SCALE;
  const page = await openPage(impl);
  const tasks = createTimedTasks(Array.from({ length: 5 }, () => duration));
  const list = Array.from({ length: 50 }, (_, i) => mountOptions(tasks[i % 5]));
  if (mode === 'together') {
    await call(page, 'primeAndMount', list);
  } else {
    await prime(tasks);
    await call(page, 'mountStaggered', list, gapMs);
  }
  const records = await waitForImages(page, forMs + 30_000);
  await sleep(2 * 10_000 * SCALE);
  await page.close();
  const perTask = tasks.map((task) => requestsOf(task));
  return {
    elements: list.length,
    tasks: tasks.length,
    durationSeconds: duration,
    mountGapSeconds: mode === 'together' ? 0 : gapMs / SCALE / 1000,
    totalRequests: perTask.reduce((sum, requests) => sum + requests.all.length, 0),
    statusRequests: perTask.reduce((sum, requests) => sum + requests.status.length, 0),
    resultsRequests: perTask.reduce((sum, requests) => sum + requests.results.length, 0),
    elementsWithImages: records.filter((record) => record.firstImageAt).length,
  };
}

/**
 * @param {Impl} impl
 * @param {Record<string, string>} [attributes]
 */
async function rendering(impl, attributes) {
  /** @type {{ renderMs: number, cls: number, clsMounted: number, clsTotal: number, images: number, loaded: number }[]} */
  const reps = [];
  for (let rep = 0; rep < RENDER_REPS; rep++) {
    const page = await openPage(impl);
    const [task] = createTasks([
      {
        status: [{ json: { status: 'completed' } }],
        results: [{ json: mynthResults(mock.url, 100, { imageDelay: 100 }) }],
      },
    ]);
    await call(page, 'mount', { ...mountOptions(task, attributes), tiles: 100 });
    await page.waitForFunction('window.bench.records()[0].laidOutAt > 0', { timeout: 30_000 });
    const [record] = /** @type {PageRecord[]} */ (await call(page, 'records'));
    const responseEnd = /** @type {number} */ (
      await call(page, 'responseEnd', `/tasks/${task.taskId}/results`)
    );
    const loaded = /** @type {{ images: number, loaded: number }} */ (
      await call(page, 'loadAllImages', 20_000)
    );
    const shift = (/** @type {number} */ since) =>
      inPage(page, `window.benchInstrument.layoutShift(${since})`);
    const cls = /** @type {number} */ (await shift(record.laidOutAt));
    const clsMounted = /** @type {number} */ (await shift(record.shownAt));
    const clsTotal = /** @type {number} */ (await shift(0));
    await page.close();
    reps.push({ renderMs: record.tilesAt - responseEnd, cls, clsMounted, clsTotal, ...loaded });
  }
  return {
    reps: reps.length,
    renderMs: summary(reps.map((rep) => rep.renderMs)),
    cls: Math.max(...reps.map((rep) => rep.cls)),
    clsMounted: Math.max(...reps.map((rep) => rep.clsMounted)),
    clsTotal: Math.max(...reps.map((rep) => rep.clsTotal)),
    imagesLoaded: Math.min(...reps.map((rep) => rep.loaded)),
    images: Math.min(...reps.map((rep) => rep.images)),
  };
}

/**
 * Live timers in the page, less those counted in `idle`.
 * @param {Page} page
 * @param {{ timeouts: number, intervals: number }} [idle]
 */
async function timers(page, idle = { timeouts: 0, intervals: 0 }) {
  const live = /** @type {{ timeouts: number, intervals: number }} */ (
    await inPage(page, 'window.benchInstrument.timers()')
  );
  return { timeouts: live.timeouts - idle.timeouts, intervals: live.intervals - idle.intervals };
}

/** @param {Impl} impl */
async function leaks(impl) {
  // Mount/unmount cycles, each on its own pending task whose status answers after 50 ms.
  const page = await openPage(impl);
  const cdp = await page.createCDPSession();
  const heap = async () => {
    await sleep(1000);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const pendingTask = () => ({ status: [{ json: { status: 'pending' }, delay: 50 }] });
  const half = Math.floor(LEAK_CYCLES / 2);
  const warmup = createTasks(Array.from({ length: 50 }, pendingTask));
  const first = createTasks(Array.from({ length: half }, pendingTask));
  const second = createTasks(Array.from({ length: LEAK_CYCLES - half }, pendingTask));
  const idle = await timers(page);
  await call(page, 'cycle', warmup, mock.url, SCALE);
  const before = await heap();
  await call(page, 'cycle', first, mock.url, SCALE);
  const middle = await heap();
  await call(page, 'cycle', second, mock.url, SCALE);
  const after = await heap();
  const timersAfterCycles = await timers(page, idle);
  await page.close();

  // Elements each with a status request in flight (answered after 1 s), then disconnected. Five,
  // so that all their requests fit in Chromium's six connections per host.
  const inflight = await openPage(impl);
  const slow = createTasks(
    Array.from({ length: 5 }, () => ({ status: [{ json: { status: 'pending' }, delay: 1000 }] })),
  );
  const idleTimers = await timers(inflight);
  for (const task of slow) await call(inflight, 'mount', mountOptions(task));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && !slow.every((task) => requestsOf(task).status.length > 0)) await sleep(5);
  const disconnectedAt = /** @type {number} */ (await call(inflight, 'unmountAll'));
  await sleep(1500);
  const timersAfterDisconnect = await timers(inflight, idleTimers);
  await inflight.close();
  let inFlight = 0;
  let leftRunning = 0;
  let later = 0;
  for (const task of slow) {
    for (const entry of requestsOf(task).all) {
      const at = task.createdAt + entry.at;
      if (at > disconnectedAt) later++;
      else if (at > disconnectedAt - 1000) {
        inFlight++;
        if (!entry.aborted) leftRunning++;
      }
    }
  }
  return {
    cycles: LEAK_CYCLES,
    heapBefore: before,
    heapAfter: after,
    heapDeltaKB: (after - before) / 1024,
    secondHalfDeltaKB: (after - middle) / 1024,
    timersAfterCycles,
    disconnect: {
      elements: slow.length,
      inFlightAtDisconnect: inFlight,
      leftRunning,
      requestsAfterDisconnect: later,
      timers: timersAfterDisconnect,
    },
  };
}

/**
 * Runs `measure` for each implementation in turn.
 * @template T
 * @param {string} name
 * @param {(impl: Impl) => Promise<T>} measure
 */
async function each(name, measure) {
  /** @type {Record<string, T>} */
  const out = {};
  for (const { id } of IMPLS) {
    out[id] = await measure(id);
    log(`${name}: ${id}`);
  }
  return out;
}

/** @type {Record<string, [string, (impl: Impl) => Promise<unknown>]>} */
const SECTIONS = {
  hidden: ['hidden page', hidden],
  sharedTogether: ['50 elements, mounted together', (impl) => shared(impl, 'together')],
  sharedStaggered: ['50 elements, mounted one by one', (impl) => shared(impl, 'staggered')],
  rendering: ['rendering', rendering],
  leaks: ['leaks', leaks],
};
const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);

/**
 * The real-time check of the simulation: tasks of a few seconds, spread as the simulation's are,
 * followed in the browser with no time scale by elements that know nothing or have an
 * `expected-duration` (each its own `duration-key`, so that no element learns from another's task),
 * then the same tasks in the simulation, once per seed of its jitter (the browser's jitter is
 * `Math.random`). The two agree when the wire's status requests per task and median delay lie
 * within the range the seeds give, widened by WIRE_TOLERANCE (a share of the requests; seconds of
 * delay, for the browser's timers and rendering).
 */
const WIRE = { medians: [4, 10], sigma: 0.3, perMedian: 16, seed: 7, simulatedSeeds: 50 };
const WIRE_TOLERANCE = { requests: 0.05, seconds: 0.15 };

async function wire() {
  const loaded = await loadEngine();
  const random = loaded.seededRandom(WIRE.seed);
  const specs = WIRE.medians.flatMap((median) =>
    durations(random, median, WIRE.sigma, WIRE.perMedian).map((ms) => ({ median, ms })),
  );
  /** @type {Record<string, unknown>} */
  const out = { ...WIRE, tolerance: WIRE_TOLERANCE };
  for (const knows of ['nothing', 'estimate']) {
    const expected = knows === 'estimate' ? specs.map(({ median }) => median * 1000) : [];
    const tasks = createTimedTasks(
      specs.map(({ ms }) => ms / 1000),
      1,
    );
    const page = await openPage('element');
    await call(
      page,
      'primeAndMount',
      tasks.map((task, i) =>
        mountOptions(
          task,
          {
            'duration-key': task.taskId,
            ...(expected[i] ? { 'expected-duration': String(expected[i]) } : {}),
          },
          1,
        ),
      ),
    );
    const records = await waitForImages(page, Math.max(...specs.map(({ ms }) => ms)) + 30_000);
    await page.close();
    const delays = tasks.flatMap((task) => {
      const found = detection(task, records.find((record) => record.taskId === task.taskId)?.firstImageAt, 1);
      return found ? [found.wait + found.rest] : [];
    });
    const requests = tasks.reduce((sum, task) => sum + requestsOf(task).status.length, 0);
    const onWire = {
      requestsPerTask: requests / tasks.length,
      medianSeconds: quantile(delays, 0.5) / 1000,
      p95Seconds: quantile(delays, 0.95) / 1000,
      completed: delays.length,
      tasks: tasks.length,
    };
    const runs = [];
    for (let seed = 1; seed <= WIRE.simulatedSeeds; seed++) {
      runs.push(
        await simulateTasks({ durations: specs.map(({ ms }) => ms), expected, rttMs: 10, loaded, seed }),
      );
    }
    const range = (/** @type {number[]} */ values) => [Math.min(...values), Math.max(...values)];
    const simulated = {
      requestsPerTask: range(runs.map((run) => run.statusRequests / run.tasks)),
      medianSeconds: range(runs.map((run) => run.medianSeconds)),
      p95Seconds: range(runs.map((run) => run.p95Seconds)),
    };
    const within = (
      /** @type {number} */ value,
      /** @type {number[]} */ [low, high],
      /** @type {number} */ margin,
    ) => value >= low - margin && value <= high + margin;
    const agrees =
      onWire.completed === onWire.tasks &&
      within(
        onWire.requestsPerTask,
        simulated.requestsPerTask,
        WIRE_TOLERANCE.requests * simulated.requestsPerTask[1],
      ) &&
      within(onWire.medianSeconds, simulated.medianSeconds, WIRE_TOLERANCE.seconds);
    out[knows] = { wire: onWire, simulated, agrees };
    log(`wire (real time): ${knows}${agrees ? '' : ' — DISAGREES with the simulation'}`);
  }
  return out;
}

/**
 * The healthy push row checked in the browser, with no time scale: timed tasks followed at once on
 * one page by `dist/task-progress.min.js` with `stream-url` on the mock's live stream, which tells
 * each status as it changes and the completion as one `results` event with the results. From the
 * mock's completion to the first image, and the requests besides the stream: none expected. Five
 * tasks, so that their streams leave one of Chromium's six connections to the mock's origin.
 */
const PUSH_WIRE = { seconds: [2, 3, 4, 5, 6] };

async function pushWire() {
  const tasks = createTimedTasks(PUSH_WIRE.seconds, 1, { stream: [{ live: true }] });
  const page = await openPage('element');
  await call(
    page,
    'primeAndMount',
    tasks.map((task) => mountOptions(task, { 'stream-url': `${mock.url}/streams/{id}` }, 1)),
  );
  const records = await waitForImages(page, Math.max(...PUSH_WIRE.seconds) * 1000 + 10_000);
  await page.close();
  const delays = tasks.flatMap((task) => {
    const seenAt = records.find((record) => record.taskId === task.taskId)?.firstImageAt;
    const completion = completedAt(task);
    return seenAt && completion !== undefined ? [seenAt - completion] : [];
  });
  const perTask = (/** @type {'status' | 'results' | 'stream'} */ kind) =>
    tasks.reduce((sum, task) => sum + requestsOf(task)[kind].length, 0) / tasks.length;
  log('push over the wire (real time)');
  return {
    ...PUSH_WIRE,
    tasks: tasks.length,
    completed: delays.length,
    medianSeconds: quantile(delays, 0.5) / 1000,
    p95Seconds: quantile(delays, 0.95) / 1000,
    statusRequestsPerTask: perTask('status'),
    resultsRequestsPerTask: perTask('results'),
    streamsPerTask: perTask('stream'),
  };
}

/**
 * What previews cost to render: a pending element (`expected-count="4"`, reduced motion, so that
 * no animation runs) whose adapter answers a status every `pollMs` with `perUpdate` new previews
 * (512×512 JPEG blobs, made before the measure), against the same element with none. Per update:
 * the time from the answer to the next task (the engine and the element's update), median; and the
 * renderer's main-thread time (CDP `Performance.getMetrics`: all tasks, of which script and
 * style with layout) over the run, divided by the updates.
 */
const PREVIEWS = { updates: 40, perUpdate: 4, pollMs: 100 };

async function previews() {
  /** @type {Record<string, unknown>} */
  const out = { ...PREVIEWS };
  for (const perUpdate of [0, PREVIEWS.perUpdate]) {
    const page = await openPage('element');
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await call(page, 'makePreviews', PREVIEWS.updates * perUpdate);
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    const metrics = async () =>
      Object.fromEntries(
        (await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]),
      );
    const before = await metrics();
    const run = /** @type {{ spent: number[], previews: number }} */ (
      await call(page, 'followPreviews', PREVIEWS.updates, perUpdate, PREVIEWS.pollMs)
    );
    const after = await metrics();
    await page.close();
    const perUpdateMs = (/** @type {string[]} */ ...names) =>
      names.reduce((sum, name) => sum + after[name] - before[name], 0) * (1000 / PREVIEWS.updates);
    out[perUpdate ? 'with' : 'without'] = {
      updateMs: summary(run.spent),
      mainThreadMs: perUpdateMs('TaskDuration'),
      scriptMs: perUpdateMs('ScriptDuration'),
      styleLayoutMs: perUpdateMs('RecalcStyleDuration', 'LayoutDuration'),
      previewsShown: run.previews,
    };
  }
  log('previews');
  return out;
}

/**
 * The element alone: the hidden page with `notify`, the real-time check of the simulation, its
 * rendering with `expected-count`, and what previews cost to render.
 */
const ELEMENT_SECTIONS = {
  hiddenNotify: async () => {
    const out = await hidden('element', true);
    log('hidden page, with notify');
    return out;
  },
  wire,
  pushWire,
  reserved: async () => {
    const out = await rendering('element', { 'expected-count': '100' });
    log('rendering with expected-count');
    return out;
  },
  previews,
};

/** @type {Record<string, unknown>} */
const measured = {};
try {
  for (const [key, [name, measure]] of Object.entries(SECTIONS)) {
    if (!only || only.includes(key)) measured[key] = await each(name, measure);
  }
  for (const [key, measure] of Object.entries(ELEMENT_SECTIONS)) {
    if (!only || only.includes(key)) measured[key] = await measure();
  }
} finally {
  await browser.close();
  await pages.close();
  await mock.close();
}
if (only) {
  console.log(JSON.stringify(measured, null, 2));
  process.exit(0);
}

const scaleModel = await runScaleModel();
log('scale model');
const pacing = await simulatePacing();
const again = await simulatePacing();
if (JSON.stringify(again) !== JSON.stringify(pacing))
  throw new Error('The seeded simulation changed between two runs.');
const targets = checkTargets(pacing);
log(
  `pacing simulated twice, identical; speed targets met: ${targets.filter((t) => t.met).length} of ${targets.length}`,
);
const push = await simulatePush();
const restart = await simulateRestart();
/** The restart with shorter and longer outages than the target's, for comparison. */
const outages = [];
for (const refusedMs of RESTART_OUTAGES) outages.push(await simulateRestart({ refusedMs }));
const pushTargets = checkPushTargets(push, restart);
log(`push simulated; push targets met: ${pushTargets.filter((t) => t.met).length} of ${pushTargets.length}`);
const tradeOff = [];
for (const constant of TRADE_OFF) {
  const loaded = await loadEngine({ PACING_CONSTANT: constant });
  const result = await simulatePacing({ loaded, perMedian: 100 });
  tradeOff.push({ constant, targets: checkTargets(result) });
}
log('pacing trade-off');
const queue = await simulateQueue({ perMedian: 200 });
log('ETA with a queue');

/** @param {string} path */
const versionOf = async (path) =>
  JSON.parse(await readFile(root(`node_modules/${path}/package.json`), 'utf8')).version;
const cpus = os.cpus();
const results = {
  meta: {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.arch()}`,
    },
    node: process.version,
    browser: browserVersion,
    packages: {
      lit: await versionOf('lit'),
      '@tanstack/query-core': await versionOf('@tanstack/query-core'),
      'puppeteer-core': await versionOf('puppeteer-core'),
      esbuild: await versionOf('esbuild'),
    },
    scale: SCALE,
    tasksPerDuration: TASKS_PER_DURATION,
    durations: DURATIONS,
    visibility: 'document.visibilityState overridden in the page, and visibilitychange fired',
    runSeconds: 0,
  },
  implementations: IMPLS,
  sizes,
  ...measured,
  scaleModel,
  pacing: { ...pacing, targets, identicalOnTwoRuns: true },
  push: { ...push, restart, outages, targets: pushTargets },
  tradeOff,
  queue,
};
results.meta.runSeconds = Math.round((Date.now() - started) / 1000);

await writeFile(bench('results.json'), `${JSON.stringify(results, null, 2)}\n`);
await writeReports(results);
log(
  `wrote bench/results.json, bench/RESULTS.md and docs/performance.md's Benchmark section in ${results.meta.runSeconds} s`,
);
