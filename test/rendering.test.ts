import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { noMediaEmulation } from './helpers/engines.js';
import { mynthResults } from '../mock/bodies.js';
import type {
  TaskAdapter,
  TaskImage,
  TaskProgress,
  TaskProgressStringsOverride,
  TaskState,
  TaskStateChangeEvent,
} from '../src/index.js';
import type { AdapterContext, SucceededImage, TaskSnapshot } from '../src/types.js';
import { mockApiUrl, requestsOf, statusRequestsOf } from './helpers/mock-api.js';
import {
  EVENT_TYPES,
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
import { HOUR, realClock, watchedClock } from './helpers/fake-clock.js';
import { until } from './helpers/until.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  realClock();
});

/** Records every element event that reaches the document, i.e. that bubbles out of the shadow tree. */
function onDocument() {
  const events: CustomEvent[] = [];
  const record = (event: Event) => events.push(event as CustomEvent);
  for (const type of EVENT_TYPES) document.addEventListener(type, record);
  cleanups.push(() => {
    for (const type of EVENT_TYPES) document.removeEventListener(type, record);
  });
  const of = (type: string) => events.filter((event) => event.type === type);
  return {
    events,
    of,
    details: <T = Record<string, unknown>>(type: string) => of(type).map((e) => e.detail as T),
  };
}

/** Calls `handler` for `type` on the document for the rest of the test. */
function whileTesting(type: string, handler: (event: CustomEvent) => void) {
  const listener = (event: Event) => handler(event as CustomEvent);
  document.addEventListener(type, listener);
  cleanups.push(() => document.removeEventListener(type, listener));
}

function expectBubblingComposed(events: CustomEvent[], el: TaskProgress) {
  expect(events.length).to.be.greaterThan(0);
  for (const event of events) {
    expect(event.bubbles, `${event.type} bubbles`).to.equal(true);
    expect(event.composed, `${event.type} composed`).to.equal(true);
    expect(event.target, `${event.type} target`).to.equal(el);
  }
}

function one(el: TaskProgress, name: string): HTMLElement {
  const found = parts(el, name);
  expect(found, `part ${name}`).to.have.length(1);
  return found[0];
}

function present<T>(value: T | null | undefined, what: string): T {
  expect(value === null || value === undefined, `${what} exists`).to.equal(false);
  return value as T;
}

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function statusRegion(el: TaskProgress) {
  return one(el, 'status');
}

/** Whether an element takes part in the layout (assigned slot content, or a rendered fallback). */
function isRendered(node: Element): boolean {
  return node.getClientRects().length > 0;
}

const notFound = { status: 404, json: { error: 'not found' } };

