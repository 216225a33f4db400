// Hostile and absurd input, against the mock task API over real HTTP (docs/behaviour.md, Security
// and Errors): ids that would move requests off the task's path, delays too long for a timer, token
// providers that never answer, absurd sizes, attributes that are not numbers, provider names of
// Object's members, and answers redirected to another origin. The exact waits are tested on the engine's fake clock (test/engine).
import { expect } from '@open-wc/testing';
import { mynthResults } from '../mock/bodies.js';
import {
  TaskApiError,
  type TaskAdapter,
  type TaskErrorCode,
  type TaskProgress,
  type TaskSnapshot,
} from '../src/index.js';
import {
  completed,
  follow,
  mount,
  parts,
  pending,
  results,
  shadow,
  untilFirstStatus,
  untilState,
} from './helpers/element.js';
import { HOUR, fakeClock, realClock, watchedClock } from './helpers/fake-clock.js';
import { countFetches } from './helpers/fetches.js';
import { createTask, mockApiUrl, requestsOf, statusRequestsOf } from './helpers/mock-api.js';
import { until } from './helpers/until.js';

/** Less than the default poll interval (2000 ms), in which a 50 ms floor would poll again. */
const WINDOW = 1500;

/** Connects an element configured by attributes only, as plain HTML would. */
async function mountWithAttributes(attributes: Record<string, string>): Promise<TaskProgress> {
  const el = document.createElement('task-progress');
  for (const [name, value] of Object.entries({ 'base-url': mockApiUrl, ...attributes })) {
    el.setAttribute(name, value);
  }
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/** With this `poll-interval`, a pending task gets one status request in the window (fake clock), not a loop. */
async function expectOnePoll(pollInterval: string) {
  const env = fakeClock();
  const task = await createTask({ status: [pending] });
  const el = await mountWithAttributes({
    'task-id': task.taskId,
    'public-access-token': task.publicAccessToken,
    'poll-interval': pollInterval,
  });
  await untilFirstStatus(el);
  const fetches = countFetches();
  try {
    await env.advance(WINDOW);
    expect(fetches.urls).to.deep.equal([]);
  } finally {
    fetches.restore();
  }
  expect(await statusRequestsOf(task.taskId)).to.have.length(1);
}

afterEach(() => {
  for (const el of document.querySelectorAll('task-progress')) el.remove();
  realClock();
});

describe('task ids that would leave the task path', () => {
  for (const provider of ['mynth', 'mindproxy']) {
    for (const taskId of ['.', '..', '   ', 'tsk\u0000', 'tsk\nstatus', 'tsk\u007f', 'tsk\u0085']) {
      it(`${provider}: ${JSON.stringify(taskId)} is an error with no request`, async () => {
        const { env, sent } = watchedClock(); // ended by realClock() after each test
        const { el, events } = await mount({ taskId, publicAccessToken: 'pat_x', provider });
        await untilState(el, 'error');
        expect(el.error?.code).to.equal('invalid-task-id');
        el.refresh();
        el.retry();
        el.cancel();
        await env.advance(HOUR); // past any wait the element could have set
        expect(sent).to.deep.equal([]);
        expect(events.map((e) => e.type)).to.deep.equal(['task-state-change', 'task-retry']);
      });
    }
  }
});

describe('delays longer than a timer holds', () => {
  for (const timeout of ['Infinity', '3000000000']) {
    it(`timeout="${timeout}" does not end the task at once`, async () => {
      // On the fake clock, as in a browser, a timer longer than a timer holds would fire at once.
      const env = fakeClock();
      const task = await createTask({ status: [pending] });
      const el = await mountWithAttributes({
        'task-id': task.taskId,
        'public-access-token': task.publicAccessToken,
        'poll-interval': '50',
        // Longer than the clock moves: the poll it sends is not timed out while it is on its way.
        'max-poll-interval': String(2 * HOUR),
        timeout,
      });
      await untilFirstStatus(el);
      await env.advance(HOUR);
      expect(el.state).to.equal('pending');
      await until(async () => (await statusRequestsOf(task.taskId)).length > 1, 'a second poll');
    });
  }

  it('poll-interval="3000000000" waits instead of polling in a loop', () => expectOnePoll('3000000000'));

  it('max-poll-interval="1500000000" does not abort every request', async () => {
    const task = await createTask({ status: [{ times: 1, ...pending }, completed], results: results(1) });
    const el = await mountWithAttributes({
      'task-id': task.taskId,
      'public-access-token': task.publicAccessToken,
      'poll-interval': '50',
      'max-poll-interval': '1500000000',
    });
    await untilState(el, 'completed');
    expect((await requestsOf(task.taskId)).map((r) => r.aborted)).to.deep.equal([false, false, false]);
  });
});

describe('a tokenProvider that never answers', () => {
  const never = () => new Promise<string>(() => {});

  it('counts as a failed refresh after the request timeout: state error, unauthorized', async function () {
    this.timeout(30000);
    const mounted = await follow({ status: [{ status: 401 }] }, { tokenProvider: never });
    await untilState(mounted.el, 'error', { limit: 25_000 });
    expect(mounted.el.error?.code).to.equal('unauthorized');
    expect(await statusRequestsOf(mounted.taskId)).to.have.length(1);
  });

  it('does not hold back requests while a JWT near its expiry is refreshed', async () => {
    const payload = btoa(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 10 }));
    const token = `e30.${payload.replace(/=+$/, '')}.sig`;
    const { taskId } = await createTask({
      token,
      status: [{ times: 2, ...pending }, completed],
      results: results(1),
    });
    const { el } = await mount({ taskId, publicAccessToken: token, tokenProvider: never });
    await untilState(el, 'completed');
    expect(await statusRequestsOf(taskId)).to.have.length(3);
  });
});

