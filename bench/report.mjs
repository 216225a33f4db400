// Turns bench/results.json into bench/RESULTS.md and docs/performance.md's Benchmark section
// (between its bench markers). `npm run bench` calls it; `node bench/report.mjs` rewrites both from
// the last results.json.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

/**
 * What bench/run.mjs writes to results.json (loosely typed: the report only reads it).
 * @typedef {Record<string, any>} Results
 */

const IDS = ['tutorial', 'tanstack', 'element'];
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const README_START = '<!-- bench:readme:start -->';
const README_END = '<!-- bench:readme:end -->';
const HEAD = ['Tutorial loop', 'TanStack Query', '`<task-progress>`'];
/** The min+gzip limit `npm test` enforces (size-limit) for each shipped file, by its path. */
const sizeLimits = Object.fromEntries(
  (await import('../.size-limit.js')).default.map((/** @type {{ path: string, limit: string }} */ entry) => [
    entry.path,
    entry.limit,
  ]),
);

/** @param {number} bytes */
const bytes = (bytes) => `${bytes.toLocaleString('en-US')} B`;
/** @param {number} seconds */
const seconds = (seconds) => `${seconds.toFixed(1)} s`;
/** @param {number} value */
const count = (value) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
/** @param {number} kb */
const signedKB = (kb) => `${kb >= 0 ? '+' : '−'}${Math.abs(kb).toFixed(0)} KB`;
/** @param {{ median: number, p95: number }} spread seconds */
const delay = (spread) => `${seconds(spread.median)} (${seconds(spread.p95)})`;
/** @param {{ timeouts: number, intervals: number }} timers */
const timerCount = (timers) =>
  timers.timeouts + timers.intervals === 0
    ? '0'
    : `${timers.timeouts} timeout${timers.timeouts === 1 ? '' : 's'}, ${timers.intervals} interval${timers.intervals === 1 ? '' : 's'}`;

/**
 * A Markdown table.
 * @param {string[]} head
 * @param {string[][]} rows
 */