describe('rendering: each state', () => {
  it('idle without a task id renders only the status region', async () => {
    const { el } = await mount();
    expect(el.state).to.equal('idle');
    expect(el.getAttribute('state')).to.equal('idle');
    expect(el.hasAttribute('aria-busy')).to.equal(false);
    const status = statusRegion(el);
    expect(status.getAttribute('role')).to.equal('status');
    expect(text(status)).to.equal('');
    const base = one(el, 'base');
    expect([...base.children]).to.deep.equal([status]);
    for (const name of [
      'progress',
      'phase',
      'elapsed',
      'grid',
      'message',
      'error',
      'retry-button',
      'cancel-button',
    ])
      expect(parts(el, name), name).to.have.length(0);
    // Heard, not seen.
    const box = status.getBoundingClientRect();
    expect(box.width * box.height).to.be.at.most(1);
  });

  it('idle with a task id but no token renders nothing and makes no request', async () => {
    const { env, sent } = watchedClock();
    const { el, taskId } = await follow({ status: [pending] }, { publicAccessToken: undefined });
    await env.advance(HOUR);
    expect(sent).to.deep.equal([]);
    expect(el.state).to.equal('idle');
    expect(el.getAttribute('state')).to.equal('idle');
    expect([...one(el, 'base').children]).to.deep.equal([statusRegion(el)]);
    expect(await requestsOf(taskId)).to.have.length(0);
  });

  it('pending shows a labelled progress bar, the phase and the elapsed time; the host is busy', async () => {
    const { el, taskId } = await follow({ status: [pending] });
    expect(el.state).to.equal('pending');
    await untilRequests(taskId, 2);
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('pending');
    expect(el.getAttribute('aria-busy')).to.equal('true');
    const progress = one(el, 'progress');
    expect(progress.getAttribute('role')).to.equal('progressbar');
    expect(progress.getAttribute('aria-label')).to.equal('Generation progress');
    // A pending answer from Mynth means the task is processing.
    expect(text(one(el, 'phase'))).to.equal('Processing');
    expect(text(one(el, 'elapsed'))).to.match(/^\d+:\d{2}$/);
    expect(text(statusRegion(el))).to.equal('Generating…');
    expect(parts(el, 'grid')).to.have.length(0);
    expect(parts(el, 'retry-button')).to.have.length(0);
    // No Cancel button unless `cancelable`.
    expect(parts(el, 'cancel-button')).to.have.length(0);
  });

  it('completed shows the grid of tiles and drops aria-busy', async () => {
    const { el } = await follow({
      status: [{ times: 1, ...pending }, completed],
      results: results(3),
    });
    expect(el.getAttribute('aria-busy')).to.equal('true');
    await untilState(el, 'completed');
    expect(el.getAttribute('state')).to.equal('completed');
    expect(el.hasAttribute('aria-busy')).to.equal(false);
    const grid = one(el, 'grid');
    expect(grid.querySelectorAll('[part~="tile"]')).to.have.length(3);
    expect(parts(el, 'image')).to.have.length(3);
    expect(text(statusRegion(el))).to.equal('Generation complete.');
    for (const name of ['progress', 'phase', 'elapsed', 'retry-button', 'message'])
      expect(parts(el, name), name).to.have.length(0);
  });

  it('failed shows the message, the task error and a Retry button', async () => {
    const { el } = await follow({
      status: [{ json: { status: 'failed', error: 'Blocked by the content filter' } }],
    });
    await untilState(el, 'failed');
    expect(el.getAttribute('state')).to.equal('failed');
    expect(el.hasAttribute('aria-busy')).to.equal(false);
    expect(text(one(el, 'message'))).to.equal('The generation failed.');
    expect(text(one(el, 'error'))).to.equal('Blocked by the content filter');
    const retry = one(el, 'retry-button');
    expect(retry.tagName).to.equal('BUTTON');
    expect(text(retry)).to.equal('Retry');
    expect(text(statusRegion(el))).to.equal('Generation failed.');
    expect(parts(el, 'progress')).to.have.length(0);
  });

  it('error (404) shows the message, the error and a Retry button', async () => {
    const { el } = await follow({ status: [notFound] });
    await untilState(el, 'error');
    expect(el.getAttribute('state')).to.equal('error');
    expect(el.hasAttribute('aria-busy')).to.equal(false);
    expect(el.error?.code).to.equal('not-found');
    expect(text(one(el, 'message'))).to.equal('Could not follow the generation.');
    // The element's own message, in the page's language; the error keeps the request's.
    expect(text(one(el, 'error'))).to.equal('The server answered with an error (HTTP 404).');
    expect(el.error?.message).to.equal('HTTP 404');
    const retry = one(el, 'retry-button');
    expect(retry.tagName).to.equal('BUTTON');
    expect(retry.getAttribute('type')).to.equal('button');
    expect(text(statusRegion(el))).to.equal('Could not follow the generation.');
  });

  it('cancelled (mynth, by the user) shows the ended message and a Retry button', async () => {
    const { el } = await follow({ status: [pending] }, { cancelable: true });
    el.cancel();
    await untilState(el, 'cancelled');
    expect(el.getAttribute('state')).to.equal('cancelled');
    expect(el.hasAttribute('aria-busy')).to.equal(false);
    expect(text(one(el, 'message'))).to.equal('The generation was cancelled.');
    expect(one(el, 'retry-button').tagName).to.equal('BUTTON');
    expect(parts(el, 'cancel-button')).to.have.length(0);
  });
});

