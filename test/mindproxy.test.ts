// The gateway (mindproxy) dialect end to end: numeric statuses and their phases, results inside the
// status body, video tiles, terminal statuses, malformed assets, cancel and task events.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { mindproxyTask } from '../mock/bodies.js';
import type { LoggedRequest, MockStep, Scenario, TaskEvent } from '../mock/types.js';
import { mindproxyAdapter } from '../src/adapters/mindproxy.js';
import type { TaskErrorEvent, TaskProgress } from '../src/index.js';
import { createTask, mockApiUrl, requestsOf } from './helpers/mock-api.js';
import {
  follow,
  mount,
  parts,
  pending,
  shadow,
  untilFirstStatus,
  untilRequests,
  untilState,
} from './helpers/element.js';
import { HOUR, fakeClock, realClock } from './helpers/fake-clock.js';
import { until } from './helpers/until.js';

type Props = Parameters<typeof mount>[0];
type Detail = Record<string, unknown>;

let nextId = 0;
const newTaskId = () => `mp_${Date.now().toString(36)}_${nextId++}`;

/** A placeholder image on the mock; `delay` keeps it from loading during a test. */
const imageUrl = (name: string, { w = 64, h = 0, delay = 0 } = {}) =>
  `${mockApiUrl}/__mock/images/${name}.svg?w=${w}&h=${h || w}&delay=${delay}`;

/** A status answer of the gateway. */
const task = (
  id: string,
  status: number,
  fields: Omit<Parameters<typeof mindproxyTask>[1], 'status'> = {},
) => ({
  json: mindproxyTask(id, { status, ...fields }),
});

/** A completed task whose `result_assets_json` is exactly `assetsJson`. */
const completedWithAssets = (id: string, assetsJson: unknown): MockStep => ({
  json: { ...mindproxyTask(id, { status: 4 }), result_assets_json: assetsJson },
});

/**
 * Creates a gateway task that any request may read (as behind the app's own proxy) and an element
 * following it without a token.
 */
async function followGateway(
  steps: (id: string) => Omit<Scenario, 'provider' | 'taskId'>,
  props: Props = {},
  parent?: HTMLElement,
) {
  const taskId = newTaskId();
  await createTask({ provider: 'mindproxy', taskId, token: null, ...steps(taskId) });
  const mounted = await mount({ provider: 'mindproxy', taskId, ...props }, parent);
  return { ...mounted, taskId };
}

const phaseText = (el: TaskProgress) => parts(el, 'phase')[0]?.textContent?.trim();
const text = (node: Element | undefined) => node?.textContent.replace(/\s+/g, ' ').trim() ?? '';

/** Every phase text the element shows, in order, from now on. */
function recordPhases(el: TaskProgress) {
  const seen: string[] = [];
  const read = () => {
    const phase = phaseText(el);
    if (phase && seen.at(-1) !== phase) seen.push(phase);
  };
  read();
  const observer = new MutationObserver(read);
  observer.observe(shadow(el), { subtree: true, childList: true, characterData: true });
  return { seen, stop: () => observer.disconnect() };
}

interface SentRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  /** The answer, once it came. */
  response?: Response;
}

/** Records what the page sends to the task API (the mock log has no bodies). */
function recordFetches() {
  const original = window.fetch;
  const sent: SentRequest[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const answer = original.call(window, input, init);
    if (!url.includes('/__mock/')) {
      const request: SentRequest = {
        url,
        method: init?.method ?? 'GET',
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? init.body : undefined,
      };
      sent.push(request);
      answer.then(
        (response) => (request.response = response),
        () => {},
      );
    }
    return answer;
  };
  return { sent, restore: () => (window.fetch = original) };
}

const gets = (log: LoggedRequest[]) => log.filter((r) => r.method === 'GET');
const posts = (log: LoggedRequest[]) => log.filter((r) => r.method === 'POST');

