// Requests against delay, simulated: the element's own engine (src/engine, through its front door,
// with the element's default options) follows simulated tasks on a simulated clock (the tests'
// FakeEnvironment), and on the same tasks, on the same clock, TanStack Query's QueryObserver with a
// 2 s `refetchInterval`, the fixed 2 s loop of the tutorials, and the Mynth SDK's schedule. Task
// durations are lognormal around their kind's median; everything random is seeded, so a run gives
// the same numbers every time. `node bench/pacing-sim.mjs` prints the tables; with SIM_PUSH=1, the
// push rows (SPEC §12: push beside polling on the same tasks, a restarting server) instead.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The tests' fake clock (test/helpers/fake-environment.ts), as the simulation uses it.
 * @typedef {import('../src/engine/index.ts').FollowEnvironment & {
 *   advance(ms: number): Promise<void>, flush(): Promise<void>, readonly pendingTimers: number[]
 * }} FakeEnvironment
 */
/**
 * A task: `queued` ms in the API's queue (0 unless told), then `duration` ms of processing; its
 * status answers say `queued` while it waits when `saysQueued`, else pending throughout.
 * @typedef {{ duration: number, queued?: number, saysQueued?: boolean }} TaskSpec
 */
/** @typedef {TaskSpec & { createdAt: number }} SimTask */
/**
 * The element's controller (src/follow-controller.ts) as the simulation uses it, typed here: its
 * own types need the DOM's.
 * @typedef {{
 *   snapshot: import('../src/engine/index.ts').FollowSnapshot | undefined,
 *   eta: import('../src/eta.ts').Eta | undefined,
 *   hostConnected(): void, hostUpdate(): void, hostDisconnected(): void
 * }} Controller
 */
/** @typedef {{ status: number, results: number, subscriptions: number }} Counts */
/**
 * @typedef {{
 *   status(): Promise<'queued' | 'pending' | 'completed'>,
 *   results(): Promise<string>,
 *   stream(server: StreamServer): NonNullable<import('../src/types.ts').TaskAdapter['subscribe']>
 * }} SimApi
 */
/**
 * The server behind a simulated task's stream (a relay of the API's webhooks), times on the
 * simulated clock: from `silentFrom` on it sends nothing, never failing (a proxy that buffers: a
 * subscription opened from then on shows no life either); at `dropAt` every open subscription
 * fails (a restart), and until `refusedUntil` a new one is refused. `log` records each subscription.
 * @typedef {{ silentFrom?: number, dropAt?: number, refusedUntil?: number, log?: { at: number, refused: boolean }[] }} StreamServer
 */
/**
 * What the element is told of the task's duration: `expected` is the `expected-duration` a page
 * sets for a kind of that median, in s; without it, the element learns from the page's earlier tasks
 * (or, nothing known, each task is the page's first).
 * @typedef {{ id: string, label: string, expected?: (median: number, random: () => number) => number }} Knowledge
 */

/** The request round trip, in ms; the server answers at its middle. */
export const RTT = 100;
export const SIGMAS = [0.15, 0.3, 0.5];
/** Medians of the task kinds, in s. */
export const MEDIANS = [5, 15, 30, 60, 180];

/** @type {Knowledge[]} */
export const KNOWLEDGE = [
  {
    id: 'estimate',
    label: '`expected-duration` within ±10 % of the median',
    expected: (median, random) => median * (0.9 + 0.2 * random()),
  },
  { id: 'off', label: '`expected-duration` 1.5 × the median', expected: (median) => median * 1.5 },
  { id: 'learned', label: 'a learned history' },
  { id: 'nothing', label: 'nothing known' },
];

/** The baselines, each a function of the clock and the task's API that resolves when the results are in. */
export const BASELINES = [
  { id: 'loop', label: 'fixed 2 s loop' },
  { id: 'tanstack', label: 'TanStack Query, 2 s `refetchInterval`' },
  { id: 'sdk', label: 'Mynth SDK (2.5 s for 12 s, then 5 s)' },
];

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The engine and the fake clock, bundled from the sources; `constants` builds a variant of the
 * engine with some of its pacing constants (`export const NAME = number;` in pacing.ts) changed,
 * for the trade-off table.
 * @param {Record<string, number>} [constants]
 */
