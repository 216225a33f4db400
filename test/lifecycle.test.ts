// docs/behaviour.md, Pacing and Sharing: when the element polls, when it pauses and resumes, and
// what it lets go of, read from the mock API's request log over real HTTP.
import { expect, fixture, html } from '@open-wc/testing';
import type { LoggedRequest } from '../mock/types.js';
import type { TaskProgress, TaskStateChangeEvent } from '../src/index.js';
import { createTask, mockApiUrl, requestsOf, statusOf, statusRequestsOf } from './helpers/mock-api.js';
import {
  completed,
  follow,
  mount,
  parts,
  pending,
  recordEvents,
  results,
  untilFirstStatus,
  untilRequests,
  untilState,
} from './helpers/element.js';
import { HOUR, fakeClock, pageClock, realClock } from './helpers/fake-clock.js';
import { type Fetches, countFetches } from './helpers/fetches.js';
import { until } from './helpers/until.js';
import { restoreVisibility, stubVisibility, visibilityChange } from './helpers/visibility.js';

/**
 * An interval no test waits out: a second request within a test's time can only come from a
 * wake-up (visible again, `pageshow`, online, `refresh()`). No test here measures a gap between
 * requests: the engine's pacing is tested on a fake clock (test/engine). Where a test shows that
 * nothing is sent, the page is on the fake clock and the clock moves past every timer the element
 * could have set, while its `fetch` calls are counted.
 */
const LONG_INTERVAL = 60_000;
/**
 * On the fake clock, a move past every poll, retry and request timeout of these tests, and short of
 * the element's own `timeout` (30 minutes by default), which would end the task.
 */
const PAST_EVERY_WAIT = 10 * LONG_INTERVAL;
/** Longer than the default poll interval (2000 ms): on the fake clock, a move in which it would poll. */
const DEFAULT_INTERVAL_WINDOW = 2500;

const resultsOf = (log: LoggedRequest[]) => log.filter((r) => r.url.endsWith('/results'));

function stubOffline() {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
}

function restoreOnline() {
  Reflect.deleteProperty(navigator, 'onLine');
}

/** Connects an element configured by attributes only, as plain HTML would. */
async function mountAttributes(attributes: Record<string, string>) {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('task-progress');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const events = recordEvents(el);
  container.append(el);
  await el.updateComplete;
  return { el, events };
}

let fetches: Fetches | undefined;

/** Counts the page's `fetch` calls from now until the test ends. */
function countFromNow(): Fetches {
  fetches = countFetches();
  return fetches;
}

afterEach(() => {
  restoreVisibility();
  restoreOnline();
  fetches?.restore();
  fetches = undefined;
  realClock();
});

describe('poll pacing', () => {
  it('reads poll-interval and max-poll-interval from attributes', async () => {
    const env = fakeClock();
    const task = await createTask({ status: [{ times: 1, ...pending }, completed], results: results(1) });
    const { el } = await mountAttributes({
      'base-url': mockApiUrl,
      'task-id': task.taskId,
      'public-access-token': task.publicAccessToken,
      'poll-interval': String(LONG_INTERVAL),
      'max-poll-interval': String(LONG_INTERVAL),
    });
    await untilFirstStatus(el);
    const sent = countFromNow();
    await env.advance(DEFAULT_INTERVAL_WINDOW);
    expect(sent.urls, 'no poll within the default interval').to.deep.equal([]);
    el.refresh();
    await untilState(el, 'completed');
    expect(await statusRequestsOf(task.taskId)).to.have.length(2);
  });

  it('completes through many pending answers with a poll-interval under 50', async () => {
    const task = await createTask({ status: [{ times: 6, ...pending }, completed], results: results(1) });
    const { el } = await mountAttributes({
      'base-url': mockApiUrl,
      'task-id': task.taskId,
      'public-access-token': task.publicAccessToken,
      'poll-interval': '1',
      'max-poll-interval': '50',
    });
    await untilState(el, 'completed');
    expect(await statusRequestsOf(task.taskId)).to.have.length(7);
  });

  it('retries each failure in a row, in order, then completes', async () => {
    const failures = 5;
    const { el, taskId, details } = await follow(
      { status: [{ times: failures, status: 500, json: { error: 'boom' } }, completed], results: results(1) },
      { pollInterval: 50, maxPollInterval: 100, maxRetries: 10 },
    );
    await untilState(el, 'completed');

    const errors = details<{ error: { code: string; httpStatus?: number }; willRetry: boolean }>(
      'task-error',
    );
    expect(errors.map((d) => [d.error.code, d.error.httpStatus, d.willRetry])).to.deep.equal(
      Array.from({ length: failures }, () => ['http', 500, true]),
    );
    expect(await statusRequestsOf(taskId)).to.have.length(failures + 1);
  });
});

