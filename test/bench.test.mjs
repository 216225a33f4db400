// A quick run of the bench's parts that need no browser, so that `npm test` fails when the bench
// drifts from the code it measures: the size table with every stub, the simulation of the
// element's engine on a small seeded sample, push beside it and a restarting server, the ETA on an
// API with a queue, the scale model, and the report from the last results.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import {
  RTT,
  checkPushTargets,
  checkTargets,
  simulatePacing,
  simulatePush,
  simulateQueue,
  simulateRestart,
  simulateTasks,
} from '../bench/pacing-sim.mjs';
import { render } from '../bench/report.mjs';
import { runScaleModel } from '../bench/scale-model.mjs';
import { gzipBytes, measureParts } from '../bench/size-parts.mjs';

describe('bench smoke', () => {
  it('measures what each part of the bundle costs, every stub matching its module', async () => {
    const { whole, parts, core } = await measureParts();
    for (const part of parts) assert.ok(part.gzip > 0, `${part.id} costs nothing: its stub replaces nothing`);
    assert.ok(
      parts.some((part) => part.id === 'wait'),
      'the wait has a row',
    );
    assert.ok(core < whole - parts.reduce((sum, part) => sum + part.gzip, 0) + 1000);
  });

  it('fails on a stub for a module that is gone, or for an export its module no longer has', async () => {
    await assert.rejects(
      gzipBytes({ 'engine/gone.ts': 'export {};' }),
      /no module of the bundle is engine\/gone\.ts/,
    );
    await assert.rejects(
      gzipBytes({ 'engine/pacing.ts': "export * from 'real:module'; export const notThere = 1;" }),
      /pacing\.ts no longer exports notThere/,
    );
    await assert.rejects(gzipBytes({ 'eta.ts': 'export const nextEta = () => undefined;' }), /secondsUntil/);
  });

  it('simulates the engine and the baselines, the same numbers on every run', async () => {
    const settings = { perMedian: 6, sigmas: [0.3] };
    const first = await simulatePacing(settings);
    assert.deepEqual(await simulatePacing(settings), first);
    const { strategies } = first.rows[0];
    assert.deepEqual(Object.keys(strategies), [
      'loop',
      'tanstack',
      'sdk',
      'estimate',
      'off',
      'learned',
      'nothing',
    ]);
    for (const [id, outcome] of Object.entries(strategies)) {
      assert.equal(outcome.tasks, 30, id);
      assert.ok(outcome.medianSeconds > 0 && outcome.p95Seconds >= outcome.medianSeconds, id);
    }
    // The loop polls every 2 s: its median delay is about half of that, plus the results request.
    assert.ok(Math.abs(strategies.loop.medianSeconds - 1.1) < 0.5, String(strategies.loop.medianSeconds));
    assert.ok(strategies.nothing.statusRequests < strategies.loop.statusRequests);
    assert.equal(checkTargets(first).length, 2);
    const wire = await simulateTasks({ durations: [3000, 8000], rttMs: 10 });
    assert.equal(wire.tasks, 2);
  });

  it('simulates push beside polling on the same tasks, and a server that restarts', async () => {
    const settings = { perMedian: 6, sigmas: [0.3] };
    const push = await simulatePush(settings);
    assert.deepEqual(await simulatePush(settings), push);
    const { strategies } = push.rows[0];
    assert.deepEqual(Object.keys(strategies), ['loop', 'polling', 'healthy', 'silent', 'drops']);
    const { loop, polling, healthy, silent, drops } = strategies;
    for (const [id, outcome] of Object.entries(strategies)) assert.equal(outcome.tasks, 30, id);
    // The same tasks as the pacing's: the loop's requests and delays are the pacing's loop's.
    const { loop: pacingLoop } = (await simulatePacing({ ...settings, knowledge: [] })).rows[0].strategies;
    assert.deepEqual({ ...loop, subscriptions: 0 }, pacingLoop);
    // A healthy stream tells the status at once: no poll, and the results half a round trip after the end.
    assert.equal(healthy.statusRequests, 0);
    assert.equal(healthy.subscriptions, 30);
    assert.ok(Math.abs(healthy.p95Seconds - RTT / 2000) < 1e-6, String(healthy.p95Seconds));
    // Silent from half of the task: polled through after the stream timeout, subscribed again.
    assert.ok(silent.statusRequests > 0 && silent.subscriptions > silent.tasks);
    assert.ok(silent.p95Seconds <= push.streamTimeoutMs / 1000 + polling.p95Seconds);
    // Dropped at half of the task: a poll at once, a second subscription (unless the task ended
    // first), which tells the end.
    assert.ok(drops.subscriptions > drops.tasks && drops.subscriptions <= 2 * drops.tasks);
    assert.ok(drops.statusRequests >= 30 && drops.statusRequests < polling.statusRequests);
    assert.ok(Math.abs(drops.medianSeconds - RTT / 2000) < 1e-6, String(drops.medianSeconds));

    const restart = await simulateRestart({ elements: 20, refusedMs: 3000 });
    assert.equal(restart.resubscribed, 20);
    // None succeeds while refused; some tried meanwhile, and tried again.
    assert.ok(restart.firstMs >= 3000 - RTT / 2, String(restart.firstMs));
    assert.ok(restart.tried > restart.resubscribed && restart.spreadSeconds > 0, String(restart.tried));
    // Each element polls at once when its stream fails.
    assert.ok(restart.polls >= 20);
    assert.deepEqual(await simulateRestart({ elements: 20, refusedMs: 3000 }), restart);
    const targets = checkPushTargets(push, restart);
    assert.deepEqual(
      targets.map((t) => t.stream),
      ['healthy', 'silent', 'restart'],
    );
    assert.equal(targets[0].met, true);
  });

  it('sets the ETA at half of the wait against the time left, nearer with the queue taken apart', async () => {
    const queue = await simulateQueue({ perMedian: 5 });
    const { apart, together, togetherWhereApartShows: same } = queue;
    assert.equal(apart.tasks, 25);
    assert.equal(together.tasks, 25);
    // Taken apart, a task still queued shows "In queue", never a time; counted, the queue is never shown.
    assert.ok(apart.showsQueue > 0 && apart.showsTime > 0);
    assert.equal(together.showsQueue, 0);
    assert.equal(same.tasks, Math.round(apart.showsTime * apart.tasks));
    // On the same tasks, the ETA is nearer the true time left, in seconds and as a share of it.
    assert.ok(apart.medianSeconds < same.medianSeconds, `${apart.medianSeconds} ≥ ${same.medianSeconds}`);
    assert.ok(apart.medianShare < same.medianShare, `${apart.medianShare} ≥ ${same.medianShare}`);
    assert.deepEqual(await simulateQueue({ perMedian: 5 }), queue);
  });

  it('models 10,000 browsers with the element’s own pacing, and with a stream', async () => {
    const { strategies } = await runScaleModel();
    assert.ok(strategies.element.requestsPerSecond.mean < strategies.tutorial.requestsPerSecond.mean);
    // With a stream: one request per task (the stream), held open while the task runs.
    assert.equal(strategies.push.requestsPerTask, 1);
    assert.ok(strategies.push.openConnections > 0 && strategies.element.openConnections === 0);
  });

  it('writes the report from the last results', async () => {
    const results = JSON.parse(await readFile(new URL('../bench/results.json', import.meta.url), 'utf8'));
    const { resultsMd, performanceMd, readme } = await render(results);
    assert.match(resultsMd, /## Pacing: requests against delay/);
    assert.match(performanceMd, /<!-- bench:start -->/);
    assert.match(readme, /TanStack Query/);
  });

  it('writes the hidden page with `notify` after the hidden page, when the results have it', async () => {
    const results = JSON.parse(await readFile(new URL('../bench/results.json', import.meta.url), 'utf8'));
    const spread = (/** @type {number} */ median, /** @type {number} */ p95) => ({ median, p95 });
    const hiddenNotify = {
      durationSeconds: 60,
      hiddenSeconds: [15, 80],
      whileHidden: spread(10, 11),
      whileHiddenTotal: 203,
      total: spread(14, 15),
      completed: 20,
      tasks: 20,
      permission: 'denied',
      notified: 19,
      notifySeconds: spread(2.46, 4.81),
      markAfterFirstNoticeMs: 3,
      titleRestored: true,
    };
    const { resultsMd } = await render({ ...results, hiddenNotify });
    const section = resultsMd.slice(
      resultsMd.indexOf('## Page hidden for half of a task'),
      resultsMd.indexOf('## 50 elements'),
    );
    assert.match(section, /### With `notify`, hidden until after the end/);
    assert.match(section, /hidden from 15\.0 s to 80\.0 s, 20\.0 s after the tasks end/);
    assert.match(section, /`Notification\.permission` was "denied"/);
    assert.match(section, /\| requests while hidden, all tasks +\| 203 +\|/);
    assert.match(section, /\| tasks that fired `task-notify` +\| 19 of 20 +\|/);
    assert.match(section, /\| completion → `task-notify`, median \(p95\) +\| 2\.5 s \(4\.8 s\) +\|/);
    assert.match(section, /\| the title's "✓ " mark +\| 3 ms after the first `task-notify`; restored when/);
    // Results from before the notify row was measured have no such table.
    const { resultsMd: without } = await render({ ...results, hiddenNotify: undefined });
    assert.doesNotMatch(without, /### With `notify`/);
  });

  it('writes push beside polling, its targets, the restart and the wire, when the results have them', async () => {
    const results = JSON.parse(await readFile(new URL('../bench/results.json', import.meta.url), 'utf8'));
    const outcome = (
      /** @type {number} */ statusRequests,
      /** @type {number} */ medianSeconds,
      /** @type {number} */ p95Seconds,
      /** @type {number} */ subscriptions,
    ) => ({ tasks: 1000, statusRequests, medianSeconds, p95Seconds, subscriptions, byMedian: {} });
    const restartRun = (/** @type {number} */ refusedMs, /** @type {number} */ spreadSeconds) => ({
      elements: 200,
      restartAtMs: 60_000,
      refusedMs,
      resubscribed: 200,
      firstMs: refusedMs,
      lastMs: refusedMs + spreadSeconds * 1000,
      spreadSeconds,
      mostInOneSecond: 118,
      tried: 593,
      triedMostInOneSecond: 200,
      polls: 403,
      pollsMostInOneSecond: 200,
    });
    const strategies = {
      loop: outcome(20_000, 1.12, 2.06, 0),
      polling: outcome(11_680, 0.83, 3.81, 0),
      healthy: outcome(0, 0.05, 0.05, 1000),
      silent: outcome(3440, 6.71, 26.32, 1727),
      drops: outcome(720, 0.05, 0.05, 2000),
    };
    const push = {
      perMedian: 200,
      medians: [5, 15, 30, 60, 180],
      rttMs: 100,
      keepAliveMs: 15_000,
      streamTimeoutMs: 30_000,
      rows: [{ sigma: 0.3, strategies }],
    };
    const restart = restartRun(3000, 3.93);
    const fixture = {
      ...results,
      push: {
        ...push,
        restart,
        outages: [restartRun(10_000, 15.64)],
        targets: checkPushTargets(push, restart),
      },
      pushWire: {
        seconds: [2, 3, 4, 5, 6],
        tasks: 5,
        completed: 5,
        medianSeconds: 0.01,
        p95Seconds: 0.042,
        statusRequestsPerTask: 0,
        resultsRequestsPerTask: 0,
        streamsPerTask: 1,
      },
      scaleModel: {
        ...results.scaleModel,
        // As the scale model now writes them: every strategy with the connections it holds open.
        strategies: {
          ...Object.fromEntries(
            Object.entries(results.scaleModel.strategies).map(([id, strategy]) => [
              id,
              { ...strategy, openConnections: 0 },
            ]),
          ),
          push: {
            requestsPerSecond: { mean: 84, peak: 116 },
            requestsPerTask: 1,
            hiddenShare: 0,
            openConnections: 3592,
            delaySeconds: { median: 0.05, p95: 0.05 },
          },
        },
      },
    };
    const { resultsMd, performanceMd, readme } = await render(fixture);
    const section = resultsMd.slice(
      resultsMd.indexOf('## Push beside polling'),
      resultsMd.indexOf('## The ETA'),
    );
    assert.match(
      section,
      /\| the same with a healthy stream +\| 0 \(0 %\) +\| 0\.05 s \(0\.05 s\) +\| 1\.00 +\|/,
    );
    assert.match(
      section,
      /\| fixed 2 s loop \(the tutorials\) +\| 20,000 \(100 %\) +\| 1\.12 s \(2\.06 s\) +\| — +\|/,
    );
    assert.match(section, /met: 2 of 3\./);
    assert.match(section, /\| healthy stream: [^|]+\| σ 0\.3 +\| 0 %, 0\.05 s \(0\.05 s\) +\| ✓ +\|/);
    assert.match(section, /\| p95 26\.32 s ≤ 33\.81 s, 1\.73 subscriptions per task +\| ✓ +\|/);
    assert.match(section, /\| refused for 3\.0 s +\| 3\.93 s +\| \*\*✗\*\* +\|/);
    assert.match(
      section,
      /\| 10\.0 s +\| 10\.0 s – 25\.6 s +\| 15\.64 s +\| 118 +\| 593 \(200\) +\| 403 \(200\) +\|/,
    );
    assert.match(section, /\| status requests per task +\| 0 +\|/);
    assert.match(section, /\| completion → first image, median \(p95\) +\| 0\.01 s \(0\.04 s\) +\|/);
    assert.match(resultsMd, /\| streams held open \(mean\) +\| 0 +\| 0 +\| 0 +\| 3592 +\|/);
    assert.match(
      performanceMd,
      /sends 0 % of the loop's status requests and shows the results 0\.05 s \(0\.05 s\)/,
    );
    assert.match(performanceMd, /Push targets met: 2 of 3/);
    assert.match(readme, /and 2 of the 3 push targets/);
    // Results from before push was measured have none of it.
    const before = {
      ...results,
      push: undefined,
      pushWire: undefined,
      scaleModel: {
        ...results.scaleModel,
        strategies: Object.fromEntries(
          Object.entries(results.scaleModel.strategies).filter(([id]) => id !== 'push'),
        ),
      },
    };
    const { resultsMd: without, readme: readmeWithout } = await render(before);
    assert.doesNotMatch(without, /## Push beside polling|streams held open/);
    assert.doesNotMatch(readmeWithout, /push targets/);
  });
});