describe('rendering: events', () => {
  it('tells each state after rendering it: a listener finds that state in the DOM', async () => {
    const seen: [TaskState, string[]][] = [];
    const rendered = (el: TaskProgress) =>
      ['progress', 'grid', 'message', 'retry-button'].filter((name) => parts(el, name).length > 0);
    whileTesting('task-state-change', (event: TaskStateChangeEvent) => {
      const target = event.target as TaskProgress;
      seen.push([event.detail.state, rendered(target)]);
    });
    const ok = await follow({ status: [{ times: 1, ...pending }, completed], results: results(1) });
    await untilState(ok.el, 'completed');
    const lost = await follow({ status: [notFound] });
    await untilState(lost.el, 'error');
    const failed = await follow({ status: [{ json: { status: 'failed', error: 'no' } }] });
    await untilState(failed.el, 'failed');
    await until(() => seen.at(-1)?.[0] === 'failed', 'the failed state told');
    expect(seen).to.deep.equal([
      ['pending', ['progress']],
      ['completed', ['grid']],
      ['pending', ['progress']],
      ['error', ['message', 'retry-button']],
      ['pending', ['progress']],
      ['failed', ['message', 'retry-button']],
    ]);
  });

  it('task-complete and task-failed come once per task id: moved, re-rendered, connected twice', async () => {
    const doc = onDocument();
    const done = await follow({ status: [{ times: 2, ...pending }, completed], results: results(1) });
    // Connected twice while pending, as a framework's double mount does.
    const parent = present(done.el.parentElement, 'a parent');
    done.el.remove();
    parent.append(done.el);
    await untilState(done.el, 'completed');
    const ended = await follow({ status: [{ json: { status: 'failed', error: 'no' } }] });
    await untilState(ended.el, 'failed');
    for (const { el, taskId } of [done, ended]) {
      const other = document.createElement('div');
      document.body.append(other);
      other.append(el); // moved
      el.requestUpdate(); // re-rendered
      await el.updateComplete;
      el.taskId = '';
      await el.updateComplete;
      el.taskId = taskId; // the same task again
      await el.updateComplete;
      await untilState(el, done.el === el ? 'completed' : 'failed');
      other.remove();
    }
    expect(doc.details('task-complete').map((d) => d.taskId)).to.deep.equal([done.taskId]);
    expect(doc.details('task-failed').map((d) => d.taskId)).to.deep.equal([ended.taskId]);
  });

  it('task-state-change reports each change in order with its raw status', async () => {
    const doc = onDocument();
    const { el, taskId } = await follow({
      status: [{ times: 2, ...pending }, completed],
      results: results(2),
    });
    await untilState(el, 'completed');
    expect(doc.details('task-state-change')).to.deep.equal([
      { taskId, state: 'pending', previousState: 'idle', status: undefined },
      { taskId, state: 'completed', previousState: 'pending', status: 'completed' },
    ]);
    expectBubblingComposed(doc.events, el);
  });

  it('task-complete fires once, after the grid is rendered, with the succeeded URLs only', async () => {
    const doc = onDocument();
    const seenInListener: { images: number; grid: number }[] = [];
    whileTesting('task-complete', (event) => {
      const target = event.target as TaskProgress;
      seenInListener.push({ images: parts(target, 'image').length, grid: parts(target, 'grid').length });
    });
    // The body itself is kept: the expected URLs are read from it.
    const body = mynthResults(mockApiUrl, 4, { failed: [1] });
    const mounted = await follow({
      status: [{ times: 1, ...pending }, completed],
      results: [{ json: body }],
    });
    const { el } = mounted;
    await untilState(el, 'completed');
    await until(() => doc.of('task-complete').length > 0, 'task-complete');
    // Later renders do not announce the results again.
    el.requestUpdate();
    await el.updateComplete;
    expect(doc.of('task-complete')).to.have.length(1);
    expect(seenInListener).to.deep.equal([{ images: 3, grid: 1 }]);
    const detail = doc.details<{ taskId: string; images: TaskImage[]; urls: string[] }>('task-complete')[0];
    expect(detail.taskId).to.equal(mounted.taskId);
    expect(detail.images).to.deep.equal(el.images);
    expect(detail.images.map((image) => image.status)).to.deep.equal([
      'succeeded',
      'failed',
      'succeeded',
      'succeeded',
    ]);
    const expectedUrls = body.images.flatMap((image) => ('url' in image ? [image.url] : []));
    expect(detail.urls).to.deep.equal(expectedUrls);
    expectBubblingComposed(doc.events, el);
  });

  it('task-failed carries the state and the error', async () => {
    const doc = onDocument();
    const { el, taskId } = await follow({
      status: [{ json: { status: 'failed', error: 'Out of credits' } }],
    });
    await untilState(el, 'failed');
    expect(doc.details('task-failed')).to.deep.equal([
      { taskId, state: 'failed', error: { code: 'task-failed', message: 'Out of credits' } },
    ]);
    expect(doc.details('task-state-change').map((d) => [d.previousState, d.state, d.status])).to.deep.equal([
      ['idle', 'pending', undefined],
      ['pending', 'failed', 'failed'],
    ]);
    expect(doc.of('task-complete')).to.have.length(0);
    expectBubblingComposed(doc.events, el);
  });

  it('task-error reports a 500 that will be retried, and the task still completes', async () => {
    const doc = onDocument();
    const { el, taskId } = await follow({
      status: [{ times: 1, status: 500, json: { error: 'boom' } }, completed],
      results: results(1),
    });
    await untilState(el, 'completed');
    const errors = doc.details<{ taskId: string; error: Record<string, unknown>; willRetry: boolean }>(
      'task-error',
    );
    expect(errors).to.have.length(1);
    expect(errors[0].taskId).to.equal(taskId);
    expect(errors[0].willRetry).to.equal(true);
    expect(errors[0].error).to.include({ code: 'http', httpStatus: 500 });
    expect(errors[0].error.message).to.be.a('string').and.not.equal('');
    expect(doc.details('task-state-change').map((d) => d.state)).to.deep.equal(['pending', 'completed']);
    expectBubblingComposed(doc.events, el);
  });

  it('task-retry prevented in error keeps the error and asks nothing; allowed, it resumes to completed', async () => {
    const doc = onDocument();
    const { env, sent } = watchedClock();
    const { el, taskId } = await follow({
      status: [{ times: 1, ...notFound }, completed],
      results: results(2),
    });
    await untilState(el, 'error');
    const before = sent.length;

    let prevent = true;
    whileTesting('task-retry', (event) => {
      if (prevent) event.preventDefault();
    });
    one(el, 'retry-button').click();
    expect(el.state).to.equal('error');
    await env.advance(HOUR);
    expect(el.state).to.equal('error');
    expect(sent).to.have.length(before);
    expect(doc.details('task-retry')).to.deep.equal([{ taskId, state: 'error' }]);
    expect(doc.of('task-retry')[0].defaultPrevented).to.equal(true);

    prevent = false;
    one(el, 'retry-button').click();
    await untilState(el, 'completed');
    expect(doc.details('task-retry')).to.deep.equal([
      { taskId, state: 'error' },
      { taskId, state: 'error' },
    ]);
    expect(doc.of('task-retry')[1].defaultPrevented).to.equal(false);
    expect(doc.details('task-state-change').map((d) => d.state)).to.deep.equal([
      'pending',
      'error',
      'pending',
      'completed',
    ]);
    expect(parts(el, 'image')).to.have.length(2);
    expectBubblingComposed(doc.events, el);
  });

  it('task-retry in failed only tells the page (no request, the state stays)', async () => {
    const doc = onDocument();
    const { env, sent } = watchedClock();
    const { el, taskId } = await follow({ status: [{ json: { status: 'failed' } }] });
    await untilState(el, 'failed');
    const before = sent.length;
    one(el, 'retry-button').click();
    expect(doc.details('task-retry')).to.deep.equal([{ taskId, state: 'failed' }]);
    expect(doc.of('task-retry')[0].cancelable).to.equal(true);
    await env.advance(HOUR);
    expect(el.state).to.equal('failed');
    expect(sent).to.have.length(before);
  });

  it('task-cancel prevented keeps pending and polling', async () => {
    const doc = onDocument();
    whileTesting('task-cancel', (event) => event.preventDefault());
    const { el, taskId } = await follow({ status: [pending] }, { cancelable: true });
    const button = one(el, 'cancel-button');
    expect(button.tagName).to.equal('BUTTON');
    expect(text(button)).to.equal('Cancel');
    button.click();
    expect(doc.details('task-cancel')).to.deep.equal([{ taskId }]);
    expect(doc.of('task-cancel')[0].defaultPrevented).to.equal(true);
    expect(el.state).to.equal('pending');
    const before = (await statusRequestsOf(taskId)).length;
    await untilRequests(taskId, before + 2);
    expect(el.state).to.equal('pending');
    expect(doc.of('task-failed')).to.have.length(0);
    expectBubblingComposed(doc.events, el);
  });

  it('task-cancel allowed ends in cancelled with task-failed, and stops requesting', async () => {
    const doc = onDocument();
    const { env, sent } = watchedClock();
    const { el, taskId } = await follow({ status: [pending] }, { cancelable: true });
    await untilFirstStatus(el);
    one(el, 'cancel-button').click();
    expect(doc.details('task-cancel')).to.deep.equal([{ taskId }]);
    expect(doc.of('task-cancel')[0].cancelable).to.equal(true);
    expect(el.state).to.equal('cancelled');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('cancelled');
    expect(doc.details('task-failed')).to.deep.equal([{ taskId, state: 'cancelled', error: null }]);
    expect(doc.details('task-state-change').at(-1)).to.deep.include({
      state: 'cancelled',
      previousState: 'pending',
    });
    const atCancel = sent.length;
    await env.advance(HOUR);
    expect(sent).to.have.length(atCancel);
    expect(el.state).to.equal('cancelled');
    expectBubblingComposed(doc.events, el);
  });

  describe('task-image-click', () => {
    /** Completed with four results, the second failed: the links stand for images 0, 2 and 3. */
    async function completedWithLinks() {
      const doc = onDocument();
      const mounted = await follow({
        status: [completed],
        results: results(4, { failed: [1] }),
      });
      await untilState(mounted.el, 'completed');
      const links = [...shadow(mounted.el).querySelectorAll<HTMLAnchorElement>('a')];
      expect(links).to.have.length(3);
      // Runs after the element's own click handler: records its verdict, then keeps the test page.
      const verdicts: boolean[] = [];
      for (const link of links) {
        link.addEventListener('click', (event) => {
          verdicts.push(event.defaultPrevented);
          event.preventDefault();
        });
      }
      return { ...mounted, doc, links, verdicts };
    }

    it('a click fires it with the image and its index; not prevented, the link opens in a new tab', async () => {
      const { el, taskId, doc, links, verdicts } = await completedWithLinks();
      const link = links[1];
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(link.getAttribute('href')).to.equal((el.images[2] as { url: string }).url);
      link.click();
      expect(doc.details('task-image-click')).to.deep.equal([{ taskId, image: el.images[2], index: 2 }]);
      expect(doc.of('task-image-click')[0].cancelable).to.equal(true);
      expect(verdicts).to.deep.equal([false]);
      expectBubblingComposed(doc.events, el);
    });

    it('prevented, the click does not open the link', async () => {
      const { el, taskId, doc, links, verdicts } = await completedWithLinks();
      whileTesting('task-image-click', (event) => event.preventDefault());
      links[0].click();
      expect(doc.details('task-image-click')).to.deep.equal([{ taskId, image: el.images[0], index: 0 }]);
      expect(verdicts).to.deep.equal([true]);
    });

    it('Enter on a focused tile fires it too', async () => {
      const { el, taskId, doc, links, verdicts } = await completedWithLinks();
      links[2].focus();
      expect(shadow(el).activeElement).to.equal(links[2]);
      await sendKeys({ press: 'Enter' });
      await until(() => doc.of('task-image-click').length > 0, 'task-image-click after Enter');
      expect(doc.details('task-image-click')).to.deep.equal([{ taskId, image: el.images[3], index: 3 }]);
      expect(verdicts).to.deep.equal([false]);
    });
  });
});

