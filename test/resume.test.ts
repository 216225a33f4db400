// Resuming after a reload (SPEC §9; docs/behaviour.md, "Resuming after a reload"): with
// `remember-task`, an element that connects with no task of its own follows the one an element of
// the same `id` (else `form` and `start-url`) followed before, as a reload does; in a real browser
// against the mock, the elapsed time on the fake clock.
import { expect, fixture, html } from '@open-wc/testing';
import type { Scenario } from '../mock/types.js';
import type { FollowEnvironment } from '../src/engine/index.js';
import type { TaskProgress } from '../src/index.js';
import { browserEnvironment, useEnvironment } from '../src/page-engine.js';
import { createTask, mockApiUrl, requestsOf, startEndpoint, statusRequestsOf } from './helpers/mock-api.js';
import { completed, parts, pending, results, untilState } from './helpers/element.js';
import { fakeClock, realClock } from './helpers/fake-clock.js';
import { until } from './helpers/until.js';

type Props = Partial<
  Pick<TaskProgress, 'taskId' | 'publicAccessToken' | 'startUrl' | 'maxPollInterval' | 'baseUrl'>
>;

const PREFIX = 'task-progress:task:';
const remembered = () => Object.keys(sessionStorage).filter((key) => key.startsWith(PREFIX));

/**
 * Connects an element with `attributes` (as a page's HTML has them before it upgrades) and `props`,
 * polling the mock fast; a reload is this again after the element before was removed.
 */
async function connect(attributes: Record<string, string>, props: Props = {}, parent?: HTMLElement) {
  const container = parent ?? (await fixture<HTMLDivElement>(html`<div></div>`));
  const el = document.createElement('task-progress');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  Object.assign(el, { baseUrl: mockApiUrl, pollInterval: 50, maxPollInterval: 200, ...props });
  container.append(el);
  await el.updateComplete;
  return el;
}

/** A new task on the mock, followed by an element `gen` that remembers it. */
async function followRemembered(scenario: Scenario, props: Props = {}) {
  const task = await createTask(scenario);
  const el = await connect({ id: 'gen', 'remember-task': '' }, { ...task, ...props });
  return { task, el };
}

/**
 * The page reloaded: the element removed, a new engine (on `env`, the page's clock unless told) as
 * a new page has, and a new element of the same id connected.
 */
async function reload(before: TaskProgress, env: FollowEnvironment = browserEnvironment) {
  before.remove();
  useEnvironment(env);
  return connect({ id: 'gen', 'remember-task': '' });
}

const elapsedText = (el: TaskProgress) => parts(el, 'elapsed')[0]?.textContent.trim();