describe('page visibility', () => {
  it('makes no request while hidden, and polls as soon as the page is visible', async () => {
    const env = pageClock();
    stubVisibility('hidden');
    const sent = countFromNow();
    const { el, taskId } = await follow({ status: [completed], results: results(1) }, { pollInterval: 100 });
    expect(el.state).to.equal('pending');
    await env.advance(PAST_EVERY_WAIT);
    expect(sent.urls).to.deep.equal([]);

    restoreVisibility();
    visibilityChange();
    await untilState(el, 'completed');
    expect(statusOf(await requestsOf(taskId))).to.have.length(1);
  });

  it('stops polling when the page becomes hidden and resumes when visible', async () => {
    const env = pageClock();
    const { el, taskId } = await follow({ status: [pending] }, { pollInterval: 100, maxPollInterval: 100 });
    await untilFirstStatus(el);

    stubVisibility('hidden');
    visibilityChange();
    const sent = countFromNow();
    await env.advance(PAST_EVERY_WAIT); // past the next poll, which finds the page hidden
    expect(sent.urls).to.deep.equal([]);

    restoreVisibility();
    visibilityChange();
    await untilRequests(taskId, 2);
    expect(sent.urls).to.have.length(1);
  });

  it('polls at once when the page becomes visible in the middle of a long interval', async () => {
    const { el, taskId } = await follow(
      { status: [{ times: 1, ...pending }, completed], results: results(1) },
      { pollInterval: LONG_INTERVAL, maxPollInterval: LONG_INTERVAL },
    );
    await untilRequests(taskId, 1);
    stubVisibility('hidden');
    visibilityChange();

    restoreVisibility();
    expect(statusOf(await untilRequests(taskId, 2, { poke: visibilityChange }))).to.have.length(2);
    await untilState(el, 'completed');
  });

  it('keeps polling while hidden with poll-when-hidden', async () => {
    stubVisibility('hidden');
    const task = await createTask({ status: [{ times: 3, ...pending }, completed], results: results(2) });
    const { el } = await mountAttributes({
      'base-url': mockApiUrl,
      'task-id': task.taskId,
      'public-access-token': task.publicAccessToken,
      'poll-interval': '50',
      'max-poll-interval': '100',
      'poll-when-hidden': '',
    });
    await untilState(el, 'completed');
    const log = await requestsOf(task.taskId);
    expect(statusOf(log)).to.have.length(4);
    expect(resultsOf(log)).to.have.length(1);
  });
});

describe('pageshow and online', () => {
  it('polls at once on pageshow in the middle of a long interval', async () => {
    const { el, taskId } = await follow(
      { status: [{ times: 1, ...pending }, completed], results: results(1) },
      { pollInterval: LONG_INTERVAL, maxPollInterval: LONG_INTERVAL },
    );
    await untilRequests(taskId, 1);
    expect(
      statusOf(
        await untilRequests(taskId, 2, {
          poke: () => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })),
        }),
      ),
    ).to.have.length(2);
    await untilState(el, 'completed');
  });

  it('makes no request while offline, and polls as soon as it is online', async () => {
    const env = pageClock();
    stubOffline();
    const sent = countFromNow();
    const { el, taskId } = await follow({ status: [completed], results: results(1) }, { pollInterval: 100 });
    expect(el.state).to.equal('pending');
    await env.advance(PAST_EVERY_WAIT);
    expect(sent.urls).to.deep.equal([]);

    restoreOnline();
    window.dispatchEvent(new Event('online'));
    await untilState(el, 'completed');
    expect(statusOf(await requestsOf(taskId))).to.have.length(1);
  });

  it('stops polling when going offline and polls at once when online again', async () => {
    const env = pageClock();
    const { el, taskId } = await follow(
      { status: [{ times: 1, ...pending }, completed], results: results(1) },
      { pollInterval: LONG_INTERVAL, maxPollInterval: LONG_INTERVAL },
    );
    await untilFirstStatus(el);
    stubOffline();
    window.dispatchEvent(new Event('offline'));
    const sent = countFromNow();
    await env.advance(PAST_EVERY_WAIT); // past the next poll, which finds the page offline
    expect(sent.urls).to.deep.equal([]);

    restoreOnline();
    expect(
      statusOf(
        await untilRequests(taskId, 2, {
          poke: () => window.dispatchEvent(new Event('online')),
        }),
      ),
    ).to.have.length(2);
    await untilState(el, 'completed');
  });

  it('does not poll through a short interval while offline', async () => {
    const env = pageClock();
    const { el, taskId } = await follow({ status: [pending] }, { pollInterval: 100, maxPollInterval: 100 });
    await untilFirstStatus(el);
    stubOffline();
    window.dispatchEvent(new Event('offline'));
    const sent = countFromNow();
    await env.advance(PAST_EVERY_WAIT);
    expect(sent.urls).to.deep.equal([]);

    restoreOnline();
    window.dispatchEvent(new Event('online'));
    await untilRequests(taskId, 2);
    expect(sent.urls).to.have.length(1);
  });
});