describe('rendering: images', () => {
  it('alt text numbers the images from the alt base; the alt attribute changes the base', async () => {
    const { el } = await follow({ status: [completed], results: results(4) });
    await untilState(el, 'completed');
    expect(parts(el, 'image').map((img) => img.getAttribute('alt'))).to.deep.equal([
      'Generated image 1 of 4',
      'Generated image 2 of 4',
      'Generated image 3 of 4',
      'Generated image 4 of 4',
    ]);
    el.setAttribute('alt', 'Sunset over the sea');
    await el.updateComplete;
    expect(parts(el, 'image')[1].getAttribute('alt')).to.equal('Sunset over the sea 2 of 4');
  });

  it('a single image has the alt base as its alt text', async () => {
    const { el } = await follow({ status: [completed], results: results(1) });
    await untilState(el, 'completed');
    expect(one(el, 'image').getAttribute('alt')).to.equal('Generated image');
  });

  it('images load lazily, decode asynchronously and reserve a square box from size before they load', async () => {
    const { el } = await follow({
      status: [completed],
      results: results(4, { size: 1024, imageDelay: 2000 }),
    });
    await untilState(el, 'completed');
    const images = parts(el, 'image') as HTMLImageElement[];
    expect(images).to.have.length(4);
    for (const img of images) {
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('decoding')).to.equal('async');
      expect(img.getAttribute('width')).to.equal('1024');
      expect(img.getAttribute('height')).to.equal('1024');
      // The mock holds each image for 2 s: what is measured here is the reserved box.
      expect(img.complete, 'not loaded yet').to.equal(false);
      const box = img.getBoundingClientRect();
      expect(box.width).to.be.greaterThan(0);
      expect(box.height).to.be.closeTo(box.width, 1);
      const tile = present(img.closest('[part~="tile"]'), 'tile');
      expect(tile.getBoundingClientRect().height).to.be.at.least(box.height - 1);
    }
  });

  it('a failed tile shows its error as text', async () => {
    const { el } = await follow({
      status: [completed],
      results: results(4, { failed: [1] }),
    });
    await untilState(el, 'completed');
    const failed = one(el, 'image-failed');
    expect(failed.getAttribute('part')).to.equal('tile image-failed');
    expect(text(failed)).to.contain('Image 2 of 4 failed');
    expect(text(failed)).to.contain('Image 2 was blocked by the content filter');
    expect(failed.querySelector('img, a')).to.equal(null);
    expect(parts(el, 'tile')).to.have.length(4);
  });
});