function table(head, rows) {
  return [head, head.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

/** The implementations' columns. */
const IMPL_COLUMNS = IDS.map((id, i) => ({ id, head: HEAD[i] }));

/**
 * One row per measure, one column per implementation (or per one of `columns`).
 * @param {[string, (id: string) => string][]} rows
 * @param {{ id: string, head: string }[]} [columns]
 */
function byImpl(rows, columns = IMPL_COLUMNS) {
  return table(
    ['', ...columns.map((column) => column.head)],
    rows.map(([label, cell]) => [label, ...columns.map((column) => cell(column.id))]),
  );
}

/** @param {string} markdown */
async function format(markdown) {
  const config = (await prettier.resolveConfig(fileURLToPath(import.meta.url))) ?? {};
  return prettier.format(markdown, { ...config, parser: 'markdown' });
}

/** @param {Results} results */
function runLine(results) {
  const { meta } = results;
  const { machine } = meta;
  return (
    `${meta.date.slice(0, 10)}, ${machine.cpu} (${machine.cores} cores, ${machine.memoryGB} GB), ${machine.os}, ` +
    `Node ${meta.node}, ${meta.browser} headless (puppeteer-core ${meta.packages['puppeteer-core']}), ` +
    `Lit ${meta.packages.lit}, @tanstack/query-core ${meta.packages['@tanstack/query-core']}; ` +
    `time scale ${meta.scale} (1/${Math.round(1 / meta.scale)}); the run took ${meta.runSeconds} s.`
  );
}

/** @param {number} share */
const percent = (share) => `${Math.round(100 * share)} %`;
/** @param {{ medianSeconds: number, p95Seconds: number }} o */
const delays = (o) => `${o.medianSeconds.toFixed(2)} s (${o.p95Seconds.toFixed(2)} s)`;

/** Who follows the simulated tasks, as the tables name them. */
const SIMULATED = {
  loop: 'fixed 2 s loop (the tutorials)',
  tanstack: 'TanStack Query, 2 s `refetchInterval`',
  sdk: 'Mynth SDK: 2.5 s (+ up to 0.5 s) for 12 s, then 5 s',
  estimate: '`<task-progress>`, `expected-duration` within ±10 % of the median',
  off: '`<task-progress>`, `expected-duration` 1.5 × the median',
  learned: '`<task-progress>`, a learned history',
  nothing: '`<task-progress>`, nothing known',
};

/**
 * The simulation of the element's engine and the baselines, the speed targets, the trade-off of
 * the pacing constant, and the real-time check.
 * @param {Results} results
 */
function pacingSection(results) {
  const { pacing, tradeOff, wire } = results;
  const perScenario = pacing.perMedian * pacing.medians.length;
  const sigmaRow = (/** @type {number} */ sigma) =>
    pacing.rows.find((/** @type {Results} */ r) => r.sigma === sigma);
  const target = (/** @type {Results} */ t) =>
    `σ ${t.sigma}, ${t.knowledge === 'estimate' ? '`expected-duration` ±10 %' : t.knowledge === 'learned' ? 'learned history' : 'nothing known'}: ≤ ${percent(t.limitShare)}${t.median === undefined ? '' : `, median ≤ ${t.median} s`}, p95 ≤ ${t.p95 === 'loop' ? "the loop's" : `${t.p95} s`}`;
  const wireRow = (/** @type {string} */ knows) => {
    const { wire: seen, simulated, agrees } = wire[knows];
    const span = (/** @type {number[]} */ [low, high], /** @type {number} */ digits) =>
      `${low.toFixed(digits)}–${high.toFixed(digits)}`;
    return [
      knows === 'estimate' ? '`expected-duration` (the median)' : 'nothing known',
      `${seen.requestsPerTask.toFixed(2)}, ${delays(seen)}`,
      `${span(simulated.requestsPerTask, 2)}, ${span(simulated.medianSeconds, 2)} s (${span(simulated.p95Seconds, 2)} s)`,
      agrees ? 'yes' : '**no**',
    ];
  };
  return [
    '## Pacing: requests against delay',
    '',
    `Simulated (\`bench/pacing-sim.mjs\`): the element's own engine (\`src/engine\`, through its front door, with the element's default options and jitter) follows each task on a simulated clock, the tests' \`FakeEnvironment\`; on the same tasks and the same clock, TanStack Query's \`QueryObserver\` (\`@tanstack/query-core\` itself, its timers on that clock), the tutorials' fixed 2 s \`setInterval\` loop, and the Mynth SDK's \`toTask()\` schedule. Task durations are lognormal with spread σ around medians of ${pacing.medians.join(', ')} s; ${perScenario.toLocaleString('en-US')} tasks per spread and scenario, ${pacing.perMedian} per median, followed one after the other on pages of ${pacing.tasksPerPage}, each page after ${pacing.warmUp} earlier tasks of its kind that are not counted (they give the learned history its first durations). A status request takes ${pacing.rttMs} ms and the server answers at its middle; the results request takes as long. Delay is from the task's completion to its results in hand. Everything random is seeded: a second run gave ${pacing.identicalOnTwoRuns ? 'the same numbers' : 'other numbers'}. The element ships with pacing constant ${pacing.pacingConstant}.`,
    '',
    ...pacing.rows.flatMap((/** @type {Results} */ row) => [
      `σ ${row.sigma}:`,
      '',
      table(
        ['', 'status requests (share of the loop)', 'completion → results, median (p95)'],
        Object.entries(row.strategies).map(([id, o]) => [
          SIMULATED[/** @type {keyof typeof SIMULATED} */ (id)],
          `${o.statusRequests.toLocaleString('en-US')} (${percent(o.statusRequests / row.strategies.loop.statusRequests)})`,
          delays(o),
        ]),
      ),
      '',
    ]),
    "The speed targets ([docs/performance.md](../docs/performance.md#speed-targets)) on these tasks, the element beside the three baselines on the same tasks (share of the loop's status requests; median (p95) delay):",
    '',
    table(
      ['target', '`<task-progress>`', 'fixed loop', 'TanStack Query', 'Mynth SDK', 'met'],
      pacing.targets.map((/** @type {Results} */ t) => {
        const { strategies } = sigmaRow(t.sigma);
        const cell = (/** @type {string} */ id) =>
          `${percent(strategies[id].statusRequests / strategies.loop.statusRequests)}, ${delays(strategies[id])}`;
        return [
          target(t),
          cell(t.knowledge),
          cell('loop'),
          cell('tanstack'),
          cell('sdk'),
          t.met ? 'yes' : '**no**',
        ];
      }),
    ),
    '',
    'By median, σ 0.3, a learned history against the loop (share of its status requests; median (p95) delay): the element spends requests on short tasks, where they are few, and saves them on long ones.',
    '',
    table(
      ['median', '`<task-progress>`', 'fixed loop'],
      pacing.medians.map((/** @type {number} */ median) => {
        const { strategies } = sigmaRow(0.3);
        const learned = strategies.learned.byMedian[median];
        const loop = strategies.loop.byMedian[median];
        return [
          `${median} s`,
          `${percent(learned.statusRequests / loop.statusRequests)}, ${delays(learned)}`,
          delays(loop),
        ];
      }),
    ),
    '',
    `The trade-off: the same simulation with the pacing constant changed and nothing else (${pacing.medians.length * 100} tasks per scenario), for each target with an estimate (nothing known does not use the constant): share of the loop's status requests, median (p95) delay; ✗ where the target is missed. Smaller polls more often.`,
    '',
    table(
      [
        'constant',
        ...tradeOff[0].targets
          .filter((/** @type {Results} */ t) => t.knowledge !== 'nothing')
          .map(
            (/** @type {Results} */ t) => `σ ${t.sigma}, ${t.knowledge === 'estimate' ? '±10 %' : 'learned'}`,
          ),
      ],
      tradeOff.map((/** @type {Results} */ run) => [
        `${run.constant}${run.constant === pacing.pacingConstant ? ' (shipped)' : ''}`,
        ...run.targets
          .filter((/** @type {Results} */ t) => t.knowledge !== 'nothing')
          .map(
            (/** @type {Results} */ t) =>
              `${percent(t.share)}, ${t.medianSeconds.toFixed(2)} s (${t.p95Seconds.toFixed(2)} s)${t.met ? '' : ' ✗'}`,
          ),
      ]),
    ),
    '',
    '### The wire in real time',
    '',
    `The simulation checked in the browser, with no time scale: ${wire.perMedian * wire.medians.length} tasks (σ ${wire.sigma} around ${wire.medians.join(' and ')} s), followed at once on one page by \`dist/task-progress.min.js\` against the mock API, each element with its own \`duration-key\` (so none learns from another's task); then the same tasks in the simulation (10 ms round trip), once for each of ${wire.simulatedSeeds} seeds of the jitter, as the browser's is \`Math.random\`. They agree when the wire's status requests per task and median delay fall in the range of the seeds, widened by ${percent(wire.tolerance.requests)} of the requests and ${wire.tolerance.seconds} s of delay (the browser's timers, the results request and rendering on a real page).`,
    '',
    table(
      [
        'element',
        'wire: status requests per task, median (p95) delay',
        `simulated, ${wire.simulatedSeeds} seeds: ranges`,
        'agree',
      ],
      ['nothing', 'estimate'].map(wireRow),
    ),
    '',
  ];
}

/** The push rows, as the tables name them. */
const PUSHED = {
  loop: 'fixed 2 s loop (the tutorials)',
  polling: '`<task-progress>`, a learned history, polling',
  healthy: 'the same with a healthy stream',
  silent: 'the same with a stream silent from half of the task (a proxy that buffers it)',
  drops: 'the same with a stream that fails at half of the task, then resumes',
};

/** @param {boolean} met */
const tick = (met) => (met ? '✓' : '**✗**');

/**
 * Push beside polling on the pacing's tasks, SPEC §12's targets, the restart, and push over the
 * wire; results written before push was measured have none.
 * @param {Results} results
 */
function pushSection({ push, pushWire }) {
  if (!push) return [];
  const { restart } = push;
  const targetRow = (/** @type {Results} */ t) => {
    if (t.stream === 'healthy')
      return [
        `healthy stream: ≤ ${percent(t.limits.share)} of the loop's status requests, median ≤ ${t.limits.median} s, p95 ≤ ${t.limits.p95} s`,
        `σ ${t.sigma}`,
        `${percent(t.share)}, ${delays({ medianSeconds: t.medianSeconds, p95Seconds: t.p95Seconds })}`,
        tick(t.met),
      ];
    if (t.stream === 'silent')
      return [
        `silent from half of the task: p95 ≤ ${push.streamTimeoutMs / 1000} s + the polling p95, and it subscribes again`,
        `σ ${t.sigma}`,
        `p95 ${t.p95Seconds.toFixed(2)} s ≤ ${t.p95Limit.toFixed(2)} s, ${t.subscriptionsPerTask.toFixed(2)} subscriptions per task`,
        tick(t.met),
      ];
    return [
      `${restart.elements} elements whose server restarts: resubscriptions spread over ≥ ${t.limitSeconds} s`,
      `refused for ${seconds(restart.refusedMs / 1000)}`,
      `${t.spreadSeconds.toFixed(2)} s`,
      tick(t.met),
    ];
  };
  const outageRow = (/** @type {Results} */ run) => [
    seconds(run.refusedMs / 1000),
    `${seconds(run.firstMs / 1000)} – ${seconds(run.lastMs / 1000)}`,
    `${run.spreadSeconds.toFixed(2)} s`,
    String(run.mostInOneSecond),
    `${run.tried} (${run.triedMostInOneSecond})`,
    `${run.polls} (${run.pollsMostInOneSecond})`,
  ];
  const met = push.targets.filter((/** @type {Results} */ t) => t.met).length;
  return [
    '## Push beside polling',
    '',
    `Simulated as the pacing is (\`simulatePush\` in \`bench/pacing-sim.mjs\`), on the same tasks (the same durations and seeds, ${(push.perMedian * push.medians.length).toLocaleString('en-US')} per spread, ${push.rttMs} ms round trips): the element with a learned history polling, and the same element with an adapter whose \`subscribe\` opens a stream to a simulated relay of the API's webhooks. The stream reaches the relay half a round trip after it is opened; the relay tells the status then, each change half a round trip after it happens (the completion as a snapshot with the images, as the \`results\` event does, so no results request) and a keep-alive every ${push.keepAliveMs / 1000} s. The element trusts a stream while it shows life at least every \`stream-timeout\` (${push.streamTimeoutMs / 1000} s) and polls meanwhile when it does not. Three streams: healthy; silent from half of the task on without ever failing (a proxy that buffers it: a subscription opened from then on shows no life either); and one that fails at half of the task, the next subscription healthy. Delay is from the task's completion to its results in hand.`,
    '',
    ...push.rows.flatMap((/** @type {Results} */ row) => [
      `σ ${row.sigma}:`,
      '',
      table(
        [
          '',
          'status requests (share of the loop)',
          'completion → results, median (p95)',
          'subscriptions per task',
        ],
        Object.entries(row.strategies).map(([id, o]) => [
          PUSHED[/** @type {keyof typeof PUSHED} */ (id)],
          `${o.statusRequests.toLocaleString('en-US')} (${percent(o.statusRequests / row.strategies.loop.statusRequests)})`,
          delays(o),
          o.subscriptions ? (o.subscriptions / o.tasks).toFixed(2) : '—',
        ]),
      ),
      '',
    ]),
    `The push targets ([docs/performance.md](../docs/performance.md#speed-targets)), met: ${met} of ${push.targets.length}. The polling p95 is the polling element's on the same tasks (the table above).`,
    '',
    table(['target', 'tasks', 'measured', 'met'], push.targets.map(targetRow)),
    '',
    '### A server that restarts',
    '',
    `Simulated on the same clock with the element's own engine (\`simulateRestart\`): ${restart.elements} elements on one page, each following a task of its own that runs for longer than the simulation, all subscribed and trusted; ${seconds(restart.restartAtMs / 1000)} in, every stream fails at once and the server refuses new ones (a round trip later) for a while: ${seconds(restart.refusedMs / 1000)} for the target, and shorter and longer outages for comparison. The element subscribes again after a wait at random (the engine's \`resubscribeDelay\`, seeded random): 1 s plus up to 6 s after a first failure, the window doubling with each failure in a row, never over 30 s. When the subscriptions that succeeded were opened, after the restart; every subscription tried from the restart on, and the status polls the elements sent meanwhile (each polls at once when its stream fails, then on its usual schedule), with the most in any one second.`,
    '',
    table(
      [
        'refused for',
        'successful resubscriptions: first – last',
        'spread',
        'most in one second',
        'subscriptions tried (most in one second)',
        'status polls (most in one second)',
      ],
      [restart, ...push.outages].map(outageRow),
    ),
    '',
    ...(pushWire
      ? [
          '### Push over the wire in real time',
          '',
          `The healthy row checked in the browser, with no time scale: ${pushWire.tasks} tasks of ${pushWire.seconds.join(', ')} s followed at once on one page by \`dist/task-progress.min.js\` with \`stream-url\` on the mock's live stream, which tells each status as it changes and the completion as one \`results\` event with the results. Delay from the mock's completion to the first image in the DOM.`,
          '',
          table(
            ['', '`<task-progress stream-url>`'],
            [
              ['tasks whose image appeared', `${pushWire.completed} of ${pushWire.tasks}`],
              ['completion → first image, median (p95)', delays(pushWire)],
              ['status requests per task', count(pushWire.statusRequestsPerTask)],
              ['results requests per task', count(pushWire.resultsRequestsPerTask)],
              ['streams opened per task', count(pushWire.streamsPerTask)],
            ],
          ),
          '',
        ]
      : []),
  ];
}

/**
 * How far off the ETAs shown were, in seconds and as a share of the time left: median (p90); a
 * dash where no task showed a time (or none was kept).
 * @param {Results} error one of `simulateQueue`'s
 */
const etaOff = (error) =>
  !(error.showsTime > 0)
    ? '—'
    : `${seconds(error.medianSeconds)}, ${percent(error.medianShare)} (${seconds(error.p90Seconds)}, ${percent(error.p90Share)})`;

/**
 * How far the ETA is off at half of the wait on an API with a queue, with the queue taken apart
 * and counted in the duration.
 * @param {Results} results
 */
function queueSection(results) {
  const { queue } = results;
  const row = (/** @type {string} */ label, /** @type {Results} */ errors) => [
    label,
    `${percent(errors.apart.showsTime)} / ${percent(errors.apart.showsQueue)}`,
    etaOff(errors.apart),
    `${percent(errors.together.showsOverrun)}`,
    etaOff(errors.together),
    etaOff(errors.togetherWhereApartShows),
  ];
  const { apart, together } = queue.pacing;
  return [
    '## The ETA on an API with a queue',
    '',
    `Simulated as the pacing is, on the element's own controller (\`src/follow-controller.ts\`, which works out the ETA with \`nextEta\` from \`src/eta.ts\` at each snapshot and once a second, as the element does) with its engine on the same simulated clock: tasks wait in the gateway's queue for an exponential time (median ${queue.queueMedianSeconds} s), then run for a lognormal time (σ ${queue.sigma}) around medians of ${queue.medians.join(', ')} s; ${queue.perMedian} tasks per median on pages as above, the element with a learned history. Each task is followed twice: its status answers saying queued while it waits (the queue taken apart, as the engine does: no ETA while queued, the estimate and the learned durations count processing time from the first status that says processing), and the same tasks saying pending throughout (the queue counted in the duration, as v2 did). At the moment half of the task's whole wait (queue and processing) has passed, the ETA shown is set against the true time left: off by |shown − true| in seconds and as a share of the true time left, median (p90), among the tasks that show a time then; the others show "In queue" or "Taking longer than usual".`,
    '',
    table(
      [
        'processing median',
        'queue apart: shows a time / "In queue"',
        'queue apart: off',
        'queue counted (v2): "Taking longer"',
        'queue counted (v2): off',
        'queue counted (v2): off, on the tasks that show a time with the queue apart',
      ],
      [
        ...queue.medians.map((/** @type {number} */ median) => row(`${median} s`, queue.byMedian[median])),
        row('all', queue),
      ],
    ),
    '',
    `Pacing on the same tasks: with the queue taken apart the element sent ${percent(apart.statusRequests / together.statusRequests)} of the status requests it sent with the queue counted, and showed the results ${delays(apart)} after completion against ${delays(together)}, median (p95).`,
    '',
  ];
}

/**
 * What previews cost to render, per status update, against the same element with none.
 * @param {Results} results
 */
function previewsSection(results) {
  const { previews } = results;
  const row = (/** @type {string} */ label, /** @type {(run: Results) => string} */ cell) => [
    label,
    cell(previews.without),
    cell(previews.with),
  ];
  const ms = (/** @type {number} */ value) => `${value.toFixed(1)} ms`;
  return [
    `What previews cost to render: a pending element (\`expected-count="4"\`, reduced motion emulated so that no animation runs) whose custom adapter answers a status every ${previews.pollMs} ms, ${previews.updates} times, each with ${previews.perUpdate} new previews (512×512 JPEG blobs made before the measure), against the same element answered with none. Per update: the time from the adapter's answer to the next task (the engine and the element's update run in between), and the renderer's main-thread time over the run (CDP \`Performance.getMetrics\`: every task, and of it style and layout) divided by the updates.`,
    '',
    table(
      ['per status update', 'no previews', `${previews.perUpdate} new previews`],
      [
        row(
          'answer → element updated, median (p95)',
          (run) => `${ms(run.updateMs.median)} (${ms(run.updateMs.p95)})`,
        ),
        row('main-thread time', (run) => ms(run.mainThreadMs)),
        row('of which style and layout', (run) => ms(run.styleLayoutMs)),
        row('previews in the element at the end', (run) => String(run.previewsShown)),
      ],
    ),
    '',
  ];
}

/**
 * The hidden page with `notify`, which keeps following while hidden: requests, and the delay from
 * completion to the notice. Results written before it was measured have none.
 * @param {Results} results
 */
function notifySection({ hiddenNotify: run }) {
  if (!run) return [];
  const mark =
    run.markAfterFirstNoticeMs === undefined
      ? '**none**'
      : `${run.markAfterFirstNoticeMs} ms after the first \`task-notify\`; ${run.titleRestored ? 'restored' : '**not restored**'} when the page showed again`;
  return [
    '### With `notify`, hidden until after the end',
    '',
    `With \`notify\`, the element keeps following while the page is hidden: once per \`max-poll-interval\`, as none of these elements has an estimate. ${run.tasks} more tasks of ${run.durationSeconds} s on one page, hidden from ${seconds(run.hiddenSeconds[0])} to ${seconds(run.hiddenSeconds[1])}, ${seconds(run.hiddenSeconds[1] - run.durationSeconds)} after the tasks end, so that each ends while the page is hidden. The notice is the \`task-notify\` event and the "✓ " mark in front of the title: no system notification, as the page has no permission to show one in headless Chromium (\`Notification.permission\` was "${run.permission}") and the element never asks on its own. The delay runs from the server's completion to \`task-notify\` and is counted as the delay to the first image is: the wait for the poll that saw the end scaled back, the rest as measured. The browser's throttling of a hidden page's timers is not part of the measure (see "Hidden page" above): in a tab hidden for minutes, it can make the notice up to about a minute late ([docs/behaviour.md](../docs/behaviour.md#notify)).`,
    '',
    table(
      ['`<task-progress notify>`', ''],
      [
        ['requests while hidden, per task (median)', count(run.whileHidden.median)],
        ['requests while hidden, all tasks', count(run.whileHiddenTotal)],
        ['requests per task in all (median)', count(run.total.median)],
        ['tasks that fired `task-notify`', `${run.notified} of ${run.tasks}`],
        ['completion → `task-notify`, median (p95)', delay(run.notifySeconds)],
        ['the title\'s "✓ " mark', mark],
      ],
    ),
    '',
  ];
}

/** @param {Results} results */
async function renderResults(results) {
  const { meta, sizes, hidden, sharedTogether, sharedStaggered, rendering, leaks, scaleModel } = results;
  const model = scaleModel.model;
  /** The scale model has a push row (results written before it was modelled have none). */
  const push = Boolean(scaleModel.strategies.push);
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (`bench/run.mjs`); the raw numbers are in `bench/results.json`.',
    '',
    `Run: ${runLine(results)}`,
    '',
    'The three implementations follow Mynth tasks on the mock task API (`mock/`) and render the same DOM: a',
    'status line while pending, then a grid of linked `<img>`s whose boxes are reserved from the result `size`',
    '(the baselines build it with `bench/baselines/grid.js`, with the same grid CSS as the element).',
    '',
    '- **Tutorial loop** (`bench/baselines/tutorial-element.js`): a plain custom element that fetches the status',
    '  on a fixed 2 s `setInterval` until the task is done, then fetches the results once and renders them. It',
    '  clears its interval on disconnect but does not abort a request already sent.',
    "- **TanStack Query** (`bench/baselines/tanstack-element.js`): one `QueryClient` per page, a `QueryObserver` per element on the status with `refetchInterval` 2 s while pending (`refetchIntervalInBackground` left at its default, false), then a results query (`staleTime: Infinity`). Same query key, same query: TanStack's dedupe.",
    '- **`<task-progress>`**: `dist/task-progress.min.js` with its defaults (`poll-interval` 2 s growing to',
    '  `max-poll-interval` 5 s, with jitter; paused while the page is hidden; one request stream per task), and',
    '  with an estimate of the durations in "Pacing" below.',
    '',
    'The pacing itself (requests against delay) is simulated on the element\'s own engine over thousands of tasks, and checked against the wire in real time ("Pacing" below). The browser sections after it run on compressed time:',
    '',
    `**Time scale.** Task durations and every implementation's intervals (the baselines' 2 s, the element's`,
    `\`poll-interval\` and \`max-poll-interval\`) are multiplied by ${meta.scale}, so a 180 s task runs in`,
    `${seconds(180 * meta.scale)}. Request counts are reported as measured; times in real-world`,
    'seconds: of the delay from completion to the first image, the wait for the poll that sees the task',
    'completed is divided by the scale, and the rest (that answer, the results request and rendering, all on',
    'localhost) is added as measured. TanStack and the element wait for an answer before they start their',
    'next interval, so the time an answer takes stretches their period by that time ÷ the scale: a',
    'loaded machine shows as slightly fewer requests and later detection for them, much as a slow network would.',
    "The tutorial's setInterval is not affected.",
    '',
    `**Hidden page.** \`document.visibilityState\` (and \`document.hidden\`) are overridden in the page and`,
    '`visibilitychange` is fired, from a script that runs before any other. The CDP alternatives do not fit:',
    '`Emulation.setFocusEmulationEnabled` changes focus, not visibility, and `Page.setWebLifecycleState`',
    "(`frozen`) stops the page's timers altogether. So the browser's own throttling of background timers is",
    'not part of the measure.',
    '',
    '## Size',
    '',
    'Each as it would ship, minified by esbuild (legal comments dropped) and gzipped at level 9 with node:zlib;',
    '`task-progress.min.js` as built by `npm run build`.',
    '',
    table(
      ['code', 'min', 'min+gzip'],
      [
        ['Tutorial loop (the element alone)', sizes.tutorial],
        ['TanStack Query (the element with `@tanstack/query-core` bundled)', sizes.tanstack],
        [
          '`<task-progress>` library entry (`dist/index.js`, Lit external, zod bundled)',
          sizes.elementLibrary,
        ],
        [
          `\`<task-progress>\` own code (\`dist/index.js\`, Lit and zod external; limit ${sizeLimits['dist/index.js']} min+gzip)`,
          sizes.elementOwn,
        ],
        [
          `\`<task-progress>\` \`task-progress.min.js\` (Lit and zod inlined; limit ${sizeLimits['dist/task-progress.min.js']} min+gzip)`,
          sizes.elementStandalone,
        ],
        // The modules beside it, loaded on first need (as built); results written before one was
        // measured have no row for it.
        ...[
          [
            '`<task-progress>` `viewer.js`, beside it, loaded on first need: download and the viewer',
            sizes.viewer,
          ],
          [
            '`<task-progress>` `task-memory.js`, beside it, loaded on first need: `remember-task`',
            sizes.taskMemory,
          ],
          [
            '`<task-progress>` `notification.js`, beside it, loaded on first need: the notice of `notify`',
            sizes.notification,
          ],
          [
            '`<task-progress>` `event-stream.js`, beside it, loaded on first need: the stream of `stream-url`',
            sizes.eventStream,
          ],
          [
            '`<task-progress>` `gateway.js`, beside it, loaded on first need: the gateway dialect (`provider="mindproxy"`)',
            sizes.gateway,
          ],
          [
            '`<task-progress>` `form-start.js`, beside it, loaded on first need: the zero-JS start (`start-url`)',
            sizes.formStart,
          ],
        ].filter(([, size]) => size),
        ['Lit alone: a minimal Lit element (the floor)', sizes.litFloor],
      ].map(([label, size]) => [label, bytes(size.min), bytes(size.gzip)]),
    ),
    '',
    "Where the self-contained bundle's bytes go (`bench/size-parts.mjs`): the bundle is built from the",
    'sources with esbuild, then again with one part replaced by a stub that does nothing; the difference is',
    'what the part adds. The last row is the bundle with all of them stubbed: Lit and the core of the element',
    '(the polling stream, the element and its rendering, events, errors, the Mynth adapter).',
    '',
    table(
      ['part', 'min+gzip'],
      [
        ['the whole bundle, built from the sources', bytes(sizes.parts.whole)],
        ...sizes.parts.parts.map((/** @type {{ label: string, gzip: number }} */ part) => [
          `cost of ${part.label}`,
          bytes(part.gzip),
        ]),
        ['the bundle without those parts: Lit and the core', bytes(sizes.parts.core)],
      ],
    ),
    '',
    ...pacingSection(results),
    ...pushSection(results),
    ...queueSection(results),
    '## Page hidden for half of a task',
    '',
    `${hidden.element.tasks} tasks of ${hidden.element.durationSeconds} s on one page; the page is hidden from ${seconds(hidden.element.hiddenSeconds[0])} to ${seconds(hidden.element.hiddenSeconds[1])}.`,
    '',
    byImpl([
      ['requests while hidden, per task (median)', (id) => count(hidden[id].whileHidden.median)],
      ['requests while hidden, all tasks', (id) => count(hidden[id].whileHiddenTotal)],
      ['requests per task in all (median)', (id) => count(hidden[id].total.median)],
      ['tasks whose image appeared', (id) => `${hidden[id].completed} of ${hidden[id].tasks}`],
    ]),
    '',
    ...notifySection(results),
    '## 50 elements following 5 tasks on one page',
    '',
    `Tasks of ${sharedTogether.element.durationSeconds} s, 10 elements on each. Total API requests (status and results) for the 5 tasks.`,
    '',
    byImpl([
      ['mounted together', (id) => count(sharedTogether[id].totalRequests)],
      [
        `mounted one every ${seconds(sharedStaggered.element.mountGapSeconds)}`,
        (id) => count(sharedStaggered[id].totalRequests),
      ],
      [
        'elements whose image appeared',
        (id) =>
          `${Math.min(sharedTogether[id].elementsWithImages, sharedStaggered[id].elementsWithImages)} of 50`,
      ],
    ]),
    '',
    '## Rendering',
    '',
    `A task that completes with 100 images (512×512, each answered after 100 ms), ${rendering.element.reps} runs, each on a fresh page. The time from the results response (its \`responseEnd\` in Resource Timing) to all 100 tiles in the DOM (a MutationObserver on the shadow root); the cumulative layout shift (\`layout-shift\` entries) from two frames later (the grid laid out) until every image has loaded (the page is scrolled to the end and back, as images are lazy), from two frames after the element was added (its first state on screen) until every image has loaded, and over the page's whole life, which also counts the content below being pushed down when the element is added. Content follows the element on the page.`,
    '',
    byImpl([
      [
        'results response → 100 tiles in the DOM, median (max)',
        (id) =>
          `${rendering[id].renderMs.median.toFixed(1)} ms (${rendering[id].renderMs.max.toFixed(1)} ms)`,
      ],
      ['CLS while the images load (worst run)', (id) => rendering[id].cls.toFixed(3)],
      ['CLS over the page (worst run)', (id) => rendering[id].clsTotal.toFixed(3)],
      [
        'CLS over the page with `expected-count="100"` (worst run)',
        (id) => (id === 'element' && results.reserved ? results.reserved.clsTotal.toFixed(3) : '—'),
      ],
      [
        'CLS from the first state on screen to loaded images (worst run)',
        (id) => rendering[id].clsMounted.toFixed(3),
      ],
      [
        'the same with `expected-count="100"` (worst run)',
        (id) => (id === 'element' && results.reserved ? results.reserved.clsMounted.toFixed(3) : '—'),
      ],
      ['images loaded', (id) => `${rendering[id].imagesLoaded} of ${rendering[id].images}`],
    ]),
    '',
    ...previewsSection(results),
    '## Leaks',
    '',
    `${leaks.element.cycles} mount/unmount cycles on one page, each element on its own pending task (status answered after 50 ms) and removed after two macrotasks (after 50 warm-up cycles); the JS heap is read with CDP \`Runtime.getHeapUsage\` after \`HeapProfiler.collectGarbage\`, before the cycles, halfway and after them (each 1 s after the last cycle). Growth that stops is warm-up (compiled code, caches); growth that goes on is a leak. Timers are counted by a wrapper of \`setTimeout\`/\`setInterval\` installed before any script. Then, on a fresh page, ${leaks.element.disconnect.elements} elements each with a status request in flight (answered after 1 s) are removed; the mock's log tells which requests the client aborted and which were sent later. TanStack keeps an unused query in its cache for \`gcTime\` (5 minutes by default), with a timer that removes it then: those are its timers, and most of its heap growth.`,
    '',
    byImpl([
      [`JS heap after ${leaks.element.cycles} cycles`, (id) => signedKB(leaks[id].heapDeltaKB)],
      [
        `of which during the last ${leaks.element.cycles - Math.floor(leaks.element.cycles / 2)} cycles`,
        (id) => signedKB(leaks[id].secondHalfDeltaKB),
      ],
      ['timers left after the cycles', (id) => timerCount(leaks[id].timersAfterCycles)],
      [
        'requests in flight at disconnect that were left running',
        (id) => `${leaks[id].disconnect.leftRunning} of ${leaks[id].disconnect.inFlightAtDisconnect}`,
      ],
      ['requests sent after disconnect', (id) => count(leaks[id].disconnect.requestsAfterDisconnect)],
      ['timers left 1.5 s after disconnect', (id) => timerCount(leaks[id].disconnect.timers)],
    ]),
    '',
    '## Scale model',
    '',
    `\`bench/scale-model.mjs\` (no server) simulates ${model.browsers.toLocaleString('en-US')} browsers, each following one task after another for ${model.horizon / 60} simulated minutes (${scaleModel.tasks.toLocaleString('en-US')} tasks), and counts the API's requests after a ${model.warmup / 60}-minute warm-up. Task durations: ${model.durations.map((/** @type {{ share: number, median: number, label: string }} */ d) => `${Math.round(d.share * 100)}% ${d.label} (median ${d.median} s)`).join(', ')}, lognormal. Tabs: ${Math.round(model.visibility.brief.share * 100)}% of tasks see the tab hidden once for ${model.visibility.brief.meanSeconds} s on average; ${Math.round(model.visibility.away.share * 100)}% see it hidden from early on until ${model.visibility.away.meanSecondsAfter} s (on average) after the task completed. ${model.think[0]}–${model.think[1]} s between seeing a result and starting the next task; ${model.rtt * 1000} ms round trip. The tasks and tabs are the same for every strategy; the element's strategy uses its own pacing code. TanStack's interval restarts after each answer and refetches when the tab shows again; the element polls at once when the tab shows again. The browser's throttling of background timers is not modelled (it does not slow a 2 s interval during the first minutes a tab is hidden).${push ? " With `stream-url` (a healthy stream from the app's relay of the API's webhooks), the element's requests are its stream connections, one per task, to the relay, held open until the task ends, hidden tab or not; the API gets no request from the page (the relay gets one webhook per task), and the stream tells the completion with the results half a round trip after it. No reconnects are modelled: keep-alives keep proxies from closing an idle stream." : ''}`,
    '',
    byImpl(
      [
        [
          'API requests per second (mean)',
          (id) => count(Math.round(scaleModel.strategies[id].requestsPerSecond.mean)),
        ],
        [
          'API requests per second (busiest second)',
          (id) => count(scaleModel.strategies[id].requestsPerSecond.peak),
        ],
        ['requests per task', (id) => scaleModel.strategies[id].requestsPerTask.toFixed(1)],
        [
          'share of requests sent while hidden',
          (id) => `${Math.round(scaleModel.strategies[id].hiddenShare * 100)}%`,
        ],
        [
          'completion → results received, tab visible: median (p95)',
          (id) => delay(scaleModel.strategies[id].delaySeconds),
        ],
        ...(push
          ? /** @type {[string, (id: string) => string][]} */ ([
              [
                'streams held open (mean)',
                (id) => count(Math.round(scaleModel.strategies[id].openConnections)),
              ],
            ])
          : []),
      ],
      push ? [...IMPL_COLUMNS, { id: 'push', head: '`<task-progress stream-url>`' }] : IMPL_COLUMNS,
    ),
    '',
  ];
  return format(lines.join('\n'));
}

/**
 * The headline rows for docs/performance.md, between its bench markers.
 * @param {Results} results
 */
async function renderSummarySection(results) {
  const { sizes, pacing, hidden, sharedTogether, sharedStaggered, leaks, scaleModel } = results;
  const selfContained = {
    tutorial: sizes.tutorial,
    tanstack: sizes.tanstack,
    element: sizes.elementStandalone,
  };
  const kB = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} kB`;
  const typical = pacing.rows.find((/** @type {Results} */ row) => row.sigma === 0.3).strategies;
  /** The simulated strategy of each browser implementation: the element with a learned history. */
  const simulated = (/** @type {string} */ id) =>
    typical[{ tutorial: 'loop', tanstack: 'tanstack', element: 'learned' }[id] ?? id];
  const body = [
    START,
    '',
    `\`npm run bench\` compares the element with two baselines that render the same grid: the tutorial's fixed 2 s polling loop, and TanStack Query (\`QueryObserver\` with a 2 s \`refetchInterval\`); the pacing also with the Mynth SDK's schedule. The pacing rows are simulated on the element's own engine over ${(pacing.perMedian * pacing.medians.length).toLocaleString('en-US')} tasks per scenario (lognormal durations, σ 0.3 here, medians 5 s–3 min, the element with a learned history) and checked against the wire in real time; the other rows come from headless Chromium against the mock API, time compressed ${Math.round(1 / results.meta.scale)}× and reported in real-world seconds. Method and every row: [bench/RESULTS.md](../bench/RESULTS.md).`,
    '',
    byImpl([
      [
        'shipped code, min+gzip (self-contained)',
        (id) => kB(selfContained[/** @type {'tutorial' | 'tanstack' | 'element'} */ (id)].gzip),
      ],
      [
        "status requests, share of the loop's",
        (id) => percent(simulated(id).statusRequests / typical.loop.statusRequests),
      ],
      ['completion → results, median (p95)', (id) => delays(simulated(id))],
      [
        `requests while the page is hidden (30 s of a 60 s task)`,
        (id) => count(hidden[id].whileHidden.median),
      ],
      [
        '50 elements on 5 tasks: requests, mounted together / one by one',
        (id) => `${sharedTogether[id].totalRequests} / ${sharedStaggered[id].totalRequests}`,
      ],
      [`JS heap after ${leaks.element.cycles} mount/unmount cycles`, (id) => signedKB(leaks[id].heapDeltaKB)],
      [
        '10,000 browsers (scale model): API requests/s',
        (id) => count(Math.round(scaleModel.strategies[id].requestsPerSecond.mean)),
      ],
    ]),
    '',
    `${queueSentence(results)} ${previewSentence(results)}`,
    '',
    ...pushParagraph(results),
    'Size, min+gzip, against the limits `npm test` enforces (`npm run size`, set in `.size-limit.js`):',
    '',
    table(
      ['file', 'min+gzip', 'limit'],
      [
        [
          '`dist/task-progress.min.js` (Lit and zod inlined)',
          kB(sizes.elementStandalone.gzip),
          sizeLimits['dist/task-progress.min.js'],
        ],
        [
          "`dist/index.js`, the element's own code (Lit and zod external)",
          kB(sizes.elementOwn.gzip),
          sizeLimits['dist/index.js'],
        ],
      ],
    ),
    '',
    `Run: ${runLine(results)}`,
    '',
    END,
  ].join('\n');
  return (await format(body)).trimEnd();
}