describe('<task-progress provider="mindproxy">', () => {
  let fetches: ReturnType<typeof recordFetches> | undefined;
  afterEach(() => {
    fetches?.restore();
    fetches = undefined;
    realClock();
  });

  describe('statuses', () => {
    it('shows each pending phase (1, 2, 3), then the image of status 4, without a token', async () => {
      const url = imageUrl('a');
      const { el, details, taskId } = await followGateway((id) => ({
        status: [
          { times: 2, ...task(id, 1) },
          { times: 2, ...task(id, 2) },
          { times: 2, ...task(id, 3) },
          task(id, 4, { assets: { image_url: url } }),
        ],
      }));
      const phases = recordPhases(el);
      await untilState(el, 'completed');
      phases.stop();

      expect(phases.seen).to.deep.equal(['Starting', 'Created', 'Queued', 'Processing']);
      const images = parts(el, 'image') as HTMLImageElement[];
      expect(images).to.have.length(1);
      expect(images[0].getAttribute('src')).to.equal(url);
      expect(images[0].closest('a')?.getAttribute('href')).to.equal(url);
      expect(el.images).to.deep.equal([{ status: 'succeeded', id: '0', kind: 'image', url }]);
      expect(details('task-complete')).to.deep.equal([{ taskId, images: el.images, urls: [url] }]);

      const changes = details<Detail>('task-state-change');
      expect(changes.map((d) => [d.previousState, d.state])).to.deep.equal([
        ['idle', 'pending'],
        ['pending', 'completed'],
      ]);
      expect(changes[1].status).to.equal(4);

      const log = await requestsOf(taskId);
      expect(log.length).to.be.at.least(7);
      expect(log.every((r) => r.url === `/v1/tasks/${taskId}` && r.method === 'GET')).to.equal(true);
      expect(log.map((r) => r.authorization)).to.deep.equal(log.map(() => null));
    });

    it('sends a token it is given as a Bearer header', async () => {
      const taskId = newTaskId();
      const url = imageUrl('b');
      const { el } = await follow(
        {
          provider: 'mindproxy',
          taskId,
          status: [{ times: 1, ...task(taskId, 2) }, task(taskId, 4, { assets: { image_url: url } })],
        },
        { provider: 'mindproxy' },
      );
      const { publicAccessToken } = el;
      expect(publicAccessToken).to.be.a('string').with.length.greaterThan(0);
      await untilState(el, 'completed');
      const log = await requestsOf(taskId);
      expect(log).to.have.length(2);
      expect(log.map((r) => r.authorization)).to.deep.equal([
        `Bearer ${publicAccessToken}`,
        `Bearer ${publicAccessToken}`,
      ]);
      expect(log.some((r) => r.url.includes(String(publicAccessToken)))).to.equal(false);
    });

    const ended = [
      {
        status: 5,
        state: 'failed',
        fields: { errorCode: 'E_POLICY', errorMessage: 'The prompt was refused <b>by policy</b>' },
        shown: [/The prompt was refused <b>by policy<\/b>/, /E_POLICY/],
        error: { code: 'E_POLICY' },
      },
      { status: 6, state: 'cancelled', fields: {}, shown: [], error: null },
      { status: 7, state: 'expired', fields: {}, shown: [], error: null },
      {
        status: 8,
        state: 'failed',
        fields: {},
        shown: [/refunded/i, /not charged/i],
        error: { code: 'refunded' },
      },
    ] as const;

    for (const { status, state, fields, shown, error } of ended) {
      it(`ends in ${state} on status ${status}`, async () => {
        const { el, details, taskId } = await followGateway((id) => ({
          status: [{ times: 1, ...task(id, 2) }, task(id, status, fields)],
        }));
        await untilState(el, state);

        const failed = details<Detail>('task-failed');
        expect(failed).to.have.length(1);
        expect(failed[0].taskId).to.equal(taskId);
        expect(failed[0].state).to.equal(state);
        if (error) expect(failed[0].error).to.include(error);
        else expect(failed[0].error).to.equal(null);
        expect(el.error).to.deep.equal(failed[0].error);
        expect(details<Detail>('task-state-change').at(-1)?.status).to.equal(status);

        const [message] = parts(el, 'message');
        expect(text(message)).to.not.equal('');
        const errorText = text(parts(el, 'error')[0]);
        for (const pattern of shown) expect(errorText).to.match(pattern);
        if (error) expect(errorText).to.equal(String((failed[0].error as Detail).message));
        // Server text is rendered as text, never as markup.
        expect(shadow(el).querySelector('b')).to.equal(null);
        expect(parts(el, 'retry-button')).to.have.length(1);
      });
    }
  });

  describe('video results', () => {
    async function completedVideo(asset: Record<string, unknown>) {
      const container = await fixture<HTMLDivElement>(html`<div style="width: 200px"></div>`);
      const mounted = await followGateway(
        (id) => ({ status: [task(id, 4, { taskType: 2, assets: asset })] }),
        {},
        container,
      );
      await untilState(mounted.el, 'completed');
      return mounted;
    }

    // Neither the video nor the poster arrives within a test, so the box measured is the reserved
    // one (and a video that failed would show as a failed tile: see expiring-urls.test.ts).
    const videoUrl = imageUrl('clip', { delay: 8000 });
    const thumbnailUrl = imageUrl('thumb', { w: 64, h: 32, delay: 8000 });

    it('renders task_type 2 as a video with its thumbnail as poster, in a square box', async () => {
      const { el } = await completedVideo({ video_url: videoUrl, thumbnail_url: thumbnailUrl, seed: 1234 });
      const videos = parts(el, 'video') as HTMLVideoElement[];
      expect(videos).to.have.length(1);
      const [video] = videos;
      expect(video.tagName).to.equal('VIDEO');
      expect(video.getAttribute('src')).to.equal(videoUrl);
      expect(video.getAttribute('poster')).to.equal(thumbnailUrl);
      expect(video.hasAttribute('controls')).to.equal(true);
      expect(video.hasAttribute('playsinline')).to.equal(true);
      expect(video.getAttribute('aria-label')).to.equal('Generated video');
      expect(parts(el, 'image')).to.have.length(0);

      expect(el.images).to.have.length(1);
      expect(el.images[0]).to.deep.include({
        status: 'succeeded',
        kind: 'video',
        url: videoUrl,
        thumbnailUrl,
        seed: 1234,
      });

      const box = video.getBoundingClientRect();
      expect(box.width).to.be.closeTo(200, 1);
      expect(box.height).to.be.greaterThan(0);
      expect(box.height).to.be.closeTo(box.width, 1);
    });

    it('reserves the box of the width and height given in the asset', async () => {
      const { el } = await completedVideo({
        video_url: videoUrl,
        thumbnail_url: thumbnailUrl,
        width: 640,
        height: 360,
      });
      const [video] = parts(el, 'video') as HTMLVideoElement[];
      expect(video.getAttribute('width')).to.equal('640');
      expect(video.getAttribute('height')).to.equal('360');
      expect(el.images[0]).to.deep.include({ width: 640, height: 360 });
      const box = video.getBoundingClientRect();
      expect(box.width).to.be.closeTo(200, 1);
      expect(box.height).to.be.closeTo((200 * 360) / 640, 1);
    });

    it('has no axe violation', async () => {
      const { el } = await completedVideo({ video_url: videoUrl, thumbnail_url: thumbnailUrl, seed: 7 });
      expect(parts(el, 'video')).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  });

  describe('fields read only for pacing or display', () => {
    const url = imageUrl('d');
    const odd: [string, unknown][] = [
      ['a number of seconds', 1_700_000_000],
      ['junk', 'yesterday-ish'],
      ['an object', { at: 1 }],
      ['null', null],
      ['a time in the future', new Date(Date.now() + 3_600_000).toISOString()],
    ];
    // A valid one gives the task's age: see estimate-rendering.test.ts.
    for (const [name, createdAt] of odd) {
      it(`a created_at that is ${name} is ignored: the task is followed to its results`, async () => {
        const at = (id: string, status: number, fields = {}) => ({
          json: { ...mindproxyTask(id, { status, ...fields }), created_at: createdAt },
        });
        const { el, details } = await followGateway(
          (id) => ({ status: [{ times: 1, ...at(id, 3) }, at(id, 4, { assets: { image_url: url } })] }),
          { expectedDuration: 60_000 },
        );
        await untilState(el, 'completed');
        expect(details('task-error')).to.deep.equal([]);
        expect(parts(el, 'image').map((img) => img.getAttribute('src'))).to.deep.equal([url]);
        const context = { taskId: el.taskId ?? '', token: undefined, baseUrl: mockApiUrl };
        const snapshot = await mindproxyAdapter.getStatus({
          ...context,
          signal: new AbortController().signal,
        });
        expect(snapshot.age, 'no age').to.equal(undefined);
      });
    }

    it('an event whose created_at is a number or missing is shown, and the task goes on', async () => {
      const events = [
        {
          task_event_id: 1,
          event_type: 'progress',
          status: 3,
          message: 'Warming up',
          created_at: 1_700_000_000,
        },
        { task_event_id: 2, event_type: 'progress', status: 3, message: 'Drawing' },
      ] as unknown as TaskEvent[];
      const { el, details, taskId } = await followGateway((id) => ({ status: [task(id, 3)], events }), {
        showEvents: true,
      });
      await untilRequests(taskId, 2, { which: gets });
      await until(
        () => text(parts(el, 'events')[0]?.querySelector('summary') ?? undefined) === 'Drawing',
        'events',
      );
      expect(details<TaskEvent>('task-event').map((event) => event.created_at)).to.deep.equal([
        '1700000000',
        '',
      ]);
      expect(details('task-error')).to.deep.equal([]);
      expect(el.state).to.equal('pending');
    });
  });

  describe('malformed result_assets_json', () => {
    const malformed: [string, (id: string) => MockStep][] = [
      ['not JSON', (id) => completedWithAssets(id, '{"image_url": "https://img.example/1.png"')],
      [
        'an object without a URL',
        (id) => completedWithAssets(id, JSON.stringify({ url: 'https://x/1.png' })),
      ],
      [
        'a list with a URL of the wrong type',
        (id) => completedWithAssets(id, JSON.stringify([{ image_url: 42 }])),
      ],
      ['a JSON string', (id) => completedWithAssets(id, JSON.stringify('https://img.example/1.png'))],
      ['not a string at all', (id) => completedWithAssets(id, [{ image_url: 'https://img.example/1.png' }])],
      ['a status body that is not JSON', () => ({ body: '<html>Bad gateway</html>' })],
    ];

    for (const [name, step] of malformed) {
      it(`retries ${name} as invalid-response, then gives up with state error`, async () => {
        const { el, details, taskId } = await followGateway((id) => ({ status: [step(id)] }), {
          maxRetries: 2,
        });
        await untilState(el, 'error');

        const errors = details<{ taskId: string; error: Detail; willRetry: boolean }>('task-error');
        expect(errors.map((e) => [e.error.code, e.willRetry])).to.deep.equal([
          ['invalid-response', true],
          ['invalid-response', true],
          ['invalid-response', false],
        ]);
        expect(errors.every((e) => e.taskId === taskId)).to.equal(true);
        expect(el.error?.code).to.equal('invalid-response');
        expect(gets(await requestsOf(taskId))).to.have.length(3);
        expect(el.images).to.deep.equal([]);
        expect(parts(el, 'message')).to.have.length(1);
        expect(parts(el, 'retry-button')).to.have.length(1);
        expect(details('task-complete')).to.have.length(0);
      });
    }

    it('completes when a later answer is well formed', async () => {
      const url = imageUrl('c');
      const { el, details } = await followGateway((id) => ({
        status: [
          { times: 1, ...completedWithAssets(id, 'nope') },
          task(id, 4, { assets: [{ image_url: url }] }),
        ],
      }));
      await untilState(el, 'completed');
      expect(details<Detail>('task-error').map((e) => e.willRetry)).to.deep.equal([true]);
      expect(parts(el, 'image').map((img) => img.getAttribute('src'))).to.deep.equal([url]);
    });
  });

  describe('cancel', () => {
    it('shows a Cancel button that POSTs a reason and shows Cancelling until status 6', async () => {
      fetches = recordFetches();
      const { el, details, taskId } = await followGateway((id) => ({ status: [task(id, 2)] }), {
        cancelable: true,
      });
      await until(() => phaseText(el) === 'Queued', 'expected phase Queued');
      const [button] = parts(el, 'cancel-button') as HTMLButtonElement[];
      expect(button.tagName).to.equal('BUTTON');
      expect(button.disabled).to.equal(false);

      button.click();
      await el.updateComplete;
      expect(details('task-cancel')).to.deep.equal([{ taskId }]);
      expect(phaseText(el)).to.equal('Cancelling');
      expect(el.state).to.equal('pending');
      expect((parts(el, 'cancel-button')[0] as HTMLButtonElement).disabled).to.equal(true);

      await untilState(el, 'cancelled');
      const log = await requestsOf(taskId);
      expect(posts(log).map((r) => r.url)).to.deep.equal([`/v1/tasks/${taskId}/cancel`]);
      const sent = fetches.sent.filter((r) => r.method === 'POST');
      expect(sent).to.have.length(1);
      expect(sent[0].headers.get('Content-Type')).to.match(/^application\/json/);
      const body = JSON.parse(sent[0].body ?? 'null') as { reason?: unknown };
      expect(body.reason).to.be.a('string').with.length.greaterThan(0);

      expect(details('task-failed')).to.deep.equal([{ taskId, state: 'cancelled', error: null }]);
      expect(details<Detail>('task-state-change').at(-1)).to.include({ state: 'cancelled', status: 6 });
      expect(parts(el, 'cancel-button')).to.have.length(0);
    });

    it('keeps showing Cancelling while pending answers arrive after the cancel', async () => {
      // The second poll is held by the mock; the cancel is sent while it is in flight, so a pending
      // answer (status 3) arrives after the cancel was accepted.
      const { el, taskId } = await followGateway((id) => ({
        status: [
          { times: 1, ...task(id, 2) },
          { ...task(id, 3), delay: 1500 },
        ],
      }));
      await until(() => phaseText(el) === 'Queued', 'expected phase Queued');
      await untilRequests(taskId, 2, { which: gets });
      const phases = recordPhases(el);
      el.cancel();
      await untilState(el, 'cancelled');
      phases.stop();

      expect(phases.seen).to.deep.equal(['Queued', 'Cancelling']);
      const log = await requestsOf(taskId);
      expect(log.map((r) => r.method).slice(0, 3)).to.deep.equal(['GET', 'GET', 'POST']);
      expect(log[1].aborted).to.equal(false);
      // The held answer was read before the poll that saw status 6.
      expect(gets(log)).to.have.length(3);
    });

    it('reads the answers to a cancel at once, a failed one too: no request lingers until the run ends', async () => {
      const { el, taskId } = await followGateway(
        (id) => ({
          status: [task(id, 2)],
          cancel: [{ times: 1, status: 500, json: { error: 'boom' } }, { json: { task_id: id, status: 6 } }],
        }),
        { cancelable: true },
      );
      await untilRequests(taskId, 1, { which: gets });
      fetches = recordFetches();
      el.cancel();
      await until(
        () => el.error?.code === 'cancel-failed' || parts(el, 'error').length === 1,
        'cancel failed',
      );
      const [failed] = fetches.sent.filter((request) => request.method === 'POST');
      expect(failed.response?.status).to.equal(500);
      expect(failed.response?.bodyUsed, 'the failed answer was read').to.equal(true);
      el.cancel();
      await untilState(el, 'cancelled');
      const answers = fetches.sent.filter((request) => request.method === 'POST').map((r) => r.response);
      expect(answers.map((response) => [response?.status, response?.bodyUsed])).to.deep.equal([
        [500, true],
        [200, true],
      ]);
    });

    it('sends nothing and stays pending when task-cancel is prevented', async () => {
      const { el, details, taskId } = await followGateway((id) => ({ status: [task(id, 2)] }), {
        cancelable: true,
      });
      await until(() => phaseText(el) === 'Queued', 'expected phase Queued');
      el.addEventListener('task-cancel', (event) => event.preventDefault());
      parts(el, 'cancel-button')[0].click();
      await el.updateComplete;
      expect(details('task-cancel')).to.have.length(1);
      expect(phaseText(el)).to.equal('Queued');

      const before = gets(await requestsOf(taskId)).length;
      const log = await untilRequests(taskId, before + 2, { which: gets });
      expect(posts(log)).to.have.length(0);
      expect(el.state).to.equal('pending');
      expect(details('task-failed')).to.have.length(0);
    });

    it('reports a failed cancel, stays pending and lets Cancel be pressed again', async () => {
      const { el, details, taskId } = await followGateway(
        (id) => ({
          status: [task(id, 2)],
          cancel: [{ times: 1, status: 500, json: { error: 'boom' } }, { json: { task_id: id, status: 6 } }],
        }),
        { cancelable: true },
      );
      await until(() => phaseText(el) === 'Queued', 'expected phase Queued');
      const failure = oneEvent<TaskErrorEvent>(el, 'task-error');
      parts(el, 'cancel-button')[0].click();
      const { detail } = await failure;
      await el.updateComplete;

      expect(detail.taskId).to.equal(taskId);
      expect(detail.error).to.include({ code: 'cancel-failed', httpStatus: 500 });
      expect(detail.willRetry).to.equal(false);
      expect(el.state).to.equal('pending');
      // Back to where the task was, not to a phase it has left.
      expect(phaseText(el)).to.equal('Queued');
      // The element's own message, in the page's language; the event carries the request's.
      const [shown] = parts(el, 'error');
      expect(text(shown)).to.equal('The generation could not be cancelled.');
      expect((parts(el, 'cancel-button')[0] as HTMLButtonElement).disabled).to.equal(false);

      // Following goes on, and the failure stays shown while the task is pending.
      const before = gets(await requestsOf(taskId)).length;
      await untilRequests(taskId, before + 1, { which: gets });
      await el.updateComplete;
      expect(el.state).to.equal('pending');
      expect(text(parts(el, 'error')[0])).to.equal('The generation could not be cancelled.');

      parts(el, 'cancel-button')[0].click();
      await el.updateComplete;
      expect(details('task-cancel')).to.have.length(2);
      expect(parts(el, 'error')).to.have.length(0);
      await untilState(el, 'cancelled');
      expect(posts(await requestsOf(taskId))).to.have.length(2);
      expect(details<Detail>('task-error').map((e) => (e.error as Detail).code)).to.deep.equal([
        'cancel-failed',
      ]);
    });

    it('mynth (no cancel endpoint): cancel() stops following at once, state cancelled', async () => {
      const env = fakeClock();
      const { el, details, taskId } = await follow({ status: [pending] }, { cancelable: true });
      await untilFirstStatus(el);
      fetches = recordFetches();
      el.cancel();
      await el.updateComplete;
      expect(el.state).to.equal('cancelled');
      expect(details('task-cancel')).to.deep.equal([{ taskId }]);
      expect(details('task-failed')).to.deep.equal([{ taskId, state: 'cancelled', error: null }]);

      // A following element would poll again within maxPollInterval.
      await env.advance(HOUR);
      expect(fetches.sent).to.deep.equal([]);
      expect(posts(await requestsOf(taskId))).to.have.length(0);
      expect(el.state).to.equal('cancelled');
    });
  });

  describe('show-events', () => {
    const events: TaskEvent[] = Array.from({ length: 60 }, (_, i) => ({
      task_event_id: `ev_${i + 1}`,
      event_type: 'progress',
      status: 3,
      message: `Step ${i + 1} of 60`,
      created_at: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
    }));
    const isEvents = (log: LoggedRequest[]) => log.filter((r) => r.url.includes('/events'));

    async function followWithEvents() {
      const mounted = await followGateway((id) => ({ status: [task(id, 3)], events }), {
        showEvents: true,
      });
      // Two pages for the first poll, then one per further poll.
      const log = await untilRequests(mounted.taskId, 4, { which: isEvents });
      await mounted.el.updateComplete;
      return { ...mounted, log };
    }

    it('reads the events page by page and fires task-event once per event', async () => {
      const { el, details, taskId, log } = await followWithEvents();
      const urls = isEvents(log).map((r) => r.url);
      const base = `/v1/tasks/${taskId}/events`;
      expect(urls.slice(0, 2)).to.deep.equal([`${base}?limit=50&offset=0`, `${base}?limit=50&offset=50`]);
      expect(urls.slice(2)).to.deep.equal(urls.slice(2).map(() => `${base}?limit=50&offset=60`));

      const fired = details<TaskEvent>('task-event');
      expect(fired.map((e) => e.task_event_id)).to.deep.equal(events.map((e) => e.task_event_id));
      expect(new Set(fired.map((e) => e.task_event_id)).size).to.equal(60);
      expect(fired[59]).to.deep.equal(events[59]);

      const [disclosure] = parts(el, 'events');
      expect(disclosure.tagName).to.equal('DETAILS');
      expect(text(disclosure.querySelector('summary') ?? undefined)).to.equal('Step 60 of 60');
      const items = [...disclosure.querySelectorAll('li')].map((li) => text(li));
      expect(items).to.deep.equal(events.map((e) => e.message));
    });

    it('has no axe violation with the event list open', async () => {
      const { el } = await followWithEvents();
      const [disclosure] = parts(el, 'events') as HTMLDetailsElement[];
      disclosure.open = true;
      expect(disclosure.querySelector('ol')?.getBoundingClientRect().height).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });
  });
});
