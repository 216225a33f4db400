// docs/behaviour.md, Notify (SPEC §11): with `notify`, following goes on while the page is hidden,
// and a task that ends there gives one notice: `task-notify`, a mark in the tab's title until the
// page shows again, and one notification with the permission; the button that asks for it. The
// page's visibility and `Notification` are the test's (the pacing itself is tested on the engine).
import { expect, fixture, html } from '@open-wc/testing';
import type { TaskProgress } from '../src/index.js';
import { createTask, statusRequestsOf } from './helpers/mock-api.js';
import { completed, follow, mount, parts, pending, results, untilState } from './helpers/element.js';
import { until } from './helpers/until.js';
import { restoreVisibility, stubVisibility, visibilityChange } from './helpers/visibility.js';

/** A `Notification` whose permission and answers the test sets, recording what the page shows. */
class FakeNotification {
  static permission: NotificationPermission = 'default';
  /** What `requestPermission` answers. */
  static answer: NotificationPermission = 'granted';
  static requests = 0;
  static shown: FakeNotification[] = [];
  static requestPermission(): Promise<NotificationPermission> {
    FakeNotification.requests++;
    FakeNotification.permission = FakeNotification.answer;
    return Promise.resolve(FakeNotification.permission);
  }
  onclick: (() => void) | null = null;
  closed = false;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions = {},
  ) {
    FakeNotification.shown.push(this);
  }
  close() {
    this.closed = true;
  }
}

const original = Object.getOwnPropertyDescriptor(window, 'Notification');

function stubNotification(permission: NotificationPermission) {
  Object.assign(FakeNotification, { permission, answer: 'granted', requests: 0, shown: [] });
  Object.defineProperty(window, 'Notification', {
    configurable: true,
    writable: true,
    value: FakeNotification,
  });
}

const TITLE = 'A  page   title';
const unsettled = { status: [{ times: 1000, ...pending }] };
const endsAfterTwoPolls = { status: [{ times: 2, ...pending }, completed], results: results(2) };
/** The title as the page wrote it (`document.title` reads it with its spaces collapsed). */
const pageTitle = () => document.querySelector('title')?.text;
/** Every notice-related module has run whatever it scheduled: the notification module is loaded. */
const settled = async () => {
  await import('../src/notification.js');
  await new Promise((resolve) => setTimeout(resolve));
};

let title = '';
beforeEach(() => {
  title = document.title;
  document.title = TITLE;
  stubNotification('granted');
});

afterEach(() => {
  restoreVisibility();
  visibilityChange();
  document.title = title;
  if (original) Object.defineProperty(window, 'Notification', original);
  else Reflect.deleteProperty(window, 'Notification');
});

describe('notify: following while hidden', () => {
  it('polls while hidden with notify and pauses without it', async () => {
    stubVisibility('hidden');
    const paused = await follow(endsAfterTwoPolls);
    const notified = await follow(endsAfterTwoPolls, { notify: true });
    await untilState(notified.el, 'completed');
    expect(await statusRequestsOf(notified.taskId)).to.have.length(3);
    expect(await statusRequestsOf(paused.taskId)).to.have.length(0);
    expect(paused.el.state).to.equal('pending');
    // Its notice, waited for so that it does not come during the next test (under load it came
    // there, a second notification beside that test's own).
    await until(() => FakeNotification.shown.length === 1, 'its notification');
  });
});