export async function loadEngine(constants = {}) {
  /** @type {import('esbuild').Plugin} */
  const variant = {
    name: 'pacing-constants',
    setup(builder) {
      if (Object.keys(constants).length === 0) return;
      builder.onLoad({ filter: /engine[\\/]pacing\.ts$/ }, async ({ path }) => {
        let source = await readFile(path, 'utf8');
        for (const [name, value] of Object.entries(constants)) {
          const pattern = new RegExp(`export const ${name} = [\\d.]+;`);
          if (!pattern.test(source)) throw new Error(`${name} is no longer a number in pacing.ts`);
          source = source.replace(pattern, `export const ${name} = ${value};`);
        }
        return { contents: source, loader: 'ts' };
      });
    },
  };
  const result = await build({
    stdin: {
      contents: [
        "export { Engine, PACING_CONSTANT, pollDelay } from './src/engine/index.ts';",
        "export { FakeEnvironment, seededRandom } from './test/helpers/fake-environment.ts';",
        "export { TaskProgress } from './src/task-progress.ts';",
        "export { FollowController } from './src/follow-controller.ts';",
        "export { useEnvironment } from './src/page-engine.ts';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    plugins: [variant],
  });
  /** @type {{ Engine: typeof import('../src/engine/index.ts').Engine, pollDelay: typeof import('../src/engine/index.ts').pollDelay, PACING_CONSTANT: number, FakeEnvironment: new (options: { random: () => number }) => FakeEnvironment, seededRandom: (seed: number) => () => number, TaskProgress: { properties: unknown }, FollowController: new (host: object, options: () => import('../src/engine/index.ts').FollowOptions, unsafeUrlMessage: () => string) => Controller, useEnvironment: (env: FakeEnvironment) => void }} */
  const engine = await import(
    `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`
  );
  return engine;
}

/** @typedef {Awaited<ReturnType<typeof loadEngine>>} Loaded */

/**
 * A standard normal draw (Box–Muller) from `random`.
 * @param {() => number} random
 */
const normal = (random) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/**
 * The durations of `count` tasks of a kind, in ms: lognormal around `median` s with spread `sigma`.
 * @param {() => number} random @param {number} median @param {number} sigma @param {number} count
 */
export function durations(random, median, sigma, count) {
  return Array.from({ length: count }, () => median * 1000 * Math.exp(sigma * normal(random)));
}

/** @param {FakeEnvironment} env @param {number} ms */
const sleep = (env, ms) => new Promise((resolve) => env.setTimeout(() => resolve(undefined), ms));

/** What the status route says of `task` at `at`. @param {SimTask} task @param {number} at */
function statusAt(task, at) {
  const age = at - task.createdAt;
  const queued = task.queued ?? 0;
  return age >= queued + task.duration ? 'completed' : age < queued && task.saysQueued ? 'queued' : 'pending';
}

/** The images every simulated task completes with. */
const IMAGES = /** @type {import('../src/types.ts').TaskImage[]} */ ([
  { status: 'succeeded', id: '1', url: 'https://cdn.example/1.png', kind: 'image' },
]);

/** A healthy stream's keep-alive (a `:` comment), as a relay sends one to keep proxies from closing it. */
export const KEEP_ALIVE = 15_000;

/**
 * The task's API on the simulated clock: a status request is answered at its middle, queued or
 * pending until the task's time in the queue and its duration have passed. Its stream, on a
 * `server`: a subscription reaches the server half a round trip after it is opened (a refused one
 * fails a round trip after), which tells the status then, each change as it happens (the
 * completion as a snapshot with the images, as the `results` event does) and a keep-alive every
 * `KEEP_ALIVE`, each heard half a round trip later.
 * @param {FakeEnvironment} env @param {SimTask} task @param {Counts} counts @param {number} [rtt]
 * @returns {SimApi}
 */
function simApi(env, task, counts, rtt = RTT) {
  return {
    async status() {
      counts.status++;
      await sleep(env, rtt / 2);
      const status = statusAt(task, env.now());
      await sleep(env, rtt / 2);
      return status;
    },
    async results() {
      counts.results++;
      await sleep(env, rtt);
      return 'results';
    },
    stream: (server) => (ctx, emit) => {
      counts.subscriptions++;
      const { silentFrom = Infinity, dropAt = Infinity, refusedUntil = -Infinity } = server;
      /** @type {unknown[]} */
      const timers = [];
      /** @param {number} time @param {() => void} heard */
      const at = (time, heard) => timers.push(env.setTimeout(heard, time - env.now()));
      const reached = env.now() + rtt / 2;
      const refused = reached >= dropAt && reached < refusedUntil;
      server.log?.push({ at: env.now(), refused });
      const fails = refused ? reached : reached < dropAt ? dropAt : Infinity;
      if (fails < Infinity) at(fails + rtt / 2, () => ctx.fail(new Error('The stream dropped.')));
      const end = task.createdAt + (task.queued ?? 0) + task.duration;
      const quiet = Math.min(fails, silentFrom);
      /** @param {number} sent @param {() => void} heard */
      const send = (sent, heard) => sent < quiet && at(sent + rtt / 2, heard);
      /** @param {number} sent @param {boolean} completed */
      const tell = (sent, completed) =>
        send(sent, () =>
          emit(
            completed
              ? { state: 'completed', status: 'completed', images: IMAGES }
              : { state: 'pending', status: 'pending' },
          ),
        );
      /** @param {number} sent */
      const keepAlive = (sent) =>
        sent < end &&
        send(sent, () => {
          ctx.alive();
          keepAlive(sent + KEEP_ALIVE);
        });
      tell(reached, statusAt(task, reached) === 'completed');
      keepAlive(reached + KEEP_ALIVE);
      if (reached < end) tell(end, true);
      return () => timers.forEach((timer) => env.clearTimeout(timer));
    },
  };
}

/**
 * Runs the clock until `done` resolves; fails if nothing is left to run before it does.
 * @template T
 * @param {FakeEnvironment} env @param {Promise<T>} done
 * @returns {Promise<T>}
 */
async function runUntil(env, done) {
  let settled = false;
  const result = done.finally(() => (settled = true));
  await env.flush();
  while (!settled) {
    const next = env.pendingTimers[0];
    if (next === undefined)
      throw new Error('The simulation stalled: nothing pending, and the task not shown.');
    await env.advance(next);
  }
  return result;
}

/** `setInterval` on the simulated clock. @param {FakeEnvironment} env */
function intervalOn(env) {
  return {
    /** @param {() => void} callback @param {number} ms */
    set(callback, ms) {
      const handle = { timer: /** @type {unknown} */ (undefined) };
      const tick = () => {
        handle.timer = env.setTimeout(tick, ms);
        callback();
      };
      handle.timer = env.setTimeout(tick, ms);
      return handle;
    },
    /** @param {{ timer: unknown } | undefined} handle */
    clear: (handle) => handle && env.clearTimeout(handle.timer),
  };
}

/**
 * The tutorials' loop: the status every 2 s from the start (`setInterval`), then the results.
 * @param {FakeEnvironment} env @param {SimApi} api
 */
function fixedLoop(env, api) {
  const interval = intervalOn(env);
  return new Promise((resolve) => {
    const handle = interval.set(async () => {
      if ((await api.status()) !== 'completed') return;
      interval.clear(handle);
      await api.results();
      resolve(env.now());
    }, 2000);
  });
}

/**
 * The Mynth SDK's `toTask()`: the status, then a wait of 2.5 s (5 s once 12 s have passed) plus up
 * to 0.5 s at random, until it completes; then the task's details.
 * @param {FakeEnvironment} env @param {SimApi} api @param {() => number} random
 */
async function sdkLoop(env, api, random) {
  const start = env.now();
  for (;;) {
    const elapsed = env.now() - start;
    if ((await api.status()) === 'completed') break;
    await sleep(env, (elapsed < 12_000 ? 2500 : 5000) + random() * 500);
  }
  await api.results();
  return env.now();
}

// query-core sets no refetch timer on a server, which it recognises by the absence of `window`: the
// simulation stands for a page.
/** @type {Record<string, unknown>} */ (globalThis).window ??= globalThis;
const { QueryClient, QueryObserver, notifyManager, timeoutManager } = await import('@tanstack/query-core');

/** The clock TanStack Query's timers run on: the task's. @type {FakeEnvironment | undefined} */
let tanstackClock;
const onTanstackClock = () => /** @type {FakeEnvironment} */ (tanstackClock);
// Its timer ids are the fake clock's handles, typed as query-core's opaque ids.
/** @type {(handle: unknown) => any} */
const asTimerId = (handle) => handle;
timeoutManager.setTimeoutProvider({
  setTimeout: (callback, ms) => asTimerId(onTanstackClock().setTimeout(callback, ms)),
  clearTimeout: (handle) => onTanstackClock().clearTimeout(handle),
  setInterval: (callback, ms) => asTimerId(intervalOn(onTanstackClock()).set(callback, ms)),
  clearInterval: (handle) => intervalOn(onTanstackClock()).clear(asTimerId(handle)),
});
notifyManager.setScheduler(queueMicrotask);

/**
 * TanStack Query as the bench's baseline element uses it: a status query refetched every 2 s while
 * pending, then a results query.
 * @param {FakeEnvironment} env @param {SimApi} api
 */
function tanstack(env, api) {
  tanstackClock = env;
  const client = new QueryClient();
  const status = new QueryObserver(client, {
    queryKey: ['status'],
    queryFn: () => api.status(),
    refetchInterval: (query) => (query.state.data === 'completed' ? false : 2000),
    staleTime: (query) => (query.state.data === 'completed' ? Infinity : 0),
  });
  return new Promise((resolve) => {
    const stop = status.subscribe((result) => {
      if (result.data !== 'completed') return;
      stop();
      void client.fetchQuery({ queryKey: ['results'], queryFn: () => api.results() }).then(() => {
        client.clear();
        resolve(env.now());
      });
    });
  });
}

/** @typedef {{ taskId: string, expectedDuration?: number, durationKey?: string, stream?: StreamServer }} Knows */

/**
 * What the element asks its engine for a simulated task: the element's defaults (its options
 * table gives each option's default as the element declares it) and what it `knows`; a queued
 * status answer read as the gateway's adapter reads its queued statuses; with `stream`, an adapter
 * that subscribes to the task's stream on that server.
 * @param {Loaded} loaded @param {SimApi} api @param {Knows} knows
 * @returns {import('../src/engine/index.ts').FollowOptions}
 */
function followOptions(loaded, api, { stream, ...knows }) {
  const options = /** @type {Record<string, { default: number }>} */ (loaded.TaskProgress.properties);
  /** @type {import('../src/types.ts').TaskAdapter} */
  const adapter = {
    requiresToken: false,
    async getStatus() {
      const status = await api.status();
      return status === 'queued' ? { state: 'pending', status, phase: 'queued' } : { state: status, status };
    },
    async getResults() {
      await api.results();
      return IMAGES;
    },
  };
  if (stream) adapter.subscribe = api.stream(stream);
  return {
    adapter,
    baseUrl: 'https://api.example',
    token: undefined,
    tokenProvider: undefined,
    pollInterval: options.pollInterval.default,
    maxPollInterval: options.maxPollInterval.default,
    timeout: options.timeout.default,
    streamTimeout: options.streamTimeout.default,
    maxRetries: options.maxRetries.default,
    pollWhenHidden: false,
    showEvents: false,
    rememberDurations: false,
    ...knows,
  };
}

/**
 * The element's engine, with the element's defaults, following one task to its results.
 * @param {Loaded} loaded @param {import('../src/engine/index.ts').Engine} engine
 * @param {FakeEnvironment} env @param {SimApi} api @param {Knows} knows
 */
async function element(loaded, engine, env, api, knows) {
  /** @type {(at: number) => void} */
  let shown = () => {};
  const done = new Promise((resolve) => (shown = resolve));
  const subscription = engine.follow(followOptions(loaded, api, knows), (snapshot) => {
    if (snapshot.state === 'completed' && snapshot.images) shown(env.now());
    else if (snapshot.state !== 'pending') throw new Error(`The simulated task ended ${snapshot.state}.`);
  });
  const at = await done;
  subscription.unsubscribe();
  return at;
}

/**
 * The element's own controller (src/follow-controller.ts) on a stand-in for the element, following
 * one task through the page's engine (`useEnvironment`) to its results: it works out what the
 * element shows in each update, at each snapshot and once a second while pending, as in the
 * element. `look` is called at `lookAt` on the clock with the controller as it is then.
 * @param {Loaded} loaded @param {FakeEnvironment} env @param {SimApi} api @param {Knows} knows
 * @param {number} lookAt @param {(controller: Controller) => void} look
 */
async function elementView(loaded, env, api, knows, lookAt, look) {
  /** @type {(at: number) => void} */
  let shown = () => {};
  const done = new Promise((resolve) => (shown = resolve));
  let due = false;
  const host = {
    isConnected: true,
    addController() {},
    // As Lit does: one update, in a microtask, however many times it was asked for.
    requestUpdate() {
      if (due) return;
      due = true;
      queueMicrotask(() => {
        due = false;
        controller.hostUpdate();
        if (controller.snapshot?.state === 'completed' && controller.snapshot.images) shown(env.now());
      });
    },
  };
  const options = followOptions(loaded, api, knows);
  /** @type {Controller} */
  const controller = new loaded.FollowController(
    host,
    () => options,
    () => '',
  );
  env.setTimeout(() => look(controller), lookAt - env.now());
  controller.hostConnected();
  const at = await done;
  controller.hostDisconnected();
  return at;
}

/**
 * @param {number[]} values
 * @param {number} q
 */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = q * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low] + (sorted[Math.ceil(rank)] - sorted[low]) * (rank - low);
}

