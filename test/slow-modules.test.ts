// A slow network (SPEC §9, v4; docs/behaviour.md, "Resuming after a reload"): the element's own
// file has arrived and every module it loads on first need (the task memory, the viewer, the
// translations) is held back by the test server until the test releases it. The task is
// remembered all the same, the moment it is known; only reading it back waits for its module.
// Each module is held from the first time this page asks for it, so this file is a page of its own.
import { expect, fixture, html } from '@open-wc/testing';
import type { TaskProgress } from '../src/index.js';
import { pending, recordEvents, untilState } from './helpers/element.js';
import { holdModules } from './helpers/beside-modules.js';
import { createTask, mockApiUrl, startEndpoint, statusRequestsOf } from './helpers/mock-api.js';
import { until } from './helpers/until.js';

const PREFIX = 'task-progress:task:';
const stored = () =>
  Object.keys(sessionStorage)
    .filter((key) => key.startsWith(PREFIX))
    .sort()
    .map((key) => JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, unknown>);

/** An element with `attributes`, as the page's HTML has them, polling the mock fast. */
async function connect(attributes: Record<string, string>, props: Partial<TaskProgress> = {}) {
  const container = await fixture<HTMLDivElement>(html`<div><form id="gen-form"></form></div>`);
  const el = document.createElement('task-progress');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  Object.assign(el, { baseUrl: mockApiUrl, pollInterval: 50, maxPollInterval: 200, ...props });
  const events = recordEvents(el);
  container.append(el);
  await el.updateComplete;
  return { el, events, container };
}

describe('remember-task while the modules loaded on first need are held back', () => {
  afterEach(async () => {
    await holdModules('DELETE');
    sessionStorage.clear();
  });

  // One test: once a module has arrived, the page has it, and nothing would be held any more.
  it('keeps the task the moment it is known, and a reload follows it once its module arrives', async () => {
    // The zero-JS start's module is there: its own wait is test/slow-start.test.ts.
    await import('../src/form-start.js');
    await holdModules('POST');
    const [set, started] = await Promise.all([
      createTask({ status: [pending] }),
      createTask({ status: [pending] }),
    ]);
    const { url: startUrl } = await startEndpoint([{ json: started }]);
    const byId = { id: 'gen', 'remember-task': '', lang: 'de', viewer: '' };
    const byForm = { form: 'gen-form', 'start-url': startUrl, 'remember-task': '' };

    // A task id the page set: kept by its first status answer.
    const first = await connect(byId, set);
    await until(async () => (await statusRequestsOf(set.taskId)).length >= 1, 'the first status request');
    await untilState(first.el, 'pending');
    // A task started through start-url: kept from the start answer on.
    const second = await connect(byForm);
    second.el.start({ prompt: 'a cat' });
    await until(() => second.events.some((event) => event.type === 'task-start'), 'the start answer');
    await second.el.updateComplete;

    const kept = stored();
    expect(
      kept.map(({ taskId, token, provider, baseUrl }) => ({ taskId, token, provider, baseUrl })),
    ).to.deep.equal(
      [set, started].map(({ taskId, publicAccessToken }) => ({
        taskId,
        token: publicAccessToken,
        provider: 'mynth',
        baseUrl: mockApiUrl,
      })),
    );
    for (const { startedAt } of kept) expect(startedAt).to.be.a('number');

    // The reload, on the same slow network: the memory is kept while it cannot be read back yet.
    first.el.remove();
    second.el.remove();
    const again = [(await connect({ id: 'gen', 'remember-task': '' })).el, (await connect(byForm)).el];
    // The task memory's module is still held, so nothing is read back yet, and nothing is lost.
    expect(stored()).to.deep.equal(kept);
    const before = (await statusRequestsOf(set.taskId)).length;
    await holdModules('DELETE');
    await until(
      () => again[0].taskId === set.taskId && again[1].taskId === started.taskId,
      'the remembered tasks, once their module arrived',
    );
    await until(
      async () => (await statusRequestsOf(set.taskId)).length > before,
      'a status request of the same task',
    );
    expect(again.map((el) => el.state)).to.deep.equal(['pending', 'pending']);
  });
});