describe('absurd result sizes', () => {
  for (const size of ['1x99999999', '50000x50000', '1x20', '0x512']) {
    it(`size ${size} reserves no box`, async () => {
      const body = mynthResults(mockApiUrl, 1);
      const images = body.images.map((image) => ({ ...image, size }));
      const { el } = await follow({ status: [completed], results: [{ json: { ...body, images } }] });
      await untilState(el, 'completed');
      const [image] = parts(el, 'image');
      expect(image.hasAttribute('width') || image.hasAttribute('height')).to.equal(false);
      expect(el.images[0]).to.not.have.any.keys('width', 'height');
      expect(el.getBoundingClientRect().height).to.be.below(2000);
    });
  }

  it('a sane size still reserves its box', async () => {
    const { el } = await follow({ status: [completed], results: results(1) });
    await untilState(el, 'completed');
    expect(parts(el, 'image')[0].getAttribute('width')).to.equal('512');
  });
});

describe('attributes that are not numbers take their default', () => {
  it('poll-interval="abc" polls at the default pace, not the 50 ms floor', () => expectOnePoll('abc'));

  it('max-retries="abc" gives up after the default 5 retries', async () => {
    const task = await createTask({ status: [{ status: 500 }] });
    const el = await mountWithAttributes({
      'task-id': task.taskId,
      'public-access-token': task.publicAccessToken,
      'poll-interval': '50',
      'max-poll-interval': '50',
      'max-retries': 'abc',
    });
    await untilState(el, 'error');
    // Each request was answered before the element gave up.
    expect(await statusRequestsOf(task.taskId)).to.have.length(6);
  });
});

describe('a provider named like a member of Object', () => {
  for (const provider of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    it(`provider="${provider}" falls back to mynth`, async () => {
      const { el, taskId } = await follow({ status: [completed], results: results(1) }, { provider });
      await untilState(el, 'completed');
      expect(el.images).to.have.length(1);
      expect((await requestsOf(taskId)).map((request) => request.url)).to.deep.equal([
        `/tasks/${taskId}/status`,
        `/tasks/${taskId}/results`,
      ]);
    });
  }
});

describe('names of members of Object, from an adapter or in strings', () => {
  const MEMBERS = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];
  /** An API of the page's own whose every status is `answer`, or which throws it. */
  const api = (answer: () => Promise<TaskSnapshot>): TaskAdapter => ({
    requiresToken: false,
    getStatus: answer,
  });
  const shown = (el: TaskProgress) => shadow(el).textContent.replace(/\s+/g, ' ');

  for (const phase of MEMBERS) {
    it(`phase "${phase}" is shown as a step of processing, or as strings.phases says`, async () => {
      const answer = () => Promise.resolve({ state: 'pending', status: 'running', phase } as const);
      const { el } = await mount({ taskId: 'member-phase', adapter: api(answer) });
      const phaseText = () => parts(el, 'phase')[0]?.textContent.trim();
      await until(() => phaseText() !== 'Starting', 'the phase answered');
      // A phase the strings have no text for is processing, never a member of Object's prototype.
      expect(phaseText()).to.equal('Processing');
      // A computed key is an own key, `__proto__` too.
      el.strings = { phases: { [phase]: 'Named' } };
      await el.updateComplete;
      expect(phaseText()).to.equal('Named');
    });
  }

  for (const code of MEMBERS) {
    it(`error code "${code}" shows the default hint`, async () => {
      const answer = () => Promise.reject(new TaskApiError(code as TaskErrorCode, 'Refused.'));
      const { el } = await mount({ taskId: 'member-error', adapter: api(answer), maxRetries: 0 });
      await untilState(el, 'error');
      expect(el.error?.code).to.equal(code);
      expect(shadow(el).querySelector('.hint')?.textContent).to.equal('Check your connection, then retry.');
    });
  }

  it('a state named like a member of Object shows no script', async () => {
    const answer = () => Promise.resolve({ state: 'constructor', status: 'odd' } as unknown as TaskSnapshot);
    const { el } = await mount({ taskId: 'member-state', adapter: api(answer) });
    await until(() => el.state !== 'pending' && el.state !== 'idle', 'the answer');
    await el.updateComplete;
    expect(shown(el)).to.not.contain('native code');
    expect(shown(el)).to.not.contain('[object');
  });
});

describe('an answer redirected to another origin', () => {
  it('is refused as invalid-response, and what it says is not believed', async () => {
    // The same mock under another host name is another origin, and answers without a token.
    const foreign = await createTask({ token: null, status: [completed], results: results(3) });
    const foreignOrigin = mockApiUrl.replace('127.0.0.1', 'localhost');
    const location = `${foreignOrigin}/tasks/${foreign.taskId}/status`;
    const mounted = await follow(
      { status: [{ status: 302, headers: { Location: location } }], results: results(2) },
      { maxRetries: 1 },
    );
    await untilState(mounted.el, 'error');
    expect(mounted.el.error?.code).to.equal('invalid-response');
    expect(mounted.details('task-complete')).to.deep.equal([]);
    const own = (await requestsOf(mounted.taskId)).map((r) => r.url);
    expect(own.filter((url) => url.endsWith('/results'))).to.deep.equal([]);
    expect(await statusRequestsOf(foreign.taskId)).to.have.length(2);
  });
});
