// A quick run of the bench's parts that need no browser, so that `npm test` fails when the bench
// drifts from the code it measures: the size table with every stub, the simulation of the
// element's engine on a small seeded sample, the ETA on an API with a queue, the scale model, and
// the report from the last results.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { checkTargets, simulatePacing, simulateQueue, simulateTasks } from '../bench/pacing-sim.mjs';
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

  it('models 10,000 browsers with the element’s own pacing', async () => {
    const { strategies } = await runScaleModel();
    assert.ok(strategies.element.requestsPerSecond.mean < strategies.tutorial.requestsPerSecond.mean);
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
});
