// In a translated page nothing the element writes is English (SPEC §6, "Languages, v4"). Every
// state it shows is rendered once, in one container whose `lang` changes: pending (its phases, the
// queue, the ETA, a retry's countdown, Cancel and its failure, the task's events), results (a
// failed tile, a refused URL, media that will not load, videos, Download, the viewer), failed,
// cancelled and expired, and the error of each code. The words the element writes in English are
// read first; then, in each translation, none of them may appear, save the API's own text (here
// tokens such as "E-4711", which hold no word) and the words a language writes the same.
import { expect } from '@open-wc/testing';
import { mindproxyTask } from '../mock/bodies.js';
import type { MockStep, Scenario } from '../mock/types.js';
import { TaskApiError } from '../src/errors.js';
import { TRANSLATED } from '../src/languages.js';
import { type TaskProgressStrings, defaultStrings } from '../src/strings.js';
import type { TaskAdapter, TaskProgress, TaskSnapshot, TaskState } from '../src/index.js';
import { completed, follow, mount, parts, pending, shadow, untilState } from './helpers/element.js';
import { createTask, mockApiUrl } from './helpers/mock-api.js';
import { until } from './helpers/until.js';

type Props = Parameters<typeof mount>[0];

/** Some forty elements follow their tasks side by side: each polls slowly once in its state. */
const SLOW = { pollInterval: 2000, maxPollInterval: 10_000 };

/** Words of English that a language writes the same (a loanword, a unit): allowed there only. */
const SAME: Partial<Record<string, string[]>> = {
  de: ['server', 'video'],
  es: ['error', 'token'],
  fr: ['image', 'page', 'service'],
  id: ['server', 'token', 'valid', 'video'],
  it: ['server', 'token', 'video'],
  nl: ['server', 'start', 'video', 'was'],
  pl: ['problem', 'token'],
  pt: ['token'],
  tr: ['video'],
  vi: ['video'],
};
/** Written the same in every language: the protocol's name, and the minute's unit. */
const EVERYWHERE = ['http', 'min'];

const image = (n: number, query = '') => `${mockApiUrl}/__mock/images/${n}.svg?w=64${query}`;
/** A video that has not arrived by the end of the test, so it neither plays nor fails. */
const video = (n: number) => ({ video_url: image(n, '&delay=120000'), width: 64, height: 36 });
/** Results: one shown, one the API says failed (its reason, the API's own text), one with a refused URL, one that will not load. */
const mixedResults = {
  images: [
    { status: 'succeeded', id: '1', url: image(1), size: '64x64' },
    { status: 'failed', error: 'E-4711' },
    { status: 'succeeded', id: '3', url: 'javascript:alert(1)', size: '64x64' },
    { status: 'succeeded', id: '4', url: image(4, '&expired'), size: '64x64' },
  ],
};

const gatewayId = () => `gw_${Math.random().toString(36).slice(2)}`;

/** An element following a gateway task whose status answers are `status(id)`. */
async function gateway(
  status: (id: string) => MockStep[],
  props: Props,
  parent: HTMLElement,
  more: Partial<Scenario> = {},
) {
  const taskId = gatewayId();
  await createTask({ provider: 'mindproxy', taskId, token: null, status: status(taskId), ...more });
  return (await mount({ ...SLOW, provider: 'mindproxy', taskId, ...props }, parent)).el;
}
const gatewayStatus =
  (status: number, fields: Omit<Parameters<typeof mindproxyTask>[1], 'status'> = {}) =>
  (id: string) => [{ json: mindproxyTask(id, { status, ...fields }) }];

/** An adapter whose every status is `snapshot`, or that throws `error`. */
const adapter = (snapshot: TaskSnapshot | TaskApiError): TaskAdapter => ({
  requiresToken: false,
  getStatus: () => (snapshot instanceof TaskApiError ? Promise.reject(snapshot) : Promise.resolve(snapshot)),
});
const queued = (queuePosition?: number, phase = 'queued'): TaskSnapshot => ({
  state: 'pending',
  status: 'queued',
  phase,
  ...(queuePosition === undefined ? {} : { queuePosition }),
});

interface Shown {
  name: string;
  el: TaskProgress;
  state: TaskState;
  /** Until it shows what it is here for. */
  ready: () => unknown;
}