describe('rendering: strings', () => {
  it('replaces the given strings and keeps the defaults of the rest', async () => {
    const strings = { retry: 'Try again', status: { pending: 'Working' } };
    const { el } = await follow(
      { status: [{ times: 3, ...pending }, notFound] },
      { strings, cancelable: true },
    );
    expect(el.state).to.equal('pending');
    expect(text(statusRegion(el))).to.equal('Working');
    expect(one(el, 'progress').getAttribute('aria-label')).to.equal('Generation progress');
    // Default phase text, before or after the first answer.
    expect(['Starting', 'Processing']).to.include(text(one(el, 'phase')));
    expect(text(one(el, 'cancel-button'))).to.equal('Cancel');
    await untilState(el, 'error');
    expect(text(one(el, 'retry-button'))).to.equal('Try again');
    expect(text(statusRegion(el))).to.equal('Could not follow the generation.');
    expect(text(one(el, 'message'))).to.equal('Could not follow the generation.');
  });

  /** Entries that throw or have the wrong type, as a page's mistake or a builder's JSON gives them. */
  const bad = {
    elapsed: 'five',
    imageAlt: () => {
      throw new Error('no alt');
    },
    download: () => 42,
    status: { pending: 5, completed: null },
    phases: { processing: ['Processing'] },
    retry: { text: 'Retry' },
  } as unknown as TaskProgressStringsOverride;

  it('a bad entry, pending: the built-in text of its key; state and aria-busy are set', async () => {
    const { el } = await follow(
      { status: [pending] },
      { strings: { ...bad, cancel: 'Stop' }, cancelable: true },
    );
    await until(() => text(one(el, 'phase')) !== 'Starting', 'the first answer');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('pending');
    expect(el.getAttribute('aria-busy')).to.equal('true');
    expect(text(statusRegion(el))).to.equal('Generating…');
    expect(text(one(el, 'phase'))).to.equal('Processing');
    expect(text(one(el, 'elapsed'))).to.match(/^\d+:\d\d$/);
    expect(text(one(el, 'cancel-button')), 'a good entry beside them').to.equal('Stop');
  });

  it('a bad entry, completed: the built-in text of its key; state and task-complete come', async () => {
    const { el, details } = await follow(
      { status: [completed], results: results(2) },
      { strings: bad, downloadable: true },
    );
    await untilState(el, 'completed');
    expect(el.getAttribute('state')).to.equal('completed');
    expect(details('task-complete')).to.have.length(1);
    expect(text(statusRegion(el))).to.equal('Generation complete.');
    expect(parts(el, 'image').map((image) => image.getAttribute('alt'))).to.deep.equal([
      'Generated image 1 of 2',
      'Generated image 2 of 2',
    ]);
    expect(parts(el, 'download-button').map(text)).to.deep.equal([
      'Download image 1 of 2',
      'Download image 2 of 2',
    ]);
  });

  it('a new strings object re-renders the current state', async () => {
    const { el } = await follow({ status: [notFound] });
    await untilState(el, 'error');
    expect(text(one(el, 'retry-button'))).to.equal('Retry');
    el.strings = { retry: 'Nochmal' };
    await el.updateComplete;
    expect(text(one(el, 'retry-button'))).to.equal('Nochmal');
  });
});

