// The API's load when 10,000 browsers follow tasks, for each polling strategy: a simulation, no
// server. Every browser follows one task after another for an hour of simulated time; the tasks,
// their durations and the tab's visibility are drawn once (seeded) and are the same for every
// strategy. The element's strategy uses its own pacing code (`pollDelay` of src/engine); with a
// stream (`push`), it sends no status poll.
// `node bench/scale-model.mjs` prints the table; `npm run bench` includes it in its results.
import { loadEngine } from './pacing-sim.mjs';

/** @typedef {{ start: number, completion: number, hiddenFrom: number, hiddenUntil: number }} Task */
/**
 * A strategy follows a task: `emit` counts each request it sends, `hold` the time it holds a
 * connection open (a stream); it returns when the results are in.
 * @typedef {(task: Task, emit: (at: number, hidden: boolean) => void, hold: (from: number, to: number) => void) => number} Strategy
 */

const MODEL = {
  browsers: 10_000,
  /** Simulated seconds; requests are counted after the warm-up. */
  horizon: 3600,
  warmup: 600,
  /** Request round trip, seconds. */
  rtt: 0.1,
  /** Task durations: lognormal mixes (median seconds, sigma), with their shares. */
  durations: [
    { share: 0.55, median: 10, sigma: 0.5, label: 'quick image' },
    { share: 0.3, median: 35, sigma: 0.5, label: 'large image or batch' },
    { share: 0.15, median: 150, sigma: 0.4, label: 'video' },
  ],
  /** Tab visibility during a task. */
  visibility: {
    /** Hidden once while the task runs, for an exponential stretch with this mean (s). */
    brief: { share: 0.3, meanSeconds: 40 },
    /** Hidden from early in the task until well after it completed (mean seconds after). */
    away: { share: 0.1, meanSecondsAfter: 180 },
  },
  /** Seconds between seeing a result and starting the next task: uniform. */
  think: [10, 90],
};