describe('disconnect and reconnect', () => {
  it('aborts the request in flight, then stays silent, and resumes when reconnected', async () => {
    const env = fakeClock();
    const sent = countFromNow();
    const { el, taskId, events, details } = await follow({
      status: [{ times: 1, ...pending, delay: 1000 }, completed],
      results: results(2),
    });
    await untilRequests(taskId, 1);
    const parent = el.parentElement;
    if (!parent) throw new Error('not mounted');
    el.remove();
    const firedBefore = events.length;

    await until(async () => (await requestsOf(taskId))[0].aborted, 'the request in flight was not aborted');
    await env.advance(PAST_EVERY_WAIT);
    expect(sent.urls).to.have.length(1);
    expect(events.slice(firedBefore).map((e) => e.type)).to.deep.equal([]);
    expect(el.state).to.equal('pending');

    parent.append(el);
    await untilState(el, 'completed');
    const log = await requestsOf(taskId);
    expect(statusOf(log)).to.have.length(2);
    expect(resultsOf(log)).to.have.length(1);
    expect(log.slice(1).every((r) => !r.aborted)).to.equal(true);
    expect(details('task-complete')).to.have.length(1);
    expect(parts(el, 'image')).to.have.length(2);
  });

  it('removed and put back 150 ms later while pending, keeps its elapsed time', async () => {
    const env = fakeClock();
    // Polls and their timeouts out of the clock's way: only the elapsed time moves.
    const { el } = await follow({ status: [pending] }, { pollInterval: HOUR, maxPollInterval: HOUR });
    const elapsed = () => parts(el, 'elapsed')[0]?.textContent?.trim();
    await untilFirstStatus(el);
    await env.advance(1_000);
    await el.updateComplete;
    expect(elapsed()).to.equal('0:01');
    const parent = el.parentElement as HTMLElement;
    el.remove();
    await env.advance(150);
    parent.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('pending');
    expect(elapsed(), 'counted from when following began').to.equal('0:01');
  });

  it('makes no request when a completed element is removed and added again', async () => {
    const env = fakeClock();
    const { el, events } = await follow({ status: [completed], results: results(2) });
    await untilState(el, 'completed');
    const fired = events.length;
    const parent = el.parentElement;
    if (!parent) throw new Error('not mounted');

    const sent = countFromNow();
    el.remove();
    parent.append(el);
    await el.updateComplete;
    await env.advance(PAST_EVERY_WAIT);
    expect(sent.urls).to.deep.equal([]);
    expect(events).to.have.length(fired);
    expect(el.state).to.equal('completed');
    expect(parts(el, 'image')).to.have.length(2);
  });

  it('fires nothing, not even its timeout, once disconnected', async () => {
    // On the fake clock, so that the timeout cannot pass before the element leaves.
    const env = fakeClock();
    const { el, events } = await follow({ status: [pending] }, { timeout: 400 });
    await untilFirstStatus(el);
    el.remove();
    const fired = events.length;
    const sent = countFromNow();
    await env.advance(PAST_EVERY_WAIT); // past the timeout and every poll
    expect(events.slice(fired).map((e) => e.type)).to.deep.equal([]);
    expect(sent.urls).to.deep.equal([]);
    expect(el.state).to.equal('pending');
  });

  it('makes no request after the task failed', async () => {
    const env = fakeClock();
    const { el, taskId } = await follow({ status: [{ json: { status: 'failed', error: 'No GPUs left' } }] });
    await untilState(el, 'failed');
    expect(statusOf(await requestsOf(taskId))).to.have.length(1);
    const sent = countFromNow();
    await env.advance(PAST_EVERY_WAIT);
    expect(sent.urls).to.deep.equal([]);
  });
});