/** Every state, each an element in `stage`. */
async function everyState(stage: HTMLElement): Promise<Shown[]> {
  const shown: Shown[] = [];
  const add = (name: string, el: TaskProgress, state: TaskState, ready: () => unknown = () => true) =>
    shown.push({ name, el, state, ready });
  const mynth = async (scenario: Scenario, props: Props = {}) =>
    (await follow(scenario, { ...SLOW, ...props }, stage)).el;
  const element = async (props: Props) => (await mount({ ...SLOW, ...props }, stage)).el;
  const fail = { maxRetries: 0 };

  add('processing', await mynth({ status: [pending] }), 'pending');
  add('created', await gateway(gatewayStatus(1), {}, stage), 'pending');
  add('queued', await gateway(gatewayStatus(2), {}, stage), 'pending');
  for (const ahead of [0, 1, 3])
    add(`${ahead} ahead`, await element({ adapter: adapter(queued(ahead)), taskId: 'q' }), 'pending');
  add(
    'an unknown phase',
    await element({ adapter: adapter(queued(undefined, 'upscaling')), taskId: 'u' }),
    'pending',
  );
  const eta = (el: TaskProgress) => () => parts(el, 'eta').length;
  const minutes = await mynth({ status: [pending] }, { expectedDuration: 3_600_000 });
  add('ETA in minutes', minutes, 'pending', eta(minutes));
  const overrun = await mynth({ status: [pending] }, { expectedDuration: 1 });
  add('overrun', overrun, 'pending', eta(overrun));
  const slowRetries = { maxRetries: 1000, pollInterval: 30_000, maxPollInterval: 60_000 };
  const retrying = await mynth({ status: [{ status: 500 }] }, slowRetries);
  add('retrying', retrying, 'pending', () => parts(retrying, 'retry-status').length);
  const busy = await mynth({ status: [{ status: 429, headers: { 'Retry-After': '120' } }] }, slowRetries);
  add('busy', busy, 'pending', () => parts(busy, 'retry-status').length);
  const events = await gateway(gatewayStatus(3), { showEvents: true }, stage, {
    events: [{ task_event_id: '1', event_type: 'E-1', status: 3, message: 'E-1', created_at: '' }],
  });
  add('events', events, 'pending', () => parts(events, 'events').length);
  // Cancel, one that fails and one still cancelling (the API confirms it long after the test).
  const cancelFailed = await gateway(gatewayStatus(3), { cancelable: true }, stage, {
    cancel: [{ status: 500 }],
  });
  const cancelOnce = async (el: TaskProgress) => {
    await untilState(el, 'pending');
    el.cancel();
  };
  await cancelOnce(cancelFailed);
  add('cancel failed', cancelFailed, 'pending', () => parts(cancelFailed, 'error').length);
  const cancelling = await gateway(gatewayStatus(3), { cancelable: true }, stage, {
    cancelConfirmedAfter: 1_000_000,
  });
  await cancelOnce(cancelling);
  add('cancelling', cancelling, 'pending', () =>
    parts(cancelling, 'cancel-button')[0]?.hasAttribute('disabled'),
  );

  const mixed = await mynth(
    { status: [completed], results: [{ json: mixedResults }] },
    { downloadable: true, viewer: true },
  );
  add('results', mixed, 'completed', () => parts(mixed, 'image-failed').length === 3);
  add(
    'one image',
    await mynth(
      { status: [completed], results: [{ json: { images: [mixedResults.images[0]] } }] },
      { downloadable: true },
    ),
    'completed',
  );
  add(
    'videos',
    await gateway(
      gatewayStatus(4, { taskType: 2, assets: [video(1), video(2)] }),
      { downloadable: true },
      stage,
    ),
    'completed',
  );
  add(
    'one video',
    await gateway(gatewayStatus(4, { taskType: 2, assets: video(3) }), { downloadable: true }, stage),
    'completed',
  );
  add('no results', await mynth({ status: [completed], results: [{ json: { images: [] } }] }), 'completed');

  add(
    'failed, with the reason',
    await mynth({ status: [{ json: { status: 'failed', error: 'E-4711' } }] }),
    'failed',
  );
  add('failed, no reason', await mynth({ status: [{ json: { status: 'failed' } }] }), 'failed');
  add('failed with a code', await gateway(gatewayStatus(5, { errorCode: 'X9' }), {}, stage), 'failed');
  add('refunded', await gateway(gatewayStatus(8), {}, stage), 'failed');
  add('cancelled', await gateway(gatewayStatus(6), {}, stage), 'cancelled');
  add('expired', await gateway(gatewayStatus(7), {}, stage), 'expired');

  add(
    'network',
    await element({ baseUrl: 'http://127.0.0.1:9', taskId: 'n', publicAccessToken: 't', ...fail }),
    'error',
  );
  for (const status of [500, 401, 404, 429])
    add(`HTTP ${status}`, await mynth({ status: [{ status }] }, fail), 'error');
  add('invalid-response', await mynth({ status: [{ body: '<html>' }] }, fail), 'error');
  add('timeout', await mynth({ status: [pending] }, { timeout: 2000 }), 'error');
  add('invalid-task-id', await element({ taskId: '..', publicAccessToken: 't' }), 'error');
  const { taskId: start } = await createTask({ token: null, start: [{ status: 500, body: '' }] });
  const startFailed = await element({ startUrl: `${mockApiUrl}/start/${start}` });
  startFailed.start({});
  add('start-failed', startFailed, 'error');
  add(
    'internal',
    await element({ adapter: adapter(new TaskApiError('internal', 'E-5')), taskId: 'i' }),
    'error',
  );
  return shown;
}