/**
 * What one strategy did on a set of tasks.
 * @param {number[]} delays ms from each task's completion to its results @param {number} requests
 */
const outcome = (delays, requests) => ({
  tasks: delays.length,
  statusRequests: requests,
  medianSeconds: quantile(delays, 0.5) / 1000,
  p95Seconds: quantile(delays, 0.95) / 1000,
});

/**
 * One task, created now and followed by `follow` to its results; then a pause, so that nothing of
 * it runs into the next. Its delay from completion to results, its status requests and its
 * subscriptions to the task's stream.
 * @param {FakeEnvironment} env @param {TaskSpec} spec @param {number} rtt
 * @param {(api: SimApi, task: SimTask) => Promise<number>} follow
 */
async function followTask(env, spec, rtt, follow) {
  const task = { ...spec, createdAt: env.now() };
  const counts = { status: 0, results: 0, subscriptions: 0 };
  const at = await runUntil(env, follow(simApi(env, task, counts, rtt), task));
  await env.advance(60_000);
  return {
    delay: at - task.createdAt - (task.queued ?? 0) - task.duration,
    requests: counts.status,
    subscriptions: counts.subscriptions,
  };
}

/**
 * A page: one user following `durations.length` tasks of one kind, one after the other, on its
 * own clock (so an element learns from the earlier ones); `expected` is the `expected-duration`
 * its author set for that kind, when the knowledge has one; `queues`, each task's time in the
 * API's queue before it runs, and `saysQueued`, whether its status answers say so.
 * @typedef {{ median: number, durations: number[], expected?: number, queues?: number[], saysQueued?: boolean }} Page
 */