describe('changing task-id', () => {
  it('aborts the old task in flight and follows only the new one', async () => {
    // A's late answer would complete it with 2 images; B ends with 3.
    const a = await createTask({ status: [{ ...completed, delay: 1000 }], results: results(2) });
    const b = await createTask({
      token: a.publicAccessToken,
      status: [{ times: 1, ...pending }, completed],
      results: results(3),
    });
    const { el, events, details } = await mount({ taskId: a.taskId, publicAccessToken: a.publicAccessToken });
    await untilRequests(a.taskId, 1);
    const firedBefore = events.length;

    el.taskId = b.taskId;
    await untilState(el, 'completed');
    // Aborted, A's answer can no longer reach the page: nothing of A can show after this.
    await until(async () => (await requestsOf(a.taskId))[0].aborted, "A's request was not aborted");

    expect(await requestsOf(a.taskId)).to.have.length(1);
    const after = events.slice(firedBefore);
    expect(after.filter((e) => (e.detail as { taskId?: string }).taskId !== b.taskId)).to.deep.equal([]);
    expect(after.map((e) => e.type)).to.include('task-complete');
    expect(details<{ images: unknown[] }>('task-complete').map((d) => d.images.length)).to.deep.equal([3]);
    expect(el.state).to.equal('completed');
    expect(el.images).to.have.length(3);
    expect(parts(el, 'image')).to.have.length(3);
    expect(statusOf(await requestsOf(b.taskId))).to.have.length(2);
  });
});

describe('elements sharing a task', () => {
  it('five elements on one task make one request stream and all complete', async () => {
    const task = await createTask({ status: [{ times: 3, ...pending }, completed], results: results(4) });
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const props = {
      taskId: task.taskId,
      publicAccessToken: task.publicAccessToken,
      pollInterval: 100,
      maxPollInterval: 300,
    };
    const early = await Promise.all([
      mount(props, container),
      mount(props, container),
      mount(props, container),
    ]);
    await untilRequests(task.taskId, 1);
    // Two join a stream already under way.
    const late = await Promise.all([mount(props, container), mount(props, container)]);
    const all = [...early, ...late];

    for (const { el } of all) await untilState(el, 'completed');
    const log = await requestsOf(task.taskId);
    expect(statusOf(log)).to.have.length(4);
    expect(resultsOf(log)).to.have.length(1);
    for (const { el, details } of all) {
      expect(details('task-complete')).to.have.length(1);
      expect(parts(el, 'image')).to.have.length(4);
    }
  });
});

describe("elements sharing a task: every element's options count", () => {
  it('polls as often as the most eager element asks', async () => {
    const task = await createTask({ status: [{ times: 2, ...pending }, completed], results: results(1) });
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const ids = { taskId: task.taskId, publicAccessToken: task.publicAccessToken };
    const slow = await mount(
      { ...ids, pollInterval: LONG_INTERVAL, maxPollInterval: LONG_INTERVAL },
      container,
    );
    await untilRequests(task.taskId, 1);
    const eager = await mount({ ...ids, pollInterval: 50, maxPollInterval: 50 }, container);
    for (const { el } of [slow, eager]) await untilState(el, 'completed');
    expect(statusOf(await requestsOf(task.taskId))).to.have.length(3);
  });

  it("applies each element's own timeout: one shows error while the other completes", async () => {
    const task = await createTask({ status: [{ times: 30, ...pending }, completed], results: results(1) });
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const ids = { taskId: task.taskId, publicAccessToken: task.publicAccessToken, maxPollInterval: 50 };
    const patient = await mount({ ...ids, timeout: 0 }, container);
    const hasty = await mount({ ...ids, timeout: 300 }, container);
    await untilState(hasty.el, 'error');
    expect(hasty.el.error?.code).to.equal('timeout');
    expect(patient.el.state).to.equal('pending');
    await untilState(patient.el, 'completed');
    expect(statusOf(await requestsOf(task.taskId))).to.have.length(31);
    expect(hasty.details('task-complete')).to.deep.equal([]);
  });
});

describe('refresh()', () => {
  it('polls at once in the middle of a long interval', async () => {
    const { el, taskId } = await follow(
      { status: [{ times: 1, ...pending }, completed], results: results(1) },
      { pollInterval: LONG_INTERVAL, maxPollInterval: LONG_INTERVAL },
    );
    await untilRequests(taskId, 1);
    expect(statusOf(await untilRequests(taskId, 2, { poke: () => el.refresh() }))).to.have.length(2);
    await untilState(el, 'completed');
  });
});