describe('rendering: slots', () => {
  const SLOTS = ['pending', 'failed', 'error', 'empty'] as const;

  /** Adds one light-DOM child per slot, then checks that only `expected` is shown. */
  async function expectSlotShown(el: TaskProgress, expected: (typeof SLOTS)[number], defaultPart: string) {
    const children = Object.fromEntries(
      SLOTS.map((name) => {
        const child = document.createElement('p');
        child.slot = name;
        child.textContent = `custom ${name}`;
        el.append(child);
        return [name, child];
      }),
    );
    await el.updateComplete;
    const slot = present(
      shadow(el).querySelector<HTMLSlotElement>(`slot[name="${expected}"]`),
      `slot ${expected}`,
    );
    expect(slot.assignedElements()).to.deep.equal([children[expected]]);
    for (const name of SLOTS)
      expect(isRendered(children[name]), `custom ${name} shown`).to.equal(name === expected);
    const fallback = parts(el, defaultPart);
    expect(fallback.length, `default ${defaultPart} still in the template`).to.be.at.most(1);
    for (const node of fallback) expect(isRendered(node), `default ${defaultPart} shown`).to.equal(false);
  }

  it('pending', async () => {
    const { el } = await follow({ status: [pending] });
    await expectSlotShown(el, 'pending', 'progress');
  });

  it('failed', async () => {
    const { el } = await follow({ status: [{ json: { status: 'failed' } }] });
    await untilState(el, 'failed');
    await expectSlotShown(el, 'failed', 'retry-button');
  });

  it('failed also stands for cancelled', async () => {
    const { el } = await follow({ status: [pending] }, { cancelable: true });
    el.cancel();
    await untilState(el, 'cancelled');
    await expectSlotShown(el, 'failed', 'message');
  });

  it('error', async () => {
    const { el } = await follow({ status: [notFound] });
    await untilState(el, 'error');
    await expectSlotShown(el, 'error', 'retry-button');
  });

  it('empty: completed without images', async () => {
    const { el } = await follow({ status: [completed], results: [{ json: { images: [] } }] });
    await untilState(el, 'completed');
    expect(parts(el, 'grid')).to.have.length(0);
    expect(text(one(el, 'message'))).to.equal('The task finished without any images.');
    await expectSlotShown(el, 'empty', 'message');
  });
});