describe('notify: the notice', () => {
  it('marks the title and shows one notification, in the element’s language, with the first result', async () => {
    stubVisibility('hidden');
    // The translation in before the task can end (an element of the page shows German), so that
    // the element is German from the start; importing it here would not do: the test's import of
    // it is served as another module than the element's.
    const parent = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    const waiting = await follow(unsettled, { pollInterval: 60_000 }, parent);
    await until(() => parts(waiting.el, 'status')[0]?.textContent.trim() === 'Wird generiert…', 'German');
    const { el, taskId, details } = await follow(endsAfterTwoPolls, { notify: true }, parent);
    await untilState(el, 'completed');
    expect(details('task-notify')).to.deep.equal([{ taskId, state: 'completed' }]);
    // The mark first (the notice's module has run), then the notification (its tab holds the lock).
    await until(() => pageTitle() === `✓ ${TITLE}`, 'the mark');
    await until(() => FakeNotification.shown.length === 1, 'a notification');
    const [shown] = FakeNotification.shown;
    expect(shown.title).to.equal('Ihre Bilder sind fertig');
    expect(shown.options.lang).to.equal('de');
    expect(shown.options.icon).to.equal(el.images[0].status === 'succeeded' && el.images[0].url);
    expect(shown.options.tag).to.contain(taskId);
    expect(pageTitle()).to.equal(`✓ ${TITLE}`);

    let scrolled = 0;
    el.scrollIntoView = () => scrolled++;
    shown.onclick?.();
    expect([scrolled, shown.closed]).to.deep.equal([1, true]);
  });

  it('gives one mark and one notification for two elements on one task', async () => {
    stubVisibility('hidden');
    const task = await createTask(endsAfterTwoPolls);
    const props = { taskId: task.taskId, publicAccessToken: task.publicAccessToken, notify: true };
    const [first, second] = [await mount(props), await mount(props)];
    await untilState(first.el, 'completed');
    await untilState(second.el, 'completed');
    await until(() => FakeNotification.shown.length > 0, 'a notification');
    await settled();
    expect([...first.details('task-notify'), ...second.details('task-notify')]).to.have.length(1);
    expect(FakeNotification.shown).to.have.length(1);
    expect(pageTitle()).to.equal(`✓ ${TITLE}`);
  });

  it('marks a failed task with ✕, and restores the title exactly once the page is visible', async () => {
    stubVisibility('hidden');
    const { el } = await follow(
      { status: [{ times: 1, ...pending }, { json: { status: 'failed', error: 'boom' } }] },
      { notify: true },
    );
    await untilState(el, 'failed');
    await until(() => FakeNotification.shown.length === 1, 'the notification');
    expect(pageTitle()).to.equal(`✕ ${TITLE}`);
    expect(FakeNotification.shown.map((shown) => shown.title)).to.deep.equal(['The generation failed.']);
    stubVisibility('visible');
    visibilityChange();
    expect(pageTitle()).to.equal(TITLE);
  });

  it('leaves a title the page set meanwhile alone', async () => {
    stubVisibility('hidden');
    const { el } = await follow(endsAfterTwoPolls, { notify: true });
    await untilState(el, 'completed');
    await until(() => pageTitle() === `✓ ${TITLE}`, 'the mark');
    // The notification comes once its tab holds the Web Lock, after the mark: waited for here, so
    // that it does not come during the next test.
    await until(() => FakeNotification.shown.length === 1, 'the notification');
    document.title = 'New messages';
    stubVisibility('visible');
    visibilityChange();
    expect(pageTitle()).to.equal('New messages');
  });

  it('shows nothing when the page prevents task-notify', async () => {
    stubVisibility('hidden');
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    parent.addEventListener('task-notify', (event) => event.preventDefault());
    const { el, details } = await follow(endsAfterTwoPolls, { notify: true }, parent);
    await untilState(el, 'completed');
    await settled();
    expect(details('task-notify')).to.have.length(1);
    expect(FakeNotification.shown).to.have.length(0);
    expect(pageTitle()).to.equal(TITLE);
  });

  it('gives no notice when the page is visible', async () => {
    const { el, details } = await follow(endsAfterTwoPolls, { notify: true });
    await untilState(el, 'completed');
    await settled();
    expect(details('task-notify')).to.have.length(0);
    expect(FakeNotification.shown).to.have.length(0);
    expect(pageTitle()).to.equal(TITLE);
  });

  it('marks the title without error where the browser has no notifications', async () => {
    Reflect.deleteProperty(window, 'Notification');
    const errors: unknown[] = [];
    const record = (event: ErrorEvent | PromiseRejectionEvent) => errors.push(event);
    window.addEventListener('error', record);
    window.addEventListener('unhandledrejection', record);
    try {
      stubVisibility('hidden');
      const { el, taskId, details } = await follow(endsAfterTwoPolls, { notify: true });
      expect(parts(el, 'notify-button')).to.have.length(0);
      await untilState(el, 'completed');
      await until(() => pageTitle() === `✓ ${TITLE}`, 'the mark');
      expect(details('task-notify')).to.deep.equal([{ taskId, state: 'completed' }]);
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', record);
      window.removeEventListener('unhandledrejection', record);
    }
  });
});

describe('notify: the button', () => {
  const pendingWith = async (permission: NotificationPermission, notify = true) => {
    stubNotification(permission);
    const mounted = await follow(unsettled, { notify, pollInterval: 60_000, maxPollInterval: 60_000 });
    await untilState(mounted.el, 'pending');
    return mounted.el;
  };
  const button = (el: TaskProgress) => parts(el, 'notify-button');

  it('asks only on a click; granted, a quiet note replaces it', async () => {
    const el = await pendingWith('default');
    expect(button(el).map((b) => b.textContent.trim())).to.deep.equal(["Notify me when it's done"]);
    expect(FakeNotification.requests).to.equal(0);
    button(el)[0].click();
    await until(() => button(el).length === 0, 'the button goes');
    expect(FakeNotification.requests).to.equal(1);
    expect(el.shadowRoot?.textContent).to.contain("You'll be notified when it's done.");
  });

  it('goes when the permission is denied', async () => {
    const el = await pendingWith('default');
    FakeNotification.answer = 'denied';
    button(el)[0].click();
    await until(() => button(el).length === 0, 'the button goes');
    expect(el.shadowRoot?.textContent).not.to.contain("You'll be notified");
  });

  it('is not shown without notify, nor once the permission is decided', async () => {
    expect(button(await pendingWith('default', false))).to.have.length(0);
    expect(button(await pendingWith('granted'))).to.have.length(0);
    expect(button(await pendingWith('denied'))).to.have.length(0);
  });

  for (const [scheme, style] of [
    ['light', 'background: #fff; color: #111'],
    ['dark', 'background: #111; color: #eee; color-scheme: dark'],
  ]) {
    it(`axe finds nothing with the button, on a ${scheme} page`, async () => {
      stubNotification('default');
      const parent = await fixture<HTMLDivElement>(html`<div style=${style}></div>`);
      const { el } = await follow(unsettled, { notify: true, pollInterval: 60_000 }, parent);
      await until(() => button(el).length === 1, 'the button');
      await expect(el).to.be.accessible();
    });
  }
});
