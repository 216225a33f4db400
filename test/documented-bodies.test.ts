// The built element (dist/task-progress.min.js, after `npm run build`) follows every body the API
// documents print (mock/fixtures/) to its end, served by the mock as the API would send it.
// Nothing else on this page defines the element: what runs is the file users load.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { documented, gateway, mynthReference, mynthTutorial } from '../mock/fixtures/index.js';
import type { MockStep, Scenario } from '../mock/types.js';
import type { TaskProgress, TaskState } from '../src/index.js';
import { createTask, mockApiUrl, requestsOf } from './helpers/mock-api.js';
import { until } from './helpers/until.js';

// Imported by a URL the type checker does not follow: the file is built, not a source.
const BUILT_ELEMENT = '../dist/task-progress.min.js';
await import(BUILT_ELEMENT);

/** A documented body, as the mock sends it: its elided URLs pointed at the mock's images. */
const answer = (text: string): MockStep => ({ json: documented(text, mockApiUrl) });
type Images = { images: Record<string, unknown>[] };
const DOCUMENTED_IMAGE = `${mockApiUrl}/__mock/images/documented`;

/** Follows a task of `scenario` with the built element to `state`, with no request failing on the way. */
async function followToEnd(scenario: Scenario, state: TaskState, attributes: Record<string, string> = {}) {
  const { taskId, publicAccessToken } = await createTask(scenario);
  const el = document.createElement('task-progress');
  for (const [name, value] of Object.entries({
    'poll-interval': '50',
    'max-poll-interval': '100',
    ...attributes,
  }))
    el.setAttribute(name, value);
  Object.assign(el, { baseUrl: mockApiUrl, publicAccessToken, taskId });
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const ended = oneEvent(el, state === 'completed' ? 'task-complete' : 'task-failed');
  const errors: unknown[] = [];
  el.addEventListener('task-error', (event) => errors.push(event.detail));
  container.append(el);
  await until(() => el.state === state, `expected ${state}, is ${el.state}`);
  // Every answer was taken as it came: none was refused and asked again.
  expect(errors).to.deep.equal([]);
  return { el, taskId, detail: (await ended).detail as Record<string, unknown> };
}

const shadow = (el: TaskProgress) => el.shadowRoot as ShadowRoot;
/** The result images rendered, once each has loaded. */
async function loadedImages(el: TaskProgress) {
  const images = [...shadow(el).querySelectorAll<HTMLImageElement>('img[part="image"]')];
  await until(() => images.every((image) => image.complete && image.naturalWidth > 0), 'images load');
  return images;
}

describe('the built element follows the bodies the documents print', () => {
  it('Mynth: the reference’s status and results, cost as its decimal string', async () => {
    const { el, detail } = await followToEnd(
      {
        status: [{ times: 1, ...answer(mynthReference.status) }, answer(mynthTutorial.statuses.completed)],
        results: [answer(mynthReference.results)],
      },
      'completed',
    );
    expect(el.images).to.deep.equal([
      {
        status: 'succeeded',
        id: 'img_123',
        url: DOCUMENTED_IMAGE,
        kind: 'image',
        width: 1024,
        height: 1024,
        cost: '0.01250000',
      },
    ]);
    expect(detail.urls).to.deep.equal([DOCUMENTED_IMAGE]);
    const [image] = await loadedImages(el);
    expect(image.src).to.equal(DOCUMENTED_IMAGE);
  });

  it('Mynth: the tutorial’s union, a succeeded image without size and a failed one', async () => {
    const { el } = await followToEnd(
      { status: [answer(mynthTutorial.statuses.completed)], results: [answer(mynthTutorial.results)] },
      'completed',
    );
    expect(el.images.map((image) => image.status)).to.deep.equal(['succeeded', 'failed']);
    expect(el.images[0]).to.include({ cost: '0.01250000', id: 'img_123' });
    expect(await loadedImages(el)).to.have.length(1);
    const failed = shadow(el).querySelector('[part~="image-failed"]');
    expect(failed?.textContent).to.include('Blocked by the content filter');
  });

  it('Mynth: the full task shape’s images, served as results', async () => {
    const { result } = documented(mynthReference.task, mockApiUrl) as { result: Images };
    const { el } = await followToEnd(
      { status: [answer(mynthTutorial.statuses.completed)], results: [{ json: { images: result.images } }] },
      'completed',
    );
    expect(el.images[0]).to.include({ cost: '0.01250000', width: 1536, height: 1024 });
    expect(await loadedImages(el)).to.have.length(1);
  });

  it('Mynth: the tutorial’s failed status', async () => {
    const { detail } = await followToEnd({ status: [answer(mynthTutorial.statuses.failed)] }, 'failed');
    expect(detail).to.deep.include({
      state: 'failed',
      error: { code: 'task-failed', message: '' },
    });
  });

  it('Gateway: the create answer (no created_at), then the documented task and its asset', async () => {
    const { el } = await followToEnd(
      {
        provider: 'mindproxy',
        token: null,
        status: [{ times: 1, ...answer(gateway.created) }, answer(gateway.task)],
      },
      'completed',
      { provider: 'mindproxy' },
    );
    expect(el.images).to.deep.equal([
      { status: 'succeeded', id: '0', seed: 12345, kind: 'image', url: `${DOCUMENTED_IMAGE}/image.png` },
    ]);
    expect(await loadedImages(el)).to.have.length(1);
  });

  it('Gateway: the documented events, shown and passed on while pending', async () => {
    const { taskId, publicAccessToken } = await createTask({
      provider: 'mindproxy',
      token: null,
      status: [answer(gateway.created)],
      events: (documented(gateway.events, mockApiUrl) as { task_events: Scenario['events'] }).task_events,
    });
    const el = document.createElement('task-progress');
    el.setAttribute('provider', 'mindproxy');
    el.setAttribute('show-events', '');
    el.setAttribute('poll-interval', '50');
    Object.assign(el, { baseUrl: mockApiUrl, publicAccessToken, taskId });
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const event = oneEvent(el, 'task-event');
    container.append(el);
    expect((await event).detail).to.deep.equal({
      task_event_id: 'event-...',
      event_type: 'created',
      status: 1,
      message: 'task created',
      created_at: '2026-06-22T10:00:00Z',
    });
    await until(
      () => shadow(el).querySelector('[part="events"]')?.textContent.includes('task created'),
      'the message shows',
    );
  });

  it('Gateway: cancel sends the documented request body', async () => {
    const { taskId, publicAccessToken } = await createTask({
      provider: 'mindproxy',
      token: null,
      status: [answer(gateway.created)],
    });
    const el = document.createElement('task-progress');
    el.setAttribute('provider', 'mindproxy');
    el.setAttribute('cancelable', '');
    el.setAttribute('poll-interval', '50');
    Object.assign(el, { baseUrl: mockApiUrl, publicAccessToken, taskId });
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.append(el);
    await until(() => el.state === 'pending', 'pending');
    el.cancel();
    await until(() => el.state === 'cancelled', `expected cancelled, is ${el.state}`);
    const [cancel] = (await requestsOf(taskId)).filter((request) => request.url.endsWith('/cancel'));
    const sent = JSON.parse(cancel.body ?? '') as Record<string, unknown>;
    expect(Object.keys(sent)).to.deep.equal(Object.keys(JSON.parse(gateway.cancel) as object));
    expect(sent.reason).to.be.a('string').with.length.above(0);
  });
});