/**
 * The ETA on the gateway with a queue, in a sentence: the queue taken apart against v2's way, on
 * the same tasks.
 * @param {Results} results
 */
function queueSentence(results) {
  const { queue } = results;
  const share = (/** @type {Results} */ error) =>
    `${percent(error.medianShare)} (p90 ${percent(error.p90Share)})`;
  return `On the gateway with a queue (simulated: a queue of median ${queue.queueMedianSeconds} s, then processing of σ ${queue.sigma} around medians of ${queue.medians[0]} s–${queue.medians.at(-1) / 60} min), the ETA shown when half of the wait has passed is off by a median ${share(queue.apart)} of the time left with the queue taken apart, against ${share(queue.togetherWhereApartShows)} on the same tasks when the queue counts toward the duration, as in v2; the ${percent(queue.apart.showsQueue)} of tasks still queued then show "In queue" in place of a time.`;
}

/**
 * Push in a paragraph for the summary: the healthy stream against polling on the typical spread,
 * and the push targets met; none in results written before push was measured.
 * @param {Results} results
 */
function pushParagraph({ push }) {
  if (!push) return [];
  const { strategies } = push.rows.find((/** @type {Results} */ row) => row.sigma === 0.3);
  const share = (/** @type {Results} */ o) => percent(o.statusRequests / strategies.loop.statusRequests);
  const met = push.targets.filter((/** @type {Results} */ t) => t.met).length;
  return [
    `With a healthy stream (\`stream-url\`, simulated on the same tasks), the element sends ${share(strategies.healthy)} of the loop's status requests and shows the results ${delays(strategies.healthy)} after completion, against ${share(strategies.polling)} and ${delays(strategies.polling)} polling; with a stream that a proxy buffers from half of the task on, ${share(strategies.silent)} and ${delays(strategies.silent)}. Push targets met: ${met} of ${push.targets.length} ([bench/RESULTS.md](../bench/RESULTS.md#push-beside-polling)).`,
    '',
  ];
}