describe('rendering: live region', () => {
  it('speaks on state changes, not on every poll', async () => {
    const { el, taskId } = await follow({
      status: [{ times: 6, ...pending }, completed],
      results: results(1),
    });
    const status = statusRegion(el);
    expect(text(status)).to.equal('Generating…');
    const spoken: string[] = [];
    const observer = new MutationObserver(() => spoken.push(text(status)));
    observer.observe(status, { subtree: true, childList: true, characterData: true });
    cleanups.push(() => observer.disconnect());
    await untilRequests(taskId, 4);
    await el.updateComplete;
    expect(spoken, 'changes while pending').to.deep.equal([]);
    expect(text(status)).to.equal('Generating…');
    await until(() => spoken.at(-1) === 'Generation complete.', 'the completion spoken');
    expect(spoken).to.deep.equal(['Generation complete.']);
    expect(statusRegion(el)).to.equal(status);
  });
});

describe('rendering: accessibility', () => {
  async function expectAccessible(el: TaskProgress, state: TaskState) {
    expect(el.state).to.equal(state);
    await el.updateComplete;
    await expect(el).to.be.accessible();
    for (const button of shadow(el).querySelectorAll('[part$="-button"]'))
      expect(button.tagName).to.equal('BUTTON');
  }

  it('idle', async () => {
    const { el } = await mount();
    await expectAccessible(el, 'idle');
  });

  it('pending', async () => {
    const { el } = await follow({ status: [pending] });
    await expectAccessible(el, 'pending');
  });

  it('pending with a Cancel button', async () => {
    const { el } = await follow({ status: [pending] }, { cancelable: true });
    expect(parts(el, 'cancel-button')).to.have.length(1);
    await expectAccessible(el, 'pending');
  });

  it('completed with a failed tile', async () => {
    const { el } = await follow({
      status: [completed],
      results: results(3, { failed: [1] }),
    });
    await untilState(el, 'completed');
    expect(parts(el, 'image-failed')).to.have.length(1);
    await expectAccessible(el, 'completed');
  });

  it('failed', async () => {
    const { el } = await follow({ status: [{ json: { status: 'failed', error: 'Blocked' } }] });
    await untilState(el, 'failed');
    await expectAccessible(el, 'failed');
  });

  it('error', async () => {
    const { el } = await follow({ status: [notFound] });
    await untilState(el, 'error');
    await expectAccessible(el, 'error');
  });
});

