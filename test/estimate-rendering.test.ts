// What the element shows of an estimate, a scheduled retry and the reserved layout
// (docs/behaviour.md, "Estimate and ETA" and "Rendering"), in a real browser against the mock API;
// what they show of time is read on the fake clock (test/helpers/fake-clock.ts) at exact moments.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { noMediaEmulation } from './helpers/engines.js';
import { mindproxyTask } from '../mock/bodies.js';
import { mindproxyAdapter } from '../src/adapters/mindproxy.js';
import type { TaskProgress } from '../src/index.js';
import {
  completed,
  follow,
  mount,
  parts,
  pending,
  results,
  shadow,
  untilFirstStatus,
  untilRequests,
  untilState,
} from './helpers/element.js';
import { createTask, mockApiUrl } from './helpers/mock-api.js';
import { fakeClock, realClock } from './helpers/fake-clock.js';
import { until } from './helpers/until.js';

const text = (el: Element | undefined) => el?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const one = (el: TaskProgress, name: string) => {
  const found = parts(el, name);
  expect(found, `part ${name}`).to.have.length(1);
  return found[0];
};
const statusRegion = (el: TaskProgress) => one(el, 'status');
/** Two animation frames: what was rendered has been laid out and painted. */
const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('estimate: the ETA and the determinate bar, on the fake clock', () => {
  afterEach(realClock);

  /**
   * An element following a task that stays pending, on a fake clock, once it shows its first
   * status. Its request timeout (twice `max-poll-interval`) is longer than any jump of the clock,
   * so a request in flight is never timed out by one.
   */
  async function pendingOnFakeClock(props: Parameters<typeof follow>[1]) {
    const env = fakeClock();
    const mounted = await follow({ status: [pending] }, { maxPollInterval: 3_600_000, ...props });
    await untilFirstStatus(mounted.el);
    return { env, ...mounted };
  }

  it('with expected-duration, the bar is determinate and eta counts the seconds left', async () => {
    const { env, el } = await pendingOnFakeClock({ expectedDuration: 50_000 });
    const progress = one(el, 'progress');
    expect(text(one(el, 'eta'))).to.equal('About 50 s left');
    expect(progress.getAttribute('aria-valuenow')).to.equal('0');
    expect(progress.querySelector('.bar')).to.equal(null);
    await env.advance(12_000);
    await el.updateComplete;
    expect(text(one(el, 'eta'))).to.equal('About 38 s left');
    expect(one(el, 'progress').getAttribute('aria-valuenow')).to.equal('24');
    await expect(el).to.be.accessible();
  });

  it('says minutes for long waits', async () => {
    const { env, el } = await pendingOnFakeClock({ expectedDuration: 600_000 });
    expect(text(one(el, 'eta'))).to.equal('About 10 min left');
    await env.advance(330_000);
    await el.updateComplete;
    expect(text(one(el, 'eta'))).to.equal('About 5 min left');
  });

  it('on overrun, says so and the bar turns indeterminate, without aria-valuenow', async () => {
    const { env, el } = await pendingOnFakeClock({ expectedDuration: 10_000 });
    await env.advance(9_000);
    await el.updateComplete;
    expect(text(one(el, 'eta'))).to.equal('About 1 s left');
    await env.advance(1_000);
    await el.updateComplete;
    expect(text(one(el, 'eta'))).to.equal('Taking longer than usual');
    const progress = one(el, 'progress');
    expect(progress.hasAttribute('aria-valuenow')).to.equal(false);
    expect(progress.querySelector('.bar')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('counts the elapsed time in seconds and minutes', async () => {
    const { env, el } = await pendingOnFakeClock({});
    expect(text(one(el, 'elapsed'))).to.equal('0:00');
    await env.advance(1_000);
    await el.updateComplete;
    expect(text(one(el, 'elapsed'))).to.equal('0:01');
    await env.advance(60_000);
    await el.updateComplete;
    expect(text(one(el, 'elapsed'))).to.equal('1:01');
  });

  it('its strings are replaceable', async () => {
    const { env, el } = await pendingOnFakeClock({
      expectedDuration: 5_000,
      strings: { overrun: 'Bientôt', eta: (s) => `${s} s` },
    });
    expect(text(one(el, 'eta'))).to.equal('5 s');
    await env.advance(5_000);
    await el.updateComplete;
    expect(text(one(el, 'eta'))).to.equal('Bientôt');
  });
});

describe('estimate: the ETA and the determinate bar', () => {
  it('without an estimate, shows no eta and an indeterminate bar', async () => {
    const { el, taskId } = await follow({ status: [pending] });
    await untilRequests(taskId, 2); // the first answer read: the element has seen the task go on
    await el.updateComplete;
    expect(parts(el, 'eta')).to.have.length(0);
    expect(one(el, 'progress').hasAttribute('aria-valuenow')).to.equal(false);
  });

  it('uses no absurd estimate, given (1e300) or stored (1e999), and writes none back', async () => {
    const durationKey = `absurd-${Math.random()}`;
    const key = `task-progress:durations:["mynth","${mockApiUrl}","${durationKey}"]`;
    localStorage.setItem(key, '[1e999, 1e999, 1e999, 1e999]');
    try {
      const { el, taskId } = await follow(
        { status: [{ times: 2, ...pending }, completed], results: results(1) },
        { durationKey, rememberDurations: true },
      );
      el.setAttribute('expected-duration', '1e300');
      await untilRequests(taskId, 2);
      expect(parts(el, 'eta'), 'no ETA').to.have.length(0);
      expect(one(el, 'progress').hasAttribute('aria-valuenow')).to.equal(false);
      await untilState(el, 'completed');
      const stored = JSON.parse(localStorage.getItem(key) ?? '') as unknown[];
      expect(stored).to.have.length(1);
      expect(stored[0]).to.be.a('number').above(0);
    } finally {
      localStorage.removeItem(key);
    }
  });

  it('the live region does not speak the ticks, and the bar ends with the results', async () => {
    const { el } = await follow(
      { status: [{ times: 3, ...pending }, completed], results: results(1) },
      { expectedDuration: 60_000, pollInterval: 50, maxPollInterval: 200 },
    );
    const status = statusRegion(el);
    const spoken: string[] = [];
    const observer = new MutationObserver(() => spoken.push(text(status)));
    observer.observe(status, { subtree: true, childList: true, characterData: true });
    await until(() => spoken.at(-1) === 'Generation complete.', 'the completion spoken');
    observer.disconnect();
    expect(spoken).to.deep.equal(['Generation complete.']);
    expect(parts(el, 'progress')).to.have.length(0);
    expect(parts(el, 'eta')).to.have.length(0);
  });
});

describe('estimate: retry status, on the fake clock', () => {
  afterEach(realClock);

  it('counts down to the retry of a failed request, and is gone after the next success', async () => {
    const env = fakeClock();
    const { el } = await follow(
      { status: [{ times: 1, status: 500 }, pending] },
      { pollInterval: 3000, maxPollInterval: 5000 },
    );
    await until(() => parts(el, 'retry-status').length === 1, 'retry status');
    expect(text(one(el, 'retry-status'))).to.equal('Connection problem. Retrying in 3 s');
    await env.advance(1_000);
    await el.updateComplete;
    expect(text(one(el, 'retry-status'))).to.equal('Connection problem. Retrying in 2 s');
    await expect(el).to.be.accessible();
    await env.advance(2_000);
    await until(() => parts(el, 'retry-status').length === 0, 'retry status gone');
    expect(el.state).to.equal('pending');
  });

  it('says the service is busy when rate-limited, for as long as it asked', async () => {
    const env = fakeClock();
    const { el } = await follow({
      status: [{ times: 1, status: 429, headers: { 'Retry-After': '60' } }, pending],
    });
    await until(() => parts(el, 'retry-status').length === 1, 'retry status');
    expect(text(one(el, 'retry-status'))).to.equal('The service is busy. Retrying in 60 s');
    await env.advance(45_000);
    await el.updateComplete;
    expect(text(one(el, 'retry-status'))).to.equal('The service is busy. Retrying in 15 s');
    el.remove();
  });

  it('its strings are replaceable', async () => {
    const env = fakeClock();
    const { el } = await follow(
      { status: [{ times: 1, status: 500 }, pending] },
      { pollInterval: 3000, strings: { retrying: (s) => `Nouvel essai dans ${s} s` } },
    );
    await until(() => parts(el, 'retry-status').length === 1, 'retry status');
    expect(text(one(el, 'retry-status'))).to.equal('Nouvel essai dans 3 s');
    await env.advance(1_000);
    await el.updateComplete;
    expect(text(one(el, 'retry-status'))).to.equal('Nouvel essai dans 2 s');
    el.remove();
  });
});

describe('estimate: reserved layout', () => {
  it('reserves expected-count placeholders at expected-aspect-ratio, hidden from assistive technology', async () => {
    const { el } = await follow({ status: [pending] }, { expectedCount: 3, expectedAspectRatio: '16/9' });
    const tiles = parts(el, 'placeholder');
    expect(tiles).to.have.length(3);
    expect(tiles[0].closest('[aria-hidden="true"]')).to.not.equal(null);
    const box = tiles[0].getBoundingClientRect();
    expect(box.width / box.height).to.be.closeTo(16 / 9, 0.05);
    await expect(el).to.be.accessible();
  });

  it('reads "1.5" and "1024x1024", and takes 1 for anything else', async () => {
    for (const [ratio, expected] of [
      ['1.5', 1.5],
      ['1024x1024', 1],
      ['wide', 1],
      ['100/1', 1],
    ] as const) {
      const { el } = await follow({ status: [pending] }, { expectedCount: 1, expectedAspectRatio: ratio });
      const box = one(el, 'placeholder').getBoundingClientRect();
      expect(box.width / box.height, ratio).to.be.closeTo(expected, 0.02);
      el.remove();
    }
  });

  it('nothing in the element or after it moves from the first render to the loaded images', async () => {
    // The first answer comes after the first frames, so every change of the pending state (the
    // phase, the ETA appearing and counting down) is watched, then the results and their loading.
    const task = await createTask({
      status: [{ times: 1, delay: 300, ...pending }, { times: 2, ...pending }, completed],
      results: results(4, { imageDelay: 200 }),
    });
    // Layout Instability is Chromium's; elsewhere the boxes are compared.
    const shifts: (PerformanceEntry & { value?: number })[] = [];
    const observer =
      'LayoutShift' in window
        ? new PerformanceObserver((list) => shifts.push(...list.getEntries()))
        : undefined;
    observer?.observe({ type: 'layout-shift' });
    const container = await fixture<HTMLDivElement>(html`<div><p>after</p></div>`);
    const after = container.querySelector('p') as HTMLParagraphElement;
    const { el } = await mount(
      {
        taskId: task.taskId,
        publicAccessToken: task.publicAccessToken,
        expectedCount: 4,
        expectedDuration: 2500,
        pollInterval: 300,
        maxPollInterval: 300,
      },
      container,
    );
    container.append(after);
    await frames();
    const since = performance.now();
    const boxes = () => [el.getBoundingClientRect().height, after.getBoundingClientRect().top];
    const before = boxes();
    await untilState(el, 'completed');
    const images = [...shadow(el).querySelectorAll('img')];
    expect(images).to.have.length(4);
    await until(() => images.every((img) => img.complete && img.naturalWidth > 0), 'images loaded');
    await frames();
    observer?.disconnect();
    expect(boxes()).to.deep.equal(before);
    expect(shifts.filter((shift) => shift.startTime >= since).map((shift) => shift.value)).to.deep.equal([]);
  });

  it('the placeholders shimmer, and stop under reduced motion', async function () {
    if (noMediaEmulation) this.skip();
    const { el } = await follow({ status: [pending] }, { expectedCount: 1 });
    const tile = one(el, 'placeholder');
    expect(getComputedStyle(tile).animationName).to.equal('shimmer');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(tile).animationName).to.equal('none');
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(shadow(el).querySelectorAll('[style]')).to.have.length(0);
  });
});

describe('estimate: the task’s age from the gateway', () => {
  it('is created_at read against the Date header, which the mock exposes', async () => {
    const taskId = `age-${Math.random().toString(36).slice(2)}`;
    const createdAt = new Date(Date.now() - 20_000).toISOString();
    const json = { ...mindproxyTask(taskId, { status: 3 }), created_at: createdAt };
    await createTask({ provider: 'mindproxy', taskId, token: null, status: [{ json }] });
    const context = { taskId, token: undefined, baseUrl: mockApiUrl, signal: new AbortController().signal };
    const snapshot = await mindproxyAdapter.getStatus(context);
    expect(snapshot.state).to.equal('pending');
    // The Date header has whole seconds.
    expect(snapshot.age).to.be.within(18_500, 22_000);
  });
});
