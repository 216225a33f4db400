// What the element shows of an estimate, a scheduled retry and the reserved layout
// (docs/behaviour.md, "Estimate and ETA" and "Rendering"), in a real browser against the mock API.
// Their timing rules are tested on the fake clock in test/engine/estimate.test.ts.
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { mindproxyTask } from '../mock/bodies.js';
import { mindproxyAdapter } from '../src/adapters/mindproxy.js';
import type { TaskProgress } from '../src/index.js';
import { completed, follow, mount, parts, pending, results, shadow, untilState } from './helpers/element.js';
import { createTask, mockApiUrl } from './helpers/mock-api.js';
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

describe('estimate: the ETA and the determinate bar', () => {
  it('with expected-duration, the bar is determinate and eta says the seconds left', async () => {
    const { el } = await follow({ status: [pending] }, { expectedDuration: 50_000 });
    await until(() => parts(el, 'eta').length === 1, 'eta shown');
    const progress = one(el, 'progress');
    const value = Number(progress.getAttribute('aria-valuenow'));
    expect(value).to.be.at.least(0).and.below(100);
    expect(text(one(el, 'eta'))).to.match(/^About (4[6-9]|50) s left$/);
    expect(progress.querySelector('.bar')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says minutes for long waits', async () => {
    const { el } = await follow({ status: [pending] }, { expectedDuration: 600_000 });
    await until(() => parts(el, 'eta').length === 1, 'eta shown');
    expect(text(one(el, 'eta'))).to.equal('About 10 min left');
  });

  it('on overrun, says so and the bar turns indeterminate, without aria-valuenow', async () => {
    const { el } = await follow({ status: [pending] }, { expectedDuration: 1 });
    await until(() => text(parts(el, 'eta')[0]) === 'Taking longer than usual', 'overrun');
    const progress = one(el, 'progress');
    expect(progress.hasAttribute('aria-valuenow')).to.equal(false);
    expect(progress.querySelector('.bar')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('without an estimate, shows no eta and an indeterminate bar', async () => {
    const { el } = await follow({ status: [pending] });
    await aTimeout(300);
    expect(parts(el, 'eta')).to.have.length(0);
    expect(one(el, 'progress').hasAttribute('aria-valuenow')).to.equal(false);
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
    await untilState(el, 'completed');
    await aTimeout(0);
    observer.disconnect();
    expect(spoken).to.deep.equal(['Generation complete.']);
    expect(parts(el, 'progress')).to.have.length(0);
    expect(parts(el, 'eta')).to.have.length(0);
  });

  it('its strings are replaceable', async () => {
    const { el } = await follow(
      { status: [pending] },
      { expectedDuration: 1, strings: { overrun: 'Bientôt', eta: (s) => `${s} s` } },
    );
    await until(() => text(parts(el, 'eta')[0]) === 'Bientôt', 'replaced overrun');
  });
});

describe('estimate: retry status', () => {
  it('counts down to the retry of a failed request, and is gone after the next success', async () => {
    const { el } = await follow(
      { status: [{ times: 1, status: 500 }, pending] },
      { pollInterval: 3000, maxPollInterval: 5000 },
    );
    await until(() => parts(el, 'retry-status').length === 1, 'retry status');
    expect(text(one(el, 'retry-status'))).to.match(/^Connection problem\. Retrying in [1-3] s$/);
    await expect(el).to.be.accessible();
    el.refresh();
    await until(() => parts(el, 'retry-status').length === 0, 'retry status gone');
    expect(el.state).to.equal('pending');
  });

  it('says the service is busy when rate-limited', async () => {
    const { el } = await follow({
      status: [{ times: 1, status: 429, headers: { 'Retry-After': '60' } }, pending],
    });
    await until(() => parts(el, 'retry-status').length === 1, 'retry status');
    expect(text(one(el, 'retry-status'))).to.match(/^The service is busy\. Retrying in (59|60) s$/);
    el.remove();
  });

  it('its strings are replaceable', async () => {
    const { el } = await follow(
      { status: [{ times: 1, status: 500 }, pending] },
      { pollInterval: 3000, strings: { retrying: (s) => `Nouvel essai dans ${s} s` } },
    );
    await until(() => parts(el, 'retry-status').length === 1, 'retry status');
    expect(text(one(el, 'retry-status'))).to.match(/^Nouvel essai dans \d s$/);
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
    // Puppeteer emulates media features through CDP only, which Firefox over WebDriver BiDi lacks.
    if (navigator.userAgent.includes('Firefox')) this.skip();
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