/**
 * What previews cost to render, in a sentence.
 * @param {Results} results
 */
function previewSentence({ previews }) {
  return `Previews (${previews.perUpdate} replaced at every poll) cost ${previews.with.mainThreadMs.toFixed(1)} ms of main-thread time per update, against ${previews.without.mainThreadMs.toFixed(1)} ms for the same update with none.`;
}

/**
 * Writes bench/RESULTS.md and docs/performance.md's Benchmark section.
 * @param {Results} results
 */
export async function writeReports(results) {
  const { resultsMd, performanceMd, readme } = await render(results);
  await writeFile(new URL('RESULTS.md', import.meta.url), resultsMd);
  await writeFile(performanceUrl, performanceMd);
  await writeFile(readmeUrl, readme);
}

const performanceUrl = new URL('../docs/performance.md', import.meta.url);
const readmeUrl = new URL('../README.md', import.meta.url);

/**
 * `file` with the part between `start` and `end` (both kept) replaced by `section`.
 * @param {URL} file @param {string} start @param {string} end @param {string} section from start to end
 */
async function replaceBetween(file, start, end, section) {
  const doc = await readFile(file, 'utf8');
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file.pathname} has no ${start} … ${end} markers.`);
  return doc.slice(0, from) + section + doc.slice(to + end.length);
}

/**
 * bench/RESULTS.md, docs/performance.md with its Benchmark section rewritten, and README.md with
 * its performance lines rewritten.
 * @param {Results} results
 */
export async function render(results) {
  return {
    resultsMd: await renderResults(results),
    performanceMd: await replaceBetween(performanceUrl, START, END, await renderSummarySection(results)),
    readme: await replaceBetween(readmeUrl, README_START, README_END, await renderReadmeSection(results)),
  };
}

/**
 * README's performance lines: the pacing on typical tasks against the three baselines, and the size.
 * @param {Results} results
 */
async function renderReadmeSection(results) {
  const { pacing, sizes } = results;
  const { strategies } = pacing.rows.find((/** @type {Results} */ row) => row.sigma === 0.3);
  const cell = (/** @type {string} */ id) =>
    `${percent(strategies[id].statusRequests / strategies.loop.statusRequests)}, ${delays(strategies[id])}`;
  const met = pacing.targets.filter((/** @type {Results} */ t) => t.met).length;
  const pushMet = results.push?.targets.filter((/** @type {Results} */ t) => t.met).length;
  const pushTargets = results.push
    ? `, and ${pushMet} of the ${results.push.targets.length} push targets (a stream, \`stream-url\`, beside polling)`
    : '';
  const body = [
    README_START,
    '',
    `On ${(pacing.perMedian * pacing.medians.length).toLocaleString('en-US')} simulated tasks of a typical spread (lognormal, σ 0.3, medians 5 s–3 min), with a history learned from earlier tasks of the kind, the element sends this share of a fixed 2 s loop's status requests and shows the results this long after the task completes, median (p95), beside the loop, TanStack Query's 2 s \`refetchInterval\` and the Mynth SDK's schedule on the same tasks. The simulation runs the element's own engine and is checked against the browser in real time; ${met} of the ${pacing.targets.length} speed targets${pushTargets} were met in the run. \`npm run bench\` measures it; every row and the method: [docs/performance.md](docs/performance.md).`,
    '',
    table(
      ['`<task-progress>`', 'fixed 2 s loop', 'TanStack Query', 'Mynth SDK'],
      [[cell('learned'), cell('loop'), cell('tanstack'), cell('sdk')]],
    ),
    '',
    `${queueSentence(results)} ${previewSentence(results)}`,
    '',
    `\`task-progress.min.js\`, with Lit and zod inlined, without the modules it loads from beside itself: ${(sizes.elementStandalone.gzip / 1000).toFixed(1)} kB min+gzip.`,
    '',
    README_END,
  ].join('\n');
  return (await format(body)).trimEnd();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeReports(JSON.parse(await readFile(new URL('results.json', import.meta.url), 'utf8')));
}