/**
 * Follows every task of every page with `follow`.
 * @param {Loaded} loaded
 * @param {Page[]} pages
 * @param {(env: FakeEnvironment, api: SimApi, page: Page, random: () => number, task: SimTask, index: number) => Promise<number>} follow
 * @param {number} seed
 */
async function simulate(loaded, pages, follow, seed) {
  /** @type {Map<number, { delays: number[], requests: number }>} */
  const byMedian = new Map(MEDIANS.map((median) => [median, { delays: [], requests: 0 }]));
  let subscribed = 0;
  for (const [p, page] of pages.entries()) {
    const random = loaded.seededRandom(seed + p);
    const env = new loaded.FakeEnvironment({ random });
    for (const [i, duration] of page.durations.entries()) {
      const spec = { duration, queued: page.queues?.[i], saysQueued: page.saysQueued };
      const { delay, requests, subscriptions } = await followTask(env, spec, RTT, (api, task) =>
        follow(env, api, page, random, task, i),
      );
      if (i < WARM_UP) continue;
      subscribed += subscriptions;
      const group = /** @type {{ delays: number[], requests: number }} */ (byMedian.get(page.median));
      group.delays.push(delay);
      group.requests += requests;
    }
  }
  const groups = [...byMedian.values()];
  return {
    ...outcome(
      groups.flatMap((group) => group.delays),
      groups.reduce((sum, group) => sum + group.requests, 0),
    ),
    subscriptions: subscribed,
    byMedian: Object.fromEntries(
      [...byMedian].map(([median, group]) => [median, outcome(group.delays, group.requests)]),
    ),
  };
}

/** Tasks a simulated user follows on one page, after the first `WARM_UP`, which are not counted. */
export const TASKS_PER_PAGE = 25;
/** The tasks a page followed before: they give the learned history its first durations. */
export const WARM_UP = 5;