describe('rendering: custom adapter', () => {
  const image = (n: number): SucceededImage => ({
    status: 'succeeded',
    id: `custom_${n}`,
    url: `${mockApiUrl}/__mock/images/custom${n}.svg?w=64`,
    kind: 'image',
    width: 64,
    height: 64,
  });

  function expectContext(ctx: AdapterContext, taskId: string, token: string | undefined) {
    expect(ctx.taskId).to.equal(taskId);
    expect(ctx.token).to.equal(token);
    expect(ctx.baseUrl).to.equal(mockApiUrl);
    expect(ctx.signal).to.be.instanceOf(AbortSignal);
  }

  it('follows through getStatus and getResults with the same UI', async () => {
    const calls = { status: [] as AdapterContext[], results: [] as AdapterContext[] };
    const adapter: TaskAdapter = {
      async getStatus(ctx) {
        calls.status.push(ctx);
        const state = calls.status.length < 3 ? 'pending' : 'completed';
        return { state, status: `custom-${state}` };
      },
      async getResults(ctx) {
        calls.results.push(ctx);
        return [image(1), { status: 'failed', error: 'No luck' }];
      },
    };
    const doc = onDocument();
    const { el } = await mount({
      taskId: 'custom-1',
      publicAccessToken: 'tok-1',
      adapter,
      baseUrl: `${mockApiUrl}/`,
    });
    expect(el.state).to.equal('pending');
    expect(el.getAttribute('aria-busy')).to.equal('true');
    expect(one(el, 'progress').getAttribute('role')).to.equal('progressbar');
    await untilState(el, 'completed');
    expect(calls.status).to.have.length(3);
    expect(calls.results).to.have.length(1);
    for (const ctx of [...calls.status, ...calls.results]) expectContext(ctx, 'custom-1', 'tok-1');
    expect(parts(el, 'image').map((img) => img.getAttribute('alt'))).to.deep.equal([
      'Generated image 1 of 2',
    ]);
    expect(parts(el, 'image')[0].getAttribute('width')).to.equal('64');
    expect(text(one(el, 'image-failed'))).to.contain('No luck');
    expect(doc.details('task-state-change').map((d) => [d.state, d.status])).to.deep.equal([
      ['pending', undefined],
      ['completed', 'custom-completed'],
    ]);
    expect(doc.details('task-complete')[0]).to.deep.include({ taskId: 'custom-1', urls: [image(1).url] });
  });

  it('an adapter error with status 404 is not-found, at once', async () => {
    let calls = 0;
    const adapter: TaskAdapter = {
      async getStatus() {
        calls++;
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- an adapter may throw a plain object; this is the case under test
        throw { status: 404 };
      },
    };
    const doc = onDocument();
    const { el } = await mount({ taskId: 'custom-404', publicAccessToken: 'tok', adapter });
    await untilState(el, 'error');
    expect(el.error).to.include({ code: 'not-found', httpStatus: 404 });
    expect(calls).to.equal(1);
    expect(doc.details('task-error')).to.have.length(1);
    expect(doc.details('task-error')[0]).to.include({ willRetry: false });
    expect(one(el, 'retry-button').tagName).to.equal('BUTTON');
  });

  it('an adapter Error with status 503 is retried; snapshot images skip getResults', async () => {
    let statusCalls = 0;
    let resultsCalls = 0;
    const adapter: TaskAdapter = {
      async getStatus(): Promise<TaskSnapshot> {
        statusCalls++;
        if (statusCalls === 1) throw Object.assign(new Error('x'), { status: 503 });
        return { state: 'completed', status: 'done', images: [image(1), image(2)] };
      },
      async getResults() {
        resultsCalls++;
        return [];
      },
    };
    const doc = onDocument();
    const { el } = await mount({ taskId: 'custom-503', publicAccessToken: 'tok', adapter });
    await untilState(el, 'completed');
    expect(statusCalls).to.equal(2);
    expect(resultsCalls).to.equal(0);
    expect(doc.details('task-error')).to.deep.equal([
      { taskId: 'custom-503', error: { code: 'http', message: 'x', httpStatus: 503 }, willRetry: true },
    ]);
    expect(parts(el, 'image')).to.have.length(2);
  });

  it('an adapter with requiresToken:false follows without a token', async () => {
    const contexts: AdapterContext[] = [];
    const adapter: TaskAdapter = {
      requiresToken: false,
      async getStatus(ctx) {
        contexts.push(ctx);
        return { state: 'completed', status: 'ok', images: [image(1)] };
      },
    };
    const { el } = await mount({ taskId: 'custom-open', adapter });
    await untilState(el, 'completed');
    expect(contexts).to.have.length(1);
    expectContext(contexts[0], 'custom-open', undefined);
    expect(parts(el, 'image')).to.have.length(1);
  });

  it('an adapter that requires a token waits idle without one', async () => {
    let calls = 0;
    const adapter: TaskAdapter = {
      async getStatus() {
        calls++;
        return { state: 'pending', status: 'p' };
      },
    };
    const { env } = watchedClock();
    const { el } = await mount({ taskId: 'custom-closed', adapter });
    await env.advance(HOUR);
    expect(el.state).to.equal('idle');
    expect(calls).to.equal(0);
  });
});

describe('rendering: prefers-reduced-motion', () => {
  const canEmulate = !noMediaEmulation;

  afterEach(async () => {
    if (canEmulate) await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('stops the progress bar animation', async function () {
    if (!canEmulate) this.skip();
    // A kind of its own: with the durations learned from earlier tests, the bar would be determinate.
    const { el } = await follow({ status: [pending] }, { durationKey: 'reduced-motion' });
    const bar = present(one(el, 'progress').querySelector('.bar'), 'the moving bar');
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(false);
    expect(getComputedStyle(bar).animationName).to.not.equal('none');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
    expect(getComputedStyle(bar).animationName).to.equal('none');
  });
});