/** Every text the element shows or names things with, in its shadow root (the viewer's too). */
function written(el: TaskProgress): string {
  const texts: string[] = [];
  const walker = document.createTreeWalker(shadow(el), NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) texts.push(node.data);
    else for (const name of ['alt', 'aria-label']) texts.push((node as Element).getAttribute(name) ?? '');
  }
  return texts.join(' ');
}

const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{3,}/gu) ?? []);

/** Opens the viewer on the first result, reads it, and closes it. */
async function viewerText(el: TaskProgress): Promise<string> {
  parts(el, 'tile')[0].querySelector('a')?.click();
  await until(() => parts(el, 'viewer-close').length, 'the viewer opens');
  const text = written(el);
  parts(el, 'viewer-close')[0].click();
  await until(() => !parts(el, 'viewer').length, 'the viewer closes');
  return text;
}

describe('in a translated page nothing the element writes is English', () => {
  let stage: HTMLDivElement;
  let shown: Shown[];
  let vocabulary: Set<string>;

  /** The text of every state once each element says `status` in its state, the viewer's too. */
  async function show(status: Record<TaskState, string>): Promise<Record<string, string>> {
    for (const { name, el, state, ready } of shown) {
      await until(() => el.state === state && ready(), `${name}: state ${state}, is ${el.state}`);
      await until(() => parts(el, 'status')[0]?.textContent === status[state], `${name} in ${stage.lang}`);
    }
    const texts = Object.fromEntries(shown.map(({ name, el }) => [name, written(el)]));
    texts.viewer = await viewerText(shown.find(({ name }) => name === 'results')?.el as TaskProgress);
    return texts;
  }

  before(async function () {
    // Some forty elements reach their states, in the slowest engine too.
    this.timeout(60_000);
    // Not a fixture, which is taken away after each test: the elements stay for every language.
    stage = document.body.appendChild(Object.assign(document.createElement('div'), { lang: 'en' }));
    shown = await everyState(stage);
    vocabulary = words(Object.values(await show(defaultStrings.status)).join(' '));
    for (const word of EVERYWHERE) vocabulary.delete(word);
  });

  after(() => stage.remove());

  it('reads the words each state writes in English', () => {
    expect(vocabulary.size).to.be.above(80);
  });

  for (const language of TRANSLATED) {
    it(language, async () => {
      const { strings } = (await import(`../src/translations/${language}.js`)) as {
        strings: TaskProgressStrings;
      };
      stage.lang = language;
      const found: Record<string, string[]> = {};
      for (const [name, text] of Object.entries(await show(strings.status))) {
        const english = [...words(text)].filter(
          (word) => vocabulary.has(word) && !SAME[language]?.includes(word),
        );
        if (english.length) found[name] = english;
      }
      expect(found, 'the English words in each state').to.deep.equal({});
    });
  }
});