/**
 * The pages of every median, `perMedian` counted tasks of it in all: `page(median, count)` draws
 * one of `count` tasks, its first `WARM_UP` not counted.
 * @template T
 * @param {number} perMedian @param {(median: number, count: number) => T} page
 */
function pagesByMedian(perMedian, page) {
  return MEDIANS.flatMap((median) =>
    Array.from({ length: Math.ceil(perMedian / TASKS_PER_PAGE) }, (_, i) =>
      page(median, WARM_UP + Math.min(TASKS_PER_PAGE, perMedian - i * TASKS_PER_PAGE)),
    ),
  );
}

/**
 * The tasks of one spread, the same for every strategy: `perMedian` of each median on pages of
 * `TASKS_PER_PAGE`, each page with a draw (`factor`) for the `expected-duration` its author sets.
 * @param {Loaded} loaded @param {number} sigma @param {number} perMedian @param {number} seed
 * @returns {{ median: number, durations: number[], factor: number }[]}
 */
function spreadRuns(loaded, sigma, perMedian, seed) {
  const random = loaded.seededRandom(seed * 1000 + Math.round(sigma * 100));
  return pagesByMedian(perMedian, (median, count) => ({
    median,
    durations: durations(random, median, sigma, count),
    factor: random(),
  }));
}

/**
 * The element following each task, one engine per page (so that it learns from the page's earlier
 * tasks), told what `knows(page, task)` says.
 * @param {Loaded} loaded @param {(page: Page, task: SimTask) => Omit<Knows, 'taskId'>} knows
 * @returns {Parameters<typeof simulate>[2]}
 */
function elementFollows(loaded, knows) {
  /** @type {Map<FakeEnvironment, import('../src/engine/index.ts').Engine>} */
  const engines = new Map();
  let tasks = 0;
  return (env, api, page, _, task) => {
    const engine = engines.get(env) ?? new loaded.Engine(env);
    engines.set(env, engine);
    return element(loaded, engine, env, api, { taskId: `task-${tasks++}`, ...knows(page, task) });
  };
}

/**
 * Every strategy on the same tasks: for each spread, `perMedian` tasks of each median, on pages of
 * `TASKS_PER_PAGE`.
 * @param {{ perMedian?: number, seed?: number, sigmas?: number[], knowledge?: Knowledge[], baselines?: boolean, loaded?: Loaded }} [settings]
 */
export async function simulatePacing({
  perMedian = 200,
  seed = 1,
  sigmas = SIGMAS,
  knowledge = KNOWLEDGE,
  baselines = true,
  loaded,
} = {}) {
  const engineModules = loaded ?? (await loadEngine());
  const rows = [];
  for (const sigma of sigmas) {
    const runs = spreadRuns(engineModules, sigma, perMedian, seed);
    /** @param {Knowledge} [known] @returns {Page[]} */
    const pagesFor = (known) =>
      runs.map(({ median, durations: list, factor }) => ({
        median,
        durations: list,
        expected: known?.expected && known.expected(median, () => factor) * 1000,
      }));
    /** @type {Record<string, Awaited<ReturnType<typeof simulate>>>} */
    const strategies = {};
    if (baselines) {
      const pages = pagesFor();
      strategies.loop = await simulate(engineModules, pages, (env, api) => fixedLoop(env, api), seed);
      strategies.tanstack = await simulate(engineModules, pages, (env, api) => tanstack(env, api), seed);
      strategies.sdk = await simulate(engineModules, pages, (env, api, _, r) => sdkLoop(env, api, r), seed);
    }
    for (const known of knowledge) {
      strategies[known.id] = await simulate(
        engineModules,
        pagesFor(known),
        elementFollows(engineModules, (page) => ({
          expectedDuration: page.expected,
          // The element always learns its kind's durations; nothing known is a first task.
          durationKey: known.id === 'nothing' ? undefined : 'kind',
        })),
        seed,
      );
    }
    rows.push({ sigma, strategies });
  }
  return {
    perMedian,
    tasksPerPage: TASKS_PER_PAGE,
    warmUp: WARM_UP,
    medians: MEDIANS,
    rttMs: RTT,
    pacingConstant: engineModules.PACING_CONSTANT,
    rows,
  };
}

/**
 * The streams of the push rows, each a server for a task: `healthy` tells every change;
 * `silent` goes silent at half of the task, never failing (a proxy that buffers it); `drops` fails
 * at half of the task, and the next subscription is healthy.
 * @type {Record<string, (task: SimTask) => StreamServer>}
 */
export const STREAMS = {
  healthy: () => ({}),
  silent: (task) => ({ silentFrom: task.createdAt + task.duration / 2 }),
  drops: (task) => ({ dropAt: task.createdAt + task.duration / 2 }),
};

/**
 * Push beside polling (SPEC §12), on the tasks of `simulatePacing`: the element with a learned
 * history, polling (`polling`) and with an adapter that subscribes to each of `STREAMS`, against
 * the fixed 2 s loop (`loop`).
 * @param {{ perMedian?: number, seed?: number, sigmas?: number[], loaded?: Loaded }} [settings]
 */