describe('resume: remember-task', () => {
  afterEach(() => {
    realClock();
    sessionStorage.clear();
  });

  it('a pending task goes on after a reload, its elapsed time counted from when it started', async () => {
    const env = fakeClock();
    const { task, el } = await followRemembered({ status: [pending] }, { maxPollInterval: 3_600_000 });
    await until(
      () => el.state === 'pending' && parts(el, 'phase')[0]?.textContent.trim() !== 'Starting',
      'pending',
    );
    await env.advance(65_000);
    await el.updateComplete;
    expect(elapsedText(el)).to.equal('1:05');
    const before = (await statusRequestsOf(task.taskId)).length;

    await until(() => remembered().length === 1, 'the task remembered');
    const again = await reload(el, env);
    await until(() => again.taskId === task.taskId, 'the remembered task');
    await until(
      async () => (await statusRequestsOf(task.taskId)).length > before,
      'a status request of the same task',
    );
    await again.updateComplete;
    expect(again.state).to.equal('pending');
    expect(elapsedText(again)).to.equal('1:05');
    await env.advance(5000);
    await again.updateComplete;
    expect(elapsedText(again)).to.equal('1:10');
  });

  it('a completed task shows its results again', async () => {
    const { task, el } = await followRemembered({ status: [completed], results: results(2) });
    await untilState(el, 'completed');
    await until(() => remembered().length === 1, 'the task remembered');
    const again = await reload(el);
    await untilState(again, 'completed');
    expect(parts(again, 'image')).to.have.length(2);
    const log = await requestsOf(task.taskId);
    expect(
      log.filter((request) => request.url.endsWith('/results')),
      'asked again',
    ).to.have.length(2);
  });

  it('a task that failed shows that it failed', async () => {
    const { el } = await followRemembered({ status: [{ json: { status: 'failed', error: 'Blocked' } }] });
    await untilState(el, 'failed');
    await until(() => remembered().length === 1, 'the task remembered');
    const again = await reload(el);
    await untilState(again, 'failed');
    expect(parts(again, 'error')[0]?.textContent).to.contain('Blocked');
  });

  it('after a zero-JS start, follows the same task with no new start request', async () => {
    const task = await createTask({ status: [pending] });
    const endpoint = await startEndpoint([{ json: task }]);
    const startUrl = endpoint.url;
    const container = await fixture<HTMLDivElement>(
      html`<div>
        <form id="gen-form"><button>Generate</button></form>
      </div>`,
    );
    const attributes = { form: 'gen-form', 'start-url': startUrl, 'remember-task': '' };
    const el = await connect(attributes, {}, container);
    container.querySelector('button')?.click();
    await until(() => el.taskId === task.taskId && el.state === 'pending', 'the started task');
    await until(() => remembered().length === 1, 'the task remembered');

    el.remove();
    const again = await connect(attributes, {}, container);
    await until(() => again.taskId === task.taskId, 'the remembered task');
    await until(async () => (await statusRequestsOf(task.taskId)).length >= 2, 'status requests');
    const starts = (await endpoint.requests()).filter((request) => request.method === 'POST');
    expect(starts, 'one start request in all').to.have.length(1);
  });

  it('a new submit replaces the remembered task with the new one', async () => {
    const [first, second] = await Promise.all([
      createTask({ status: [pending] }),
      createTask({ status: [pending] }),
    ]);
    const { url: startUrl } = await startEndpoint([{ times: 1, json: first }, { json: second }]);
    const container = await fixture<HTMLDivElement>(
      html`<div>
        <form id="gen-form"><button>Generate</button></form>
      </div>`,
    );
    const el = await connect({ form: 'gen-form', 'start-url': startUrl, 'remember-task': '' }, {}, container);
    const button = container.querySelector('button');
    button?.click();
    await until(
      () => sessionStorage.getItem(remembered()[0] ?? '')?.includes(first.taskId),
      'the first task remembered',
    );
    await until(() => !button?.disabled, 'the form enabled again');
    button?.click();
    await until(() => el.taskId === second.taskId, 'the second task followed');
    await until(
      () => sessionStorage.getItem(remembered()[0])?.includes(second.taskId),
      'the second task remembered',
    );
    expect(remembered()).to.have.length(1);
  });

  it('keeps only the task id, its token, the provider, the base URL and when it started', async () => {
    const { task, el } = await followRemembered({ status: [pending] });
    await until(() => remembered().length === 1, 'the task remembered');
    const stored = JSON.parse(sessionStorage.getItem(remembered()[0]) ?? '{}') as Record<string, unknown>;
    expect(Object.keys(stored).sort()).to.deep.equal(['baseUrl', 'provider', 'startedAt', 'taskId', 'token']);
    expect(stored).to.deep.include({
      taskId: task.taskId,
      token: task.publicAccessToken,
      provider: 'mynth',
      baseUrl: mockApiUrl,
    });
    el.remove();
  });

  it('a task id the page sets wins over the remembered one, and replaces it', async () => {
    const { task, el } = await followRemembered({ status: [pending] });
    await until(() => remembered().length === 1, 'the task remembered');
    el.remove();
    const other = await createTask({ status: [pending] });
    const again = await connect({ id: 'gen', 'remember-task': '' }, other);
    expect(again.taskId).to.equal(other.taskId);
    await until(
      () => sessionStorage.getItem(remembered()[0])?.includes(other.taskId),
      'the new task remembered in place of the old',
    );
    expect(remembered()).to.have.length(1);
    expect(sessionStorage.getItem(remembered()[0])).to.not.contain(task.taskId);
  });

  it('stores nothing without remember-task, or without an id, a form or a start-url to name it by', async () => {
    const task = await createTask({ status: [pending] });
    const plain = await connect({ id: 'gen' }, task);
    const nameless = await connect({ 'remember-task': '' }, task);
    // An element that does remember, connected last: once it has, the others have had their turn.
    await connect({ id: 'control', 'remember-task': '' }, task);
    await until(() => remembered().length > 0, 'the control remembered');
    await Promise.all([plain.updateComplete, nameless.updateComplete]);
    expect(Object.keys(sessionStorage)).to.deep.equal([`${PREFIX}${JSON.stringify(['control'])}`]);
  });

  it('storage that throws is ignored: the task is followed to its end', async () => {
    const { setItem, getItem } = Storage.prototype;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    let reads = 0;
    Storage.prototype.getItem = () => {
      reads++;
      throw new DOMException('denied', 'SecurityError');
    };
    try {
      const { el } = await followRemembered({
        status: [{ times: 2, ...pending }, completed],
        results: results(1),
      });
      await untilState(el, 'completed');
      const again = await reload(el);
      await until(() => reads > 0, 'the storage asked');
      await again.updateComplete;
      expect(again.state).to.equal('idle');
    } finally {
      Object.assign(Storage.prototype, { setItem, getItem });
    }
  });

  it('a remembered token that is refused is handled as any 401', async () => {
    const task = await createTask({ status: [pending] });
    const record = {
      taskId: task.taskId,
      token: 'pat_revoked',
      provider: 'mynth',
      baseUrl: mockApiUrl,
      startedAt: Date.now(),
    };
    sessionStorage.setItem(`${PREFIX}${JSON.stringify(['gen'])}`, JSON.stringify(record));
    const el = await connect({ id: 'gen', 'remember-task': '' });
    await untilState(el, 'error');
    expect(el.error?.code).to.equal('unauthorized');
  });

  /** Stores `record` as the task of element `gen`; resolves how often the storage is read from then on. */
  function remember(record: Record<string, unknown>) {
    sessionStorage.setItem(`${PREFIX}${JSON.stringify(['gen'])}`, JSON.stringify(record));
    const { getItem } = Storage.prototype;
    const counted = { reads: 0, restore: () => (Storage.prototype.getItem = getItem) };
    Storage.prototype.getItem = function (this: Storage, key: string) {
      counted.reads++;
      return getItem.call(this, key);
    };
    return counted;
  }

  const foreignOrigin = mockApiUrl.replace('127.0.0.1', 'localhost');
  for (const [name, storedBase, ownBase] of [
    ['another origin than its base-url', foreignOrigin, mockApiUrl],
    ['another origin than its provider’s own', mockApiUrl, undefined],
  ] as const) {
    it(`a remembered task at ${name} is not followed: no token goes there`, async () => {
      const task = await createTask({ status: [pending] });
      const record = { taskId: task.taskId, token: task.publicAccessToken, provider: 'mynth' };
      const storage = remember({ ...record, baseUrl: storedBase, startedAt: Date.now() });
      try {
        const el = await connect(
          { id: 'gen', 'remember-task': '' },
          { baseUrl: ownBase, publicAccessToken: 'pat_page' },
        );
        await until(() => storage.reads > 0, 'the record read');
        await el.updateComplete;
        expect(el.taskId).to.equal(undefined);
        expect(el.state).to.equal('idle');
        expect(await requestsOf(task.taskId)).to.deep.equal([]);
      } finally {
        storage.restore();
      }
    });
  }

  it('a remembered base URL with a trailing slash is the same origin, and its paths have one slash', async () => {
    const task = await createTask({ status: [pending] });
    const record = { taskId: task.taskId, token: task.publicAccessToken, provider: 'mynth' };
    remember({ ...record, baseUrl: `${mockApiUrl}/`, startedAt: Date.now() }).restore();
    const el = await connect({ id: 'gen', 'remember-task': '' });
    await until(() => el.taskId === task.taskId, 'the remembered task');
    await until(async () => (await requestsOf(task.taskId)).length > 0, 'a request of the task');
    const paths = new Set((await requestsOf(task.taskId)).map((request) => request.url));
    expect([...paths]).to.deep.equal([`/tasks/${task.taskId}/status`]);
  });

  for (const [name, startedAt] of [
    ['1', () => 1],
    ['-1e300', () => -1e300],
    ['a minute to come', (now: number) => now + 60_000],
    ['two days ago', (now: number) => now - 2 * 86_400_000],
  ] as const) {
    it(`a remembered start that is not a plausible past time (${name}) is not used: the time counts from the reload`, async () => {
      const env = fakeClock();
      const task = await createTask({ status: [pending] });
      const record = { taskId: task.taskId, token: task.publicAccessToken, provider: 'mynth' };
      remember({ ...record, baseUrl: mockApiUrl, startedAt: startedAt(env.now()) }).restore();
      const el = await connect({ id: 'gen', 'remember-task': '' }, { maxPollInterval: 3_600_000 });
      await until(() => el.taskId === task.taskId && el.state === 'pending', 'the remembered task');
      await el.updateComplete;
      expect(elapsedText(el)).to.equal('0:00');
      await env.advance(5000);
      await el.updateComplete;
      expect(elapsedText(el)).to.equal('0:05');
    });
  }

  it('a remembered record that is not one is ignored', async () => {
    sessionStorage.setItem(
      `${PREFIX}${JSON.stringify(['gen'])}`,
      JSON.stringify({ taskId: 5, provider: 'mynth' }),
    );
    const { getItem } = Storage.prototype;
    let reads = 0;
    Storage.prototype.getItem = function (this: Storage, key: string) {
      reads++;
      return getItem.call(this, key);
    };
    try {
      const el = await connect({ id: 'gen', 'remember-task': '' });
      await until(() => reads > 0, 'the record read');
      await el.updateComplete;
      expect(el.taskId).to.equal(undefined);
      expect(el.state).to.equal('idle');
    } finally {
      Storage.prototype.getItem = getItem;
    }
  });
});
