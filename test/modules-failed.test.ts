// The modules the element loads on first need when they cannot be loaded: the test server answers
// 503 for them (docs/behaviour.md, "Zero-JS start", "Notify", "Download and the viewer",
// "Languages"). The zero-JS start fails as a start does (`start-failed`) with a submit still
// prevented and no button left disabled, and Retry tries again; the notice, the viewer and a
// translation are asked for again the next time they are needed. A module that failed stays failed
// for the page in some engines' module maps, so this file is a page of its own, and each test fails
// a module no other test of it loads.
import { expect, fixture, html } from '@open-wc/testing';
import type { TaskProgress } from '../src/index.js';
import {
  completed,
  follow,
  parts,
  pending,
  recordEvents,
  results,
  shadow,
  untilState,
} from './helpers/element.js';
import { failModules } from './helpers/beside-modules.js';
import { createTask, mockApiUrl, startEndpoint } from './helpers/mock-api.js';
import { until } from './helpers/until.js';
import { restoreVisibility, stubVisibility, visibilityChange } from './helpers/visibility.js';

/**
 * Firefox keeps a module whose fetch failed in the page's module map: importing it again fails at
 * once, until the page is reloaded. Chromium and WebKit fetch it again.
 */
const failureKept = /Firefox/.test(navigator.userAgent);

afterEach(() => failModules('DELETE'));

/** Resolves once `url` has failed to load for this page too: its load has been answered 503. */
const failsToLoad = (url: string) =>
  import(/* @vite-ignore */ url).then(
    () => expect.fail(`${url} loaded while modules fail`),
    () => undefined,
  );

describe('the zero-JS start when its module fails to load', () => {
  it('is a failed start with its buttons enabled, and Retry tries again (and sends it, but in Firefox)', async () => {
    await failModules('POST');
    const task = await createTask({ status: [{ times: 1, ...pending }, completed], results: results(1) });
    const endpoint = await startEndpoint([{ json: task }]);
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <form id="gen">
          <input name="prompt" value="A fox" />
          <button>Generate</button>
        </form>
      </div>
    `);
    const el = document.createElement('task-progress');
    el.setAttribute('form', 'gen');
    el.setAttribute('start-url', endpoint.url);
    Object.assign(el, { baseUrl: mockApiUrl, pollInterval: 50 });
    const events = recordEvents(el);
    container.append(el);
    const prevented: boolean[] = [];
    const seen = (event: Event) => {
      prevented.push(event.defaultPrevented);
      event.preventDefault();
    };
    window.addEventListener('submit', seen);
    try {
      container.querySelector('button')?.click();
    } finally {
      window.removeEventListener('submit', seen);
    }
    expect(prevented).to.deep.equal([true]);

    await untilState(el, 'error');
    expect(el.error).to.deep.include({
      code: 'start-failed',
      message: 'The generation could not be started.',
    });
    expect(parts(el, 'retry-button')).to.have.length(1);
    expect((container.querySelector('button') as HTMLButtonElement).disabled).to.equal(false);
    expect(await endpoint.requests()).to.deep.equal([]);

    await failModules('DELETE');
    el.retry();
    expect(el.state).to.equal('pending');
    if (failureKept) {
      const failures = () =>
        events.filter(
          (event: CustomEvent<{ state?: string }>) =>
            event.type === 'task-state-change' && event.detail.state === 'error',
        ).length;
      await until(() => failures() === 2, 'the retried start failed again');
      expect(el.error?.code).to.equal('start-failed');
      expect((container.querySelector('button') as HTMLButtonElement).disabled).to.equal(false);
      expect(await endpoint.requests()).to.deep.equal([]);
      return;
    }
    await until(
      () => events.some((event) => event.type === 'task-start'),
      'the start, once its module loaded',
    );
    const bodies = (await endpoint.requests()).map((request): unknown => JSON.parse(request.body ?? 'null'));
    expect(bodies).to.deep.equal([{ prompt: 'A fox' }]);
    expect(el.taskId).to.equal(task.taskId);
  });
});

describe('the notice when its module fails to load', () => {
  const endsAfterTwoPolls = { status: [{ times: 2, ...pending }, completed], results: results(1) };
  let title = '';
  beforeEach(() => {
    title = document.title;
    document.title = 'A page';
    stubVisibility('hidden');
  });
  afterEach(() => {
    restoreVisibility();
    visibilityChange();
    document.title = title;
  });

  it('is asked for again at the next ending, which gets its notice (but in Firefox)', async () => {
    await failModules('POST');
    const first = await follow(endsAfterTwoPolls, { notify: true });
    await untilState(first.el, 'completed');
    expect(first.details('task-notify')).to.have.length(1);
    await failsToLoad('/src/notification.js');
    expect(document.title, 'no mark without the module').to.equal('A page');

    await failModules('DELETE');
    const second = await follow(endsAfterTwoPolls, { notify: true });
    await untilState(second.el, 'completed');
    expect(second.details('task-notify')).to.have.length(1);
    if (failureKept) {
      await failsToLoad('/src/notification.js');
      expect(document.title).to.equal('A page');
      return;
    }
    await until(() => document.title === '✓ A page', 'the mark of the second ending');
  });
});

describe('the viewer when its module fails to load', () => {
  const viewerOf = (el: TaskProgress) => shadow(el).querySelector<HTMLDialogElement>('[part="viewer"]');

  it('is asked for again at the next click, and opens (but in Firefox)', async () => {
    await failModules('POST');
    const { el, details } = await follow({ status: [completed], results: results(2) }, { viewer: true });
    await untilState(el, 'completed');
    const click = () => parts(el, 'tile')[0].querySelector('a')?.click();
    click();
    await failsToLoad('/src/viewer.js');
    expect(viewerOf(el)).to.equal(null);

    await failModules('DELETE');
    click();
    expect(details('task-image-click')).to.have.length(2);
    if (failureKept) {
      await failsToLoad('/src/viewer.js');
      expect(viewerOf(el)).to.equal(null);
      return;
    }
    await until(() => viewerOf(el)?.open, 'the viewer opens');
  });
});

describe('a translation when it fails to load', () => {
  const status = (el: TaskProgress) => parts(el, 'status')[0]?.textContent.trim();

  it('leaves the element English, and is asked for again by the next element (but in Firefox)', async () => {
    await failModules('POST');
    const parent = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    const first = await follow({ status: [pending] }, {}, parent);
    await untilState(first.el, 'pending');
    await failsToLoad('/src/translations/de.js');
    expect(status(first.el)).to.equal('Generating…');

    await failModules('DELETE');
    const second = await follow({ status: [pending] }, {}, parent);
    if (failureKept) {
      await failsToLoad('/src/translations/de.js');
      expect(status(second.el)).to.equal('Generating…');
      return;
    }
    await until(() => status(second.el) === 'Wird generiert…', 'German, once it loaded');
  });
});