export async function simulatePush({ perMedian = 200, seed = 1, sigmas = SIGMAS, loaded } = {}) {
  const engineModules = loaded ?? (await loadEngine());
  const rows = [];
  for (const sigma of sigmas) {
    const pages = spreadRuns(engineModules, sigma, perMedian, seed);
    /** @type {Record<string, Awaited<ReturnType<typeof simulate>>>} */
    const strategies = {
      loop: await simulate(engineModules, pages, (env, api) => fixedLoop(env, api), seed),
      polling: await simulate(
        engineModules,
        pages,
        elementFollows(engineModules, () => ({ durationKey: 'kind' })),
        seed,
      ),
    };
    for (const [id, server] of Object.entries(STREAMS)) {
      strategies[id] = await simulate(
        engineModules,
        pages,
        elementFollows(engineModules, (_, task) => ({ durationKey: 'kind', stream: server(task) })),
        seed,
      );
    }
    rows.push({ sigma, strategies });
  }
  const options = /** @type {Record<string, { default: number }>} */ (engineModules.TaskProgress.properties);
  return {
    perMedian,
    medians: MEDIANS,
    rttMs: RTT,
    keepAliveMs: KEEP_ALIVE,
    streamTimeoutMs: options.streamTimeout.default,
    rows,
  };
}

/**
 * A server that restarts under many elements (SPEC §12): `elements` elements, each on a task of
 * its own that runs for longer than the simulation, all subscribed and trusted; at `restartAt`
 * every subscription fails, and for `refusedMs` every new one is refused (a round trip later).
 * When the subscriptions that succeeded again were opened: the first and last (ms after the
 * restart), their spread, and the most opened in any one second; the same of every subscription
 * tried, and of the status polls sent meanwhile.
 * @param {{ elements?: number, restartAt?: number, refusedMs?: number, seed?: number, loaded?: Loaded }} [settings]
 */
export async function simulateRestart({
  elements = 200,
  restartAt = 60_000,
  refusedMs = 3000,
  seed = 1,
  loaded,
} = {}) {
  const engineModules = loaded ?? (await loadEngine());
  const env = new engineModules.FakeEnvironment({ random: engineModules.seededRandom(seed * 1000 + 200) });
  const engine = new engineModules.Engine(env);
  /** @type {{ at: number, refused: boolean }[]} */
  const log = [];
  /** @type {number[]} */
  const polls = [];
  const restart = env.now() + restartAt;
  const server = { dropAt: restart, refusedUntil: restart + refusedMs, log };
  const subscriptions = Array.from({ length: elements }, (_, i) => {
    const task = { duration: 10 * restartAt, createdAt: env.now() };
    const api = simApi(env, task, { status: 0, results: 0, subscriptions: 0 });
    const polled = { ...api, status: () => (polls.push(env.now()), api.status()) };
    const options = followOptions(engineModules, polled, { taskId: `restart-${i}`, stream: server });
    return engine.follow(options, () => {});
  });
  await env.advance(restartAt + 120_000);
  for (const subscription of subscriptions) subscription.unsubscribe();
  const after = (/** @type {number[]} */ times) => times.filter((at) => at >= restart);
  const resubscribed = after(log.filter((entry) => !entry.refused).map((entry) => entry.at));
  const tried = after(log.map((entry) => entry.at));
  const polled = after(polls);
  const first = Math.min(...resubscribed);
  const last = Math.max(...resubscribed);
  return {
    elements,
    restartAtMs: restartAt,
    refusedMs,
    resubscribed: resubscribed.length,
    firstMs: first - restart,
    lastMs: last - restart,
    spreadSeconds: (last - first) / 1000,
    mostInOneSecond: mostWithin(resubscribed, 1000),
    tried: tried.length,
    triedMostInOneSecond: mostWithin(tried, 1000),
    polls: polled.length,
    pollsMostInOneSecond: mostWithin(polled, 1000),
  };
}

/**
 * The most of `times` within any window of `ms`.
 * @param {number[]} times @param {number} ms
 */