describe('settling of attributes and properties', () => {
  interface Fetched {
    url: string;
    authorization: string | null;
  }
  const originalFetch = window.fetch;
  let fetched: Fetched[] = [];

  beforeEach(() => {
    fetched = [];
    // Records what the element asks for; refuses anything off the mock origin instead of sending it.
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.includes('/__mock/')) {
        const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
        fetched.push({ url, authorization: headers.get('authorization') });
      }
      if (!url.startsWith(`${mockApiUrl}/`)) return Promise.reject(new TypeError('Failed to fetch'));
      return originalFetch.call(window, input, init);
    };
  });

  afterEach(() => {
    window.fetch = originalFetch;
  });

  type Task = { taskId: string; publicAccessToken: string };
  const orders: [string, (el: TaskProgress, task: Task) => void][] = [
    [
      'task-id, then the token, then base-url and poll-interval',
      (el, task) => {
        el.taskId = task.taskId;
        el.publicAccessToken = task.publicAccessToken;
        el.baseUrl = mockApiUrl;
        el.pollInterval = LONG_INTERVAL;
      },
    ],
    [
      'the token, then task-id, then base-url and poll-interval',
      (el, task) => {
        el.publicAccessToken = task.publicAccessToken;
        el.taskId = task.taskId;
        el.baseUrl = mockApiUrl;
        el.pollInterval = LONG_INTERVAL;
      },
    ],
    [
      'attributes: task-id, the token, poll-interval, base-url',
      (el, task) => {
        el.setAttribute('task-id', task.taskId);
        el.setAttribute('public-access-token', task.publicAccessToken);
        el.setAttribute('poll-interval', String(LONG_INTERVAL));
        el.setAttribute('base-url', mockApiUrl);
      },
    ],
    [
      'mixed: poll-interval and base-url attributes, then task-id, then the token property',
      (el, task) => {
        el.setAttribute('poll-interval', String(LONG_INTERVAL));
        el.setAttribute('base-url', `${mockApiUrl}/`);
        el.setAttribute('task-id', task.taskId);
        el.publicAccessToken = task.publicAccessToken;
      },
    ],
  ];

  for (const [name, settle] of orders) {
    it(`${name}, set in one block on a connected element: every request right`, async () => {
      const env = fakeClock();
      const task = await createTask({ status: [{ times: 1, ...pending }, completed], results: results(2) });
      // A kind of its own: the durations this page learned from earlier tests would pace it instead.
      const { el, events } = await mountAttributes({ 'duration-key': task.taskId });
      expect(el.state).to.equal('idle');

      settle(el, task);
      await untilFirstStatus(el);
      await env.advance(DEFAULT_INTERVAL_WINDOW);
      expect(fetched, 'no poll within the default interval').to.have.length(1);
      el.refresh();
      await untilState(el, 'completed');

      const bearer = `Bearer ${task.publicAccessToken}`;
      const taskUrl = `${mockApiUrl}/tasks/${task.taskId}/`;
      expect(fetched.filter((f) => !f.url.startsWith(taskUrl) || f.authorization !== bearer)).to.deep.equal(
        [],
      );
      expect(fetched).to.have.length(3);
      const log = await requestsOf(task.taskId);
      expect(log.map((r) => r.authorization)).to.deep.equal([bearer, bearer, bearer]);
      expect(events.filter((e) => e.type === 'task-error')).to.deep.equal([]);
      expect(
        events.filter((e) => e.type === 'task-state-change').map((e: TaskStateChangeEvent) => e.detail.state),
      ).to.deep.equal(['pending', 'completed']);
    });
  }

  it('stays idle without a token, and follows once the token arrives', async () => {
    const task = await createTask({ status: [completed], results: results(2) });
    const env = fakeClock();
    const { el, events } = await mount({ taskId: task.taskId });
    expect(el.state).to.equal('idle');
    await env.advance(PAST_EVERY_WAIT);
    expect(el.state).to.equal('idle');
    expect(fetched).to.deep.equal([]);
    expect(await requestsOf(task.taskId)).to.deep.equal([]);
    expect(events).to.deep.equal([]);

    el.publicAccessToken = task.publicAccessToken;
    await untilState(el, 'completed');
    const bearer = `Bearer ${task.publicAccessToken}`;
    expect((await requestsOf(task.taskId)).map((r) => r.authorization)).to.deep.equal([bearer, bearer]);
    expect(fetched.every((f) => f.authorization === bearer)).to.equal(true);
  });
});
