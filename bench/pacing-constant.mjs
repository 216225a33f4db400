// Requests against delay for a few values of the pacing constant k: a simulation, no server, of the
// element's own schedule (src/engine/hazard-schedule.ts, through pollDelay with its bounds and
// jitter) on the request economy's tasks (each duration ± 1 s, 20 per duration), with an exact
// `expected-duration` and the default intervals, against a fixed 2 s loop on the same tasks.
// `node bench/pacing-constant.mjs` prints the table; `npm run bench` includes it in its results.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const CONSTANTS = [0.4, 0.55, 0.7, 0.85, 1.0];
const DURATIONS = [5, 15, 30, 60, 180];
const TASKS = 20;
/** Round trip of a status request, in seconds. */
const RTT = 0.1;

async function loadSchedule() {
  const result = await build({
    stdin: {
      contents:
        "export { pollDelay } from './pacing.ts'; export { hazardSchedule, PACING_CONSTANT } from './hazard-schedule.ts';",
      resolveDir: fileURLToPath(new URL('../src/engine/', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

/** @param {number} seed */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {number[]} values
 * @param {number} q
 */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low] + (sorted[Math.ceil(rank)] - sorted[low]) * (rank - low);
}

export async function simulatePacingConstant() {
  const { pollDelay, hazardSchedule, PACING_CONSTANT } = await loadSchedule();
  const pacing = { pollInterval: 2000, maxPollInterval: 5000 };
  const rows = CONSTANTS.map((k) => {
    const jitter = random(7);
    let polls = 0;
    let fixed = 0;
    /** @type {number[]} */
    const delays = [];
    for (const duration of DURATIONS) {
      const schedule = hazardSchedule({ duration: duration * 1000, sigma: 0.1 }, k);
      for (let i = 0; i < TASKS; i++) {
        const end = duration - 1 + (2 * (i + 0.5)) / TASKS;
        let at = 0;
        let count = 1;
        for (; at < end; count++) at += RTT + pollDelay(pacing, count, jitter, schedule, at * 1000) / 1000;
        polls += count;
        fixed += Math.ceil(end / 2) + 1;
        delays.push(at - end + RTT);
      }
    }
    return {
      k,
      isDefault: k === PACING_CONSTANT,
      share: polls / fixed,
      delaySeconds: { median: quantile(delays, 0.5), p95: quantile(delays, 0.95) },
    };
  });
  return { durations: DURATIONS, tasksPerDuration: TASKS, rtt: RTT, rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(
    (await simulatePacingConstant()).rows.map(({ k, share, delaySeconds }) => ({
      k,
      share: `${Math.round(share * 100)} %`,
      median: delaySeconds.median.toFixed(2),
      p95: delaySeconds.p95.toFixed(2),
    })),
  );
}