function mostWithin(times, ms) {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let from = 0, to = 0; to < sorted.length; to++) {
    while (sorted[to] - sorted[from] >= ms) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

/** The gateway's queue in the ETA simulation: a task waits an exponential time of this median, in s. */
export const QUEUE_MEDIAN = 20;
/** The spread of the processing time after the queue, around each of `MEDIANS`. */
export const QUEUE_SIGMA = 0.3;

/**
 * What the element shows of the time left: a time (`seconds`), "In queue", "Taking longer than
 * usual", or no ETA.
 * @param {Controller} controller
 * @returns {{ seconds?: number, shows: 'time' | 'queue' | 'overrun' | 'none' }}
 */
function etaShown({ snapshot, eta }) {
  if (snapshot?.queued) return { shows: 'queue' };
  if (eta?.overrun) return { shows: 'overrun' };
  return eta?.seconds === undefined ? { shows: 'none' } : { shows: 'time', seconds: eta.seconds };
}

/** @typedef {{ median: number, left: number } & ReturnType<typeof etaShown>} EtaSeen left in ms */

/**
 * How far the ETAs shown were off, in s and as a share of the true time left, among the tasks
 * that showed a time; and what the others showed instead.
 * @param {EtaSeen[]} seen
 */
function etaError(seen) {
  const timed = seen.filter((task) => task.seconds !== undefined);
  const off = timed.map((task) => Math.abs(/** @type {number} */ (task.seconds) - task.left / 1000));
  const share = timed.map((task, i) => off[i] / (task.left / 1000));
  const shows = (/** @type {string} */ what) =>
    seen.filter((task) => task.shows === what).length / seen.length;
  return {
    tasks: seen.length,
    showsTime: shows('time'),
    showsQueue: shows('queue'),
    showsOverrun: shows('overrun'),
    medianSeconds: quantile(off, 0.5),
    p90Seconds: quantile(off, 0.9),
    medianShare: quantile(share, 0.5),
    p90Share: quantile(share, 0.9),
  };
}

/**
 * The ETA on the gateway with a queue: tasks wait in the API's queue (exponential, median
 * `QUEUE_MEDIAN` s), then run (lognormal, σ `QUEUE_SIGMA`, around each of `MEDIANS`), on pages of
 * `TASKS_PER_PAGE` as in `simulatePacing`, the element's controller with a learned history. Each
 * task is followed twice: its status answers saying queued while it waits (`apart`: the element
 * learns and estimates processing time from the first status that says processing), and the same
 * tasks saying pending throughout (`together`: the queue counts toward the duration, as in v2).
 * At the moment half of the task's whole wait has passed, what the element shows is set against
 * the true time left; `togetherWhereApartShows` is `together` on the tasks where `apart` showed a time.
 * @param {{ perMedian?: number, seed?: number, loaded?: Loaded }} [settings]
 */
export async function simulateQueue({ perMedian = 100, seed = 1, loaded } = {}) {
  const engineModules = loaded ?? (await loadEngine());
  const random = engineModules.seededRandom(seed * 1000 + 22);
  const pages = pagesByMedian(perMedian, (median, count) => ({
    median,
    durations: durations(random, median, QUEUE_SIGMA, count),
    queues: Array.from({ length: count }, () => ((-Math.log(1 - random()) * QUEUE_MEDIAN) / Math.LN2) * 1000),
  }));
  /** @param {boolean} saysQueued */
  const follow = async (saysQueued) => {
    /** @type {EtaSeen[]} */
    const seen = [];
    const onPage = new Set();
    let tasks = 0;
    const outcome = await simulate(
      engineModules,
      pages.map((page) => ({ ...page, saysQueued })),
      (env, api, page, _, task, index) => {
        // Each page its own engine: the elements of a page learn from its earlier tasks.
        if (!onPage.has(env)) engineModules.useEnvironment(env);
        onPage.add(env);
        const left = ((task.queued ?? 0) + task.duration) / 2;
        const knows = { taskId: `queued-${tasks++}`, durationKey: 'kind' };
        return elementView(engineModules, env, api, knows, task.createdAt + left, (controller) => {
          if (index >= WARM_UP) seen.push({ median: page.median, left, ...etaShown(controller) });
        });
      },
      seed,
    );
    return { seen, outcome };
  };
  const apart = await follow(true);
  const together = await follow(false);
  /** @param {(task: EtaSeen) => boolean} which */
  const errors = (which) => {
    const kept = apart.seen.flatMap((task, i) => (which(task) ? [i] : []));
    return {
      apart: etaError(kept.map((i) => apart.seen[i])),
      together: etaError(kept.map((i) => together.seen[i])),
      togetherWhereApartShows: etaError(
        kept.filter((i) => apart.seen[i].seconds !== undefined).map((i) => together.seen[i]),
      ),
    };
  };
  return {
    perMedian,
    medians: MEDIANS,
    sigma: QUEUE_SIGMA,
    queueMedianSeconds: QUEUE_MEDIAN,
    ...errors(() => true),
    byMedian: Object.fromEntries(MEDIANS.map((median) => [median, errors((task) => task.median === median)])),
    pacing: { apart: apart.outcome, together: together.outcome },
  };
}

/**
 * The element alone on given tasks, each the first of its page (no history), as the bench's
 * real-time browser run follows them: for comparing the wire with the simulation.
 * @param {{ durations: number[], expected?: number[], rttMs: number, loaded?: Loaded, seed?: number }} tasks
 *   durations and expected durations in ms
 */
export async function simulateTasks({ durations: list, expected = [], rttMs, loaded, seed = 1 }) {
  const engineModules = loaded ?? (await loadEngine());
  const env = new engineModules.FakeEnvironment({ random: engineModules.seededRandom(seed) });
  const engine = new engineModules.Engine(env);
  const delays = [];
  let requests = 0;
  for (const [i, duration] of list.entries()) {
    const knows = { taskId: `wire-${i}`, expectedDuration: expected[i], durationKey: undefined };
    const followed = await followTask(env, { duration }, rttMs, (api) =>
      element(engineModules, engine, env, api, knows),
    );
    delays.push(followed.delay);
    requests += followed.requests;
  }
  return outcome(delays, requests);
}

/**
 * The speed targets (docs/performance.md, "Speed targets"), each checked on a simulation's rows: the share of the fixed loop's status
 * requests, and the median and p95 of the time from completion to the results.
 * @param {Awaited<ReturnType<typeof simulatePacing>>} result
 */
export function checkTargets(result) {
  const TARGETS = [
    { sigma: 0.15, knowledge: 'estimate', share: 0.65, median: 0.7, p95: 'loop' },
    { sigma: 0.3, knowledge: 'learned', share: 0.6, median: 1.0, p95: 4.0 },
    { sigma: 0.5, knowledge: 'learned', share: 0.6, median: 1.0, p95: 4.0 },
    ...SIGMAS.map((sigma) => ({ sigma, knowledge: 'nothing', share: 0.55, median: undefined, p95: 5.0 })),
  ];
  return TARGETS.flatMap((target) => {
    const row = result.rows.find((candidate) => candidate.sigma === target.sigma);
    const element = row?.strategies[target.knowledge];
    const loop = row?.strategies.loop;
    if (!element || !loop) return [];
    const share = element.statusRequests / loop.statusRequests;
    const p95Limit = typeof target.p95 === 'number' ? target.p95 : loop.p95Seconds;
    const met =
      share <= target.share &&
      (target.median === undefined || element.medianSeconds <= target.median) &&
      element.p95Seconds <= p95Limit;
    return [
      {
        ...target,
        limitShare: target.share,
        p95Limit,
        share,
        medianSeconds: element.medianSeconds,
        p95Seconds: element.p95Seconds,
        met,
      },
    ];
  });
}

/**
 * The push targets (SPEC §12; docs/performance.md, "Speed targets"), each checked on the push
 * simulation's rows: with a healthy stream, the median and p95 of completion → results and the
 * share of the loop's status requests; with one that goes silent halfway, the p95 against the
 * stream timeout plus the polling element's p95 on the same tasks, and subscribing again; and the
 * spread of the resubscriptions after a restart.
 * @param {Awaited<ReturnType<typeof simulatePush>>} push
 * @param {Awaited<ReturnType<typeof simulateRestart>>} restart
 */
export function checkPushTargets(push, restart) {
  const HEALTHY = { share: 0.05, median: 0.15, p95: 0.3 };
  const SPREAD = 5;
  return [
    ...push.rows.flatMap(({ sigma, strategies: { loop, polling, healthy, silent } }) => {
      const share = healthy.statusRequests / loop.statusRequests;
      const p95Limit = push.streamTimeoutMs / 1000 + polling.p95Seconds;
      const subscriptionsPerTask = silent.subscriptions / silent.tasks;
      return [
        {
          stream: 'healthy',
          sigma,
          limits: HEALTHY,
          share,
          medianSeconds: healthy.medianSeconds,
          p95Seconds: healthy.p95Seconds,
          met:
            share <= HEALTHY.share &&
            healthy.medianSeconds <= HEALTHY.median &&
            healthy.p95Seconds <= HEALTHY.p95,
        },
        {
          stream: 'silent',
          sigma,
          p95Limit,
          p95Seconds: silent.p95Seconds,
          subscriptionsPerTask,
          met: silent.p95Seconds <= p95Limit && subscriptionsPerTask > 1,
        },
      ];
    }),
    {
      stream: 'restart',
      limitSeconds: SPREAD,
      spreadSeconds: restart.spreadSeconds,
      met: restart.spreadSeconds >= SPREAD,
    },
  ];
}

/**
 * Prints the push rows, the restart and the push targets.
 * @param {number} perMedian
 */
async function printPush(perMedian) {
  const loaded = await loadEngine();
  const push = await simulatePush({ perMedian, loaded });
  for (const { sigma, strategies } of push.rows) {
    console.log(`σ ${sigma}`);
    for (const [id, s] of Object.entries(strategies)) {
      console.log(
        `  ${id.padEnd(9)} ${((100 * s.statusRequests) / strategies.loop.statusRequests).toFixed(1).padStart(5)} %  median ${s.medianSeconds.toFixed(2)} s  p95 ${s.p95Seconds.toFixed(2)} s  ${(s.subscriptions / s.tasks).toFixed(2)} subscriptions per task`,
      );
    }
  }
  const restart = await simulateRestart({ loaded });
  console.log(restart);
  for (const t of checkPushTargets(push, restart)) console.log(`${t.met ? 'met ' : 'MISS'}`, t);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.env.SIM_PUSH) {
  await printPush(Number(process.env.SIM_TASKS ?? 200));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const perMedian = Number(process.env.SIM_TASKS ?? 200);
  const started = Date.now();
  // SIM_CONSTANTS='{"PACING_CONSTANT":0.6}' runs a variant of the engine.
  const constants = JSON.parse(process.env.SIM_CONSTANTS ?? '{}');
  const result = await simulatePacing({ perMedian, loaded: await loadEngine(constants) });
  for (const { sigma, strategies } of result.rows) {
    const loop = strategies.loop.statusRequests;
    console.log(`σ ${sigma}`);
    for (const [id, s] of Object.entries(strategies)) {
      console.log(
        `  ${id.padEnd(9)} ${((100 * s.statusRequests) / loop).toFixed(0).padStart(4)} %  median ${s.medianSeconds.toFixed(2)} s  p95 ${s.p95Seconds.toFixed(2)} s  (${s.statusRequests} requests, ${s.tasks} tasks)`,
      );
      if (process.env.SIM_BY_MEDIAN)
        for (const [median, m] of Object.entries(s.byMedian))
          console.log(
            `      ${median.padStart(4)} s ${((100 * m.statusRequests) / strategies.loop.byMedian[median].statusRequests).toFixed(0).padStart(4)} %  median ${m.medianSeconds.toFixed(2)} s  p95 ${m.p95Seconds.toFixed(2)} s`,
          );
    }
  }
  for (const t of checkTargets(result)) {
    console.log(
      `${t.met ? 'met ' : 'MISS'} σ ${t.sigma} ${t.knowledge}: ${(100 * t.share).toFixed(1)} % ≤ ${Math.round(100 * t.limitShare)} %, median ${t.medianSeconds.toFixed(2)} s ≤ ${t.median ?? '–'}, p95 ${t.p95Seconds.toFixed(2)} s ≤ ${t.p95Limit.toFixed(2)}`,
    );
  }
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}