/** @param {number} seed */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {() => number} rand */
function normal(rand) {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/**
 * One browser's tasks over the horizon; the same for every strategy.
 * @param {number} browser
 * @returns {Task[]}
 */
function schedule(browser) {
  const rand = random(browser * 7919 + 17);
  /** @type {Task[]} */
  const tasks = [];
  let start = rand() * 120;
  while (start < MODEL.horizon) {
    let pick = rand();
    const kind = MODEL.durations.find((candidate) => (pick -= candidate.share) < 0) ?? MODEL.durations[0];
    const duration = Math.min(900, Math.max(2, kind.median * Math.exp(kind.sigma * normal(rand))));
    const completion = start + duration;
    let hiddenFrom = Infinity;
    let hiddenUntil = Infinity;
    const mode = rand();
    const { brief, away } = MODEL.visibility;
    if (mode < brief.share) {
      hiddenFrom = start + duration * (0.1 + 0.8 * rand());
      hiddenUntil = hiddenFrom + Math.max(2, -Math.log(1 - rand()) * brief.meanSeconds);
    } else if (mode < brief.share + away.share) {
      hiddenFrom = start + duration * 0.5 * rand();
      hiddenUntil = completion - Math.log(1 - rand()) * away.meanSecondsAfter;
    }
    tasks.push({ start, completion, hiddenFrom, hiddenUntil });
    const seen = Math.max(completion, Number.isFinite(hiddenUntil) ? hiddenUntil : completion);
    start = seen + MODEL.think[0] + rand() * (MODEL.think[1] - MODEL.think[0]);
  }
  return tasks;
}

/**
 * @param {Task} task
 * @param {number} at
 */
const hiddenAt = (task, at) => at >= task.hiddenFrom && at < task.hiddenUntil;

/**
 * The next poll after one sent at `sent` and due at `due`, for a strategy that polls at once when
 * the page shows again and never while hidden.
 * @param {Task} task
 * @param {number} sent
 * @param {number} due
 */
function nextVisiblePoll(task, sent, due) {
  return task.hiddenFrom > sent && task.hiddenFrom < due ? task.hiddenUntil : due;
}

/**
 * @param {{ pollDelay: (pacing: { pollInterval: number, maxPollInterval: number }, n: number, random: () => number) => number }} pacing
 * @returns {Record<string, Strategy>}
 */
function strategies(pacing) {
  const { rtt } = MODEL;
  const half = rtt / 2;
  const jitter = random(99);
  return {
    // setInterval(2 s) from mount; polls whether the page is hidden or not.
    tutorial(task, emit) {
      for (let at = task.start + 2; ; at += 2) {
        emit(at, hiddenAt(task, at));
        if (at + half >= task.completion) {
          emit(at + rtt, hiddenAt(task, at + rtt));
          return at + 2 * rtt;
        }
      }
    },
    // Fetch on mount; the interval restarts after each fetch, skips its ticks while hidden, and a
    // stale query refetches when the page shows again (refetchOnWindowFocus).
    tanstack(task, emit) {
      for (let at = task.start; ;) {
        emit(at, false);
        if (at + half >= task.completion) {
          emit(at + rtt, false);
          return at + 2 * rtt;
        }
        at = nextVisiblePoll(task, at, at + rtt + 2);
      }
    },
    // The element's defaults: 2 s growing ×1.5 to 10 s, jittered; paused while hidden, polls at
    // once when the page shows again.
    element(task, emit) {
      const options = { pollInterval: 2000, maxPollInterval: 5000 };
      for (let at = task.start, pending = 0; ;) {
        emit(at, false);
        if (at + half >= task.completion) {
          emit(at + rtt, false);
          return at + 2 * rtt;
        }
        pending++;
        at = nextVisiblePoll(task, at, at + rtt + pacing.pollDelay(options, pending, jitter) / 1000);
      }
    },
    // The element with a healthy stream (`stream-url`, the app's relay of the API's webhooks): one
    // stream request when it starts, no status poll; the stream tells the completion with the
    // results half a round trip after it, and is closed then. Open while the tab is hidden too:
    // what it told is shown when the tab shows again. No reconnects are modelled (keep-alives keep
    // proxies from closing an idle stream).
    push(task, emit, hold) {
      emit(task.start, false);
      const done = task.completion + half;
      hold(task.start, done);
      return done;
    },
  };
}

/**
 * @param {number[]} values sorted ascending
 * @param {number} q
 */
function quantile(values, q) {
  if (values.length === 0) return NaN;
  return values[Math.min(values.length - 1, Math.max(0, Math.ceil(q * values.length) - 1))];
}

/**
 * Runs the model for every strategy.
 * @returns {Promise<{ model: typeof MODEL, tasks: number, strategies: Record<string, { requestsPerSecond: { mean: number, peak: number }, requestsPerTask: number, hiddenShare: number, openConnections: number, delaySeconds: { median: number, p95: number } }> }>}
 */
export async function runScaleModel() {
  const pacing = await loadEngine();
  const all = strategies(pacing);
  const { browsers, horizon, warmup } = MODEL;
  const window = horizon - warmup;
  /** @type {Awaited<ReturnType<typeof runScaleModel>>['strategies']} */
  const results = {};
  let taskCount = 0;
  for (const [name, strategy] of Object.entries(all)) {
    const buckets = new Float64Array(horizon);
    let inWindow = 0;
    let hiddenRequests = 0;
    let taskRequests = 0;
    let tasksInWindow = 0;
    let heldSeconds = 0;
    /** @type {number[]} */
    const delays = [];
    taskCount = 0;
    for (let browser = 0; browser < browsers; browser++) {
      for (const task of schedule(browser)) {
        taskCount++;
        const counted = task.start >= warmup && task.start < horizon;
        let requests = 0;
        const done = strategy(
          task,
          (at, hidden) => {
            requests++;
            if (at >= warmup && at < horizon) {
              buckets[Math.floor(at)]++;
              inWindow++;
              if (hidden) hiddenRequests++;
            }
          },
          (from, to) => (heldSeconds += Math.max(0, Math.min(to, horizon) - Math.max(from, warmup))),
        );
        if (!counted) continue;
        tasksInWindow++;
        taskRequests += requests;
        if (!hiddenAt(task, task.completion)) delays.push(done - task.completion);
      }
    }
    delays.sort((a, b) => a - b);
    results[name] = {
      requestsPerSecond: { mean: inWindow / window, peak: Math.max(...buckets.subarray(warmup)) },
      requestsPerTask: taskRequests / tasksInWindow,
      hiddenShare: hiddenRequests / inWindow,
      openConnections: heldSeconds / window,
      delaySeconds: { median: quantile(delays, 0.5), p95: quantile(delays, 0.95) },
    };
  }
  return { model: MODEL, tasks: taskCount, strategies: results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { tasks, strategies: results } = await runScaleModel();
  console.log(`${MODEL.browsers} browsers, ${tasks} tasks in ${MODEL.horizon / 60} simulated minutes`);
  for (const [name, result] of Object.entries(results)) {
    console.log(
      `${name.padEnd(9)} ${result.requestsPerSecond.mean.toFixed(0).padStart(6)} req/s (peak ${result.requestsPerSecond.peak}),` +
        ` ${result.requestsPerTask.toFixed(1)} requests per task, ${(result.hiddenShare * 100).toFixed(0)}% while hidden,` +
        ` ${result.openConnections.toFixed(0)} streams open,` +
        ` delay median ${result.delaySeconds.median.toFixed(1)} s, p95 ${result.delaySeconds.p95.toFixed(1)} s`,
    );
  }
}
