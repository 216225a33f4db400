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
const HEAD = ['Tutorial loop', 'TanStack Query', '`<task-progress>`'];
/** The min+gzip limit `npm test` enforces (size-limit) for each shipped file, by its path. */
const sizeLimits = Object.fromEntries(
  JSON.parse(await readFile(new URL('../.size-limit.json', import.meta.url), 'utf8')).map(
    (/** @type {{ path: string, limit: string }} */ entry) => [entry.path, entry.limit],
  ),
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

/**
 * One row per measure, one column per implementation.
 * @param {[string, (id: string) => string][]} rows
 */
function byImpl(rows) {
  return table(
    ['', ...HEAD],
    rows.map(([label, cell]) => [label, ...IDS.map(cell)]),
  );
}

/**
 * One row per task duration, one column per implementation.
 * @param {Results} economy
 * @param {number[]} durations
 * @param {(measures: Results) => string} cell from one implementation's measures at one duration
 */
function byDuration(economy, durations, cell) {
  return table(
    ['task', ...HEAD],
    durations.map((duration) => [
      `${duration} s`,
      ...IDS.map((id) => cell(economy[id].byDuration[duration])),
    ]),
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

/**
 * Status requests of all the economy's tasks, summed from the medians per duration.
 * @param {Results} measures one implementation's (or scenario's) economy
 * @param {number[]} durations
 */
const statusRequests = (measures, durations) =>
  durations.reduce((sum, d) => sum + measures.byDuration[d].statusRequests.median, 0);

/**
 * The element with and without an estimate of the durations, against the fixed loop and TanStack on
 * the same tasks, and the pacing constant's trade-off.
 * @param {Results} results
 */
function estimateSection(results) {
  const { meta, economy, estimates, pacingConstant } = results;
  if (!estimates) return [];
  const fixed = statusRequests(economy.tutorial, meta.durations);
  const share = (/** @type {Results} */ measures) =>
    `${Math.round((100 * statusRequests(measures, meta.durations)) / fixed)} %`;
  const row = (/** @type {string} */ label, /** @type {Results} */ measures) => [
    label,
    share(measures),
    delay(measures.delaySeconds),
  ];
  return [
    '## Duration-aware pacing',
    '',
    `The request economy's ${meta.tasksPerDuration * meta.durations.length} tasks again, followed by the element knowing their durations in different ways; the first rows are the runs above. \`expected-duration\` is each task's nominal duration (the tasks last it ± 1 s), or 1.5 times it. The learned history comes from 5 earlier tasks of each duration (their own \`duration-key\`), followed to their end on the same page right before. With an estimate, \`poll-interval\` only matters as the floor of the waits when it is under 500 ms, so these runs set it to 500 ms × the scale: the default floor, scaled. Status requests are the sum over the durations of the median per task, as a share of the fixed loop's.`,
    '',
    table(
      ['', 'status requests (share of the fixed loop)', 'completion → first image, median (p95)'],
      [
        row('Tutorial loop (fixed 2 s)', economy.tutorial),
        row('TanStack Query (2 s `refetchInterval`)', economy.tanstack),
        row('`<task-progress>`, nothing known (growth to 5 s)', economy.element),
        ...Object.values(estimates).map((measures) =>
          row(`\`<task-progress>\`, ${measures.label}`, measures),
        ),
      ],
    ),
    '',
    'Status requests per task (median) by duration:',
    '',
    table(
      ['scenario', ...meta.durations.map((/** @type {number} */ d) => `${d} s`)],
      [
        ['Tutorial loop', economy.tutorial],
        ['nothing known', economy.element],
        ...Object.values(estimates).map((measures) => [measures.label, measures]),
      ].map(([label, measures]) => [
        label,
        ...meta.durations.map((/** @type {number} */ d) =>
          count(measures.byDuration[d].statusRequests.median),
        ),
      ]),
    ),
    '',
    `Requests against delay for a few values of the pacing constant k (\`bench/pacing-constant.mjs\`): a simulation, not a browser run, of the element's own schedule on the same task durations with an exact estimate, default intervals, jitter and a ${pacingConstant.rtt * 1000} ms round trip; the element ships with the row marked *.`,
    '',
    table(
      ['k', 'status requests (share of a fixed 2 s loop)', 'completion → answer seen, median (p95)'],
      pacingConstant.rows.map((/** @type {Results} */ r) => [
        `${r.k}${r.isDefault ? ' *' : ''}`,
        `${Math.round(r.share * 100)} %`,
        delay(r.delaySeconds),
      ]),
    ),
    '',
  ];
}

/** @param {Results} results */
async function renderResults(results) {
  const { meta, sizes, economy, hidden, sharedTogether, sharedStaggered, rendering, leaks, scaleModel } =
    results;
  const model = scaleModel.model;
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
    '  with an estimate of the durations in "Duration-aware pacing" below.',
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
    '## Request economy and detection delay',
    '',
    `For each task duration, ${meta.tasksPerDuration} tasks, whose durations are spread evenly over the duration ± 1 s so that they end at every phase of a 2 s interval. All ${meta.tasksPerDuration * meta.durations.length} tasks are followed at the same time on one page, each by its own element. A task's clock starts when the page, right before mounting its element, calls its status route once (the mock counts a step's time from the route's first request); that call is not counted.`,
    '',
    'Status requests per task (median):',
    '',
    byDuration(economy, meta.durations, (measures) => count(measures.statusRequests.median)),
    '',
    'Time between two status polls of a task, median (p95), for the 180 s tasks:',
    '',
    byImpl([['180 s task', (id) => delay(economy[id].byDuration[180].pollGapSeconds)]]),
    '',
    "Delay from the server's completion to the first image in the DOM, median (p95):",
    '',
    byDuration(economy, meta.durations, (measures) => delay(measures.delaySeconds)),
    '',
    byImpl([
      ['completion → first image, all tasks: median (p95)', (id) => delay(economy[id].delaySeconds)],
      [
        'results requests per task',
        (id) =>
          count(
            Math.max(
              ...meta.durations.map(
                (/** @type {number} */ d) => economy[id].byDuration[d].resultsRequests.max,
              ),
            ),
          ),
      ],
      [
        'tasks whose image appeared',
        (id) =>
          `${meta.durations.reduce((/** @type {number} */ sum, /** @type {number} */ d) => sum + economy[id].byDuration[d].completed, 0)} of ${meta.tasksPerDuration * meta.durations.length}`,
      ],
    ]),
    '',
    ...estimateSection(results),
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
    `\`bench/scale-model.mjs\` (no server) simulates ${model.browsers.toLocaleString('en-US')} browsers, each following one task after another for ${model.horizon / 60} simulated minutes (${scaleModel.tasks.toLocaleString('en-US')} tasks), and counts the API's requests after a ${model.warmup / 60}-minute warm-up. Task durations: ${model.durations.map((/** @type {{ share: number, median: number, label: string }} */ d) => `${Math.round(d.share * 100)}% ${d.label} (median ${d.median} s)`).join(', ')}, lognormal. Tabs: ${Math.round(model.visibility.brief.share * 100)}% of tasks see the tab hidden once for ${model.visibility.brief.meanSeconds} s on average; ${Math.round(model.visibility.away.share * 100)}% see it hidden from early on until ${model.visibility.away.meanSecondsAfter} s (on average) after the task completed. ${model.think[0]}–${model.think[1]} s between seeing a result and starting the next task; ${model.rtt * 1000} ms round trip. The tasks and tabs are the same for every strategy; the element's strategy uses its own pacing code. TanStack's interval restarts after each answer and refetches when the tab shows again; the element polls at once when the tab shows again. The browser's throttling of background timers is not modelled (it does not slow a 2 s interval during the first minutes a tab is hidden).`,
    '',
    byImpl([
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
    ]),
    '',
  ];
  return format(lines.join('\n'));
}

/**
 * The headline rows for docs/performance.md, between its bench markers.
 * @param {Results} results
 */
async function renderSummarySection(results) {
  const { sizes, economy, hidden, sharedTogether, sharedStaggered, leaks, scaleModel } = results;
  const selfContained = {
    tutorial: sizes.tutorial,
    tanstack: sizes.tanstack,
    element: sizes.elementStandalone,
  };
  const kB = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} kB`;
  const body = [
    START,
    '',
    `\`npm run bench\` compares the element with two baselines that render the same grid: the tutorial's fixed 2 s polling loop, and TanStack Query (\`QueryObserver\` with a 2 s \`refetchInterval\`). Headless Chromium, mock API, time compressed ${Math.round(1 / results.meta.scale)}× and reported in real-world seconds. Method and every row: [bench/RESULTS.md](../bench/RESULTS.md).`,
    '',
    byImpl([
      [
        'shipped code, min+gzip (self-contained)',
        (id) => kB(selfContained[/** @type {'tutorial' | 'tanstack' | 'element'} */ (id)].gzip),
      ],
      ['status requests, 30 s task', (id) => count(economy[id].byDuration[30].statusRequests.median)],
      ['status requests, 180 s task', (id) => count(economy[id].byDuration[180].statusRequests.median)],
      ['completion → first image, median (p95)', (id) => delay(economy[id].delaySeconds)],
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
    'Size, min+gzip, against the limits `npm test` enforces (`npm run size`, set in `.size-limit.json`):',
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
 * Writes bench/RESULTS.md and docs/performance.md's Benchmark section.
 * @param {Results} results
 */
export async function writeReports(results) {
  await writeFile(new URL('RESULTS.md', import.meta.url), await renderResults(results));
  const docUrl = new URL('../docs/performance.md', import.meta.url);
  const doc = await readFile(docUrl, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error('docs/performance.md has no bench markers.');
  const updated = doc.slice(0, start) + (await renderSummarySection(results)) + doc.slice(end + END.length);
  if (updated !== doc) await writeFile(docUrl, updated);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeReports(JSON.parse(await readFile(new URL('results.json', import.meta.url), 'utf8')));
}
