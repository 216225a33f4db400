// What the element shows of what the API knows of the wait (SPEC §5.2; docs/behaviour.md, "What the
// API knows of the wait"): the API's progress on the bar and the ETA from its rate, the queue, and
// previews in the result area; optional fields that are malformed are ignored. In a real browser,
// through an adapter of the page's own and the gateway dialect on the mock; time on the fake clock.
import { expect, fixture, html } from '@open-wc/testing';
import { mindproxyTask } from '../mock/bodies.js';
import type { Scenario } from '../mock/types.js';
import type { SucceededImage, TaskAdapter, TaskProgress } from '../src/index.js';
import { createTask, mockApiUrl } from './helpers/mock-api.js';
import { mount, parts, shadow, untilState } from './helpers/element.js';
import { EPOCH } from './helpers/fake-environment.js';
import { fakeClock, realClock } from './helpers/fake-clock.js';
import { until } from './helpers/until.js';

type Props = Parameters<typeof mount>[0];

/** A duration kind of its own, so that no task followed before has taught the element an estimate. */
const unlearned = () => ({ durationKey: Math.random().toString(36).slice(2) });

const text = (el: Element | undefined) => el?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const partText = (el: TaskProgress, name: string) => parts(el, name).map(text);
const percentShown = (el: TaskProgress) => parts(el, 'progress')[0]?.getAttribute('aria-valuenow');

const image = (name: string): SucceededImage => ({
  status: 'succeeded',
  id: name,
  url: `${mockApiUrl}/__mock/images/${name}.svg?w=64`,
  kind: 'image',
});

/**
 * A task API of the page's own: while `api.answer` is set, each status is pending with its fields;
 * once `api.images` is set, the task completes with them. `api.calls` counts the status requests.
 */
function scriptedApi(answer: Record<string, unknown>) {
  const api = { answer, calls: 0, images: undefined as SucceededImage[] | undefined };
  const adapter: TaskAdapter = {
    async getStatus() {
      api.calls++;
      return api.images
        ? { state: 'completed', status: 'done', images: api.images }
        : { state: 'pending', status: 'running', ...api.answer };
    },
  };
  return { api, adapter };
}

/** Follows a task of a scripted API (in `parent`, else a new container). */
async function followScripted(first: Record<string, unknown>, props: Props = {}, parent?: HTMLElement) {
  const { api, adapter } = scriptedApi(first);
  const mounted = await mount(
    { taskId: 'wait-task', publicAccessToken: 'tok', adapter, ...unlearned(), ...props },
    parent,
  );
  /** Sets the next answers, and waits until the element has rendered one of them. */
  const answer = async (next: Record<string, unknown>) => {
    api.answer = next;
    const calls = api.calls;
    await until(() => api.calls >= calls + 2, 'two more status requests');
    await mounted.el.updateComplete;
  };
  await until(() => api.calls >= 1, 'the first status request');
  await mounted.el.updateComplete;
  return { ...mounted, api, answer };
}

describe('wait: progress from the API', () => {
  afterEach(realClock);

  it('fills the bar by it, never back, and below 100 until the results are shown', async () => {
    const { el, api, answer } = await followScripted({ progress: 0.3 });
    await until(() => percentShown(el) === '30', 'the bar at 30');
    await answer({ progress: 0.1 });
    expect(percentShown(el), 'a lower progress is held at the highest').to.equal('30');
    await answer({ progress: 1 });
    await until(() => percentShown(el) === '99', 'the bar at 99');
    api.images = [image('done')];
    await untilState(el, 'completed');
    expect(parts(el, 'progress')).to.have.length(0);
    expect(parts(el, 'image')).to.have.length(1);
  });

  /** An element following a task whose progress rises 2 % a second on the fake clock, to 1 at most. */
  async function risingOnFakeClock(props: Props = {}) {
    const env = fakeClock();
    const adapter: TaskAdapter = {
      getStatus: async () => ({
        state: 'pending',
        status: 'running',
        progress: Math.min(1, (env.now() - EPOCH) / 50_000),
      }),
    };
    const { el } = await mount({
      taskId: 'rate-task',
      publicAccessToken: 'tok',
      adapter,
      ...unlearned(),
      pollInterval: 1000,
      maxPollInterval: 2000,
      ...props,
    });
    await until(() => percentShown(el) === '0', 'the first status');
    return { env, el };
  }

  it('gives the ETA from its rate once two readings are 2 s apart, from the estimate before', async () => {
    const { env, el } = await risingOnFakeClock({ expectedDuration: 100_000 });
    expect(partText(el, 'eta')).to.deep.equal(['About 2 min left']);
    await env.advance(10_000);
    await el.updateComplete;
    // 2 % a second: 50 s in all, 40 s left; the estimate would have said 90 s.
    expect(partText(el, 'eta')).to.deep.equal(['About 40 s left']);
    expect(percentShown(el)).to.equal('20');
  });

  it('without an estimate, shows no ETA until the rate is known', async () => {
    const { env, el } = await risingOnFakeClock();
    expect(parts(el, 'eta')).to.have.length(0);
    await env.advance(1000);
    await el.updateComplete;
    expect(parts(el, 'eta'), 'one reading gives no rate').to.have.length(0);
    await env.advance(9000);
    await el.updateComplete;
    expect(partText(el, 'eta')).to.deep.equal(['About 40 s left']);
  });

  it('says "Taking longer than usual" when its rate says the end has passed, the bar still determinate', async () => {
    const { env, el } = await risingOnFakeClock();
    await env.advance(49_000);
    await el.updateComplete;
    expect(partText(el, 'eta')).to.deep.equal(['About 1 s left']);
    await env.advance(3000);
    await el.updateComplete;
    expect(partText(el, 'eta')).to.deep.equal(['Taking longer than usual']);
    expect(percentShown(el)).to.equal('99');
  });
});

describe('wait: the queue', () => {
  /** A gateway task whose status answers are `statuses`, created `ageMs` ago by its `created_at`. */
  async function gatewayTask(statuses: { status: number; times?: number }[], ageMs: number) {
    const taskId = `gw_${Math.random().toString(36).slice(2)}`;
    const created_at = new Date(Date.now() - ageMs).toISOString();
    const status = statuses.map(({ status: code, times }) => ({
      times,
      json: { ...mindproxyTask(taskId, { status: code }), created_at },
    }));
    const scenario = { provider: 'mindproxy', taskId, token: null, status } satisfies Scenario;
    return createTask(scenario);
  }

  it("the gateway's statuses 1 and 2 are queued, with no ETA; the estimate counts from status 3", async () => {
    // Created 20 minutes ago: counted from then, the 2 min expected would long have passed.
    const task = await gatewayTask(
      [{ status: 1, times: 3 }, { status: 2, times: 3 }, { status: 3 }],
      1_200_000,
    );
    const { el } = await mount({ ...task, provider: 'mindproxy', expectedDuration: 120_000, ...unlearned() });
    const seen: string[][] = [];
    await until(() => {
      const row = [...partText(el, 'phase'), ...partText(el, 'queue'), ...partText(el, 'eta')];
      if (row.join() !== seen.at(-1)?.join()) seen.push(row);
      return partText(el, 'phase')[0] === 'Processing';
    }, 'processing');
    await el.updateComplete;
    expect(seen.filter((row) => row[0] !== 'Starting').slice(0, 2)).to.deep.equal([
      ['Created', 'In queue'],
      ['Queued', 'In queue'],
    ]);
    expect(parts(el, 'queue')).to.have.length(0);
    expect(partText(el, 'eta')).to.deep.equal(['About 2 min left']);
  });

  const positions: [number | undefined, string, string?][] = [
    [3, '3 ahead of yours'],
    [12_000, '12,000 ahead of yours'],
    [0, 'Next in line'],
    [12_000, '12.000 vor Ihnen', 'de'],
  ];
  for (const [queuePosition, said, lang] of positions) {
    it(`says "${said}" for a queue position of ${queuePosition}${lang ? ` in ${lang}` : ''}`, async () => {
      const parent = await fixture<HTMLDivElement>(html`<div lang=${lang ?? 'en'}></div>`);
      const { el } = await followScripted(
        { queuePosition, expectedDuration: 30_000 },
        { expectedDuration: 30_000 },
        parent,
      );
      await until(() => partText(el, 'queue')[0] === said, `the queue says ${said}`);
      expect(parts(el, 'eta'), 'no ETA while queued').to.have.length(0);
      expect(percentShown(el), 'no share of an estimate while queued').to.equal(null);
    });
  }

  it('says "In queue" for the phase "queued" of an adapter, then counts processing from its first status', async () => {
    const { el, answer } = await followScripted({ phase: 'queued' }, { expectedDuration: 30_000 });
    expect(partText(el, 'queue')).to.deep.equal(['In queue']);
    expect(parts(el, 'eta')).to.have.length(0);
    await answer({ phase: 'processing' });
    expect(parts(el, 'queue')).to.have.length(0);
    expect(partText(el, 'eta')).to.deep.equal(['About 30 s left']);
  });
});

describe('wait: previews', () => {
  const tileBoxes = (el: TaskProgress) =>
    [...shadow(el).querySelectorAll('.grid > li')].map((tile) => {
      const { left, top, width, height } = tile.getBoundingClientRect();
      return [left, top, width, height].map(Math.round);
    });
  const previewSources = (el: TaskProgress) => parts(el, 'preview').map((img) => img.getAttribute('src'));

  it('shows the newest preview in the placeholders’ boxes, then the results in the same boxes', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div style="width: 400px"></div>`);
    const { el, api, answer } = await followScripted(
      { previews: [image('preview-1')] },
      { expectedCount: 2, expectedAspectRatio: '1' },
      parent,
    );
    expect(previewSources(el)).to.deep.equal([image('preview-1').url]);
    expect(parts(el, 'placeholder'), 'the other box').to.have.length(1);
    expect(parts(el, 'preview')[0].getAttribute('alt')).to.equal('');
    const boxes = tileBoxes(el);
    await answer({});
    expect(previewSources(el), 'kept through a status without previews').to.deep.equal([
      image('preview-1').url,
    ]);
    await answer({ previews: [image('preview-2'), image('preview-3')] });
    expect(previewSources(el)).to.deep.equal([image('preview-2').url, image('preview-3').url]);
    expect(parts(el, 'placeholder')).to.have.length(0);
    expect(tileBoxes(el), 'previews take the placeholders’ boxes').to.deep.equal(boxes);
    api.images = [image('result-1'), image('result-2')];
    await untilState(el, 'completed');
    expect(parts(el, 'preview')).to.have.length(0);
    expect(parts(el, 'image')).to.have.length(2);
    expect(tileBoxes(el), 'the results take the same boxes').to.deep.equal(boxes);
  });

  it('without expected-count, shows the previews in tiles of their own', async () => {
    const { el } = await followScripted({ previews: [image('preview-1')] });
    expect(previewSources(el)).to.deep.equal([image('preview-1').url]);
    expect(parts(el, 'placeholder')).to.have.length(0);
  });

  it('10,000 previews: only as many as there are boxes, loaded lazily', async () => {
    const many = Array.from({ length: 10_000 }, (_, index) => image(`preview-${index}`));
    const { el } = await followScripted({ previews: many });
    const urls = (count: number) => many.slice(0, count).map((preview) => preview.url);
    expect(previewSources(el), 'without expected-count, four').to.deep.equal(urls(4));
    expect(shadow(el).querySelectorAll('.grid > li'), 'four tiles').to.have.length(4);
    el.expectedCount = 6;
    await el.updateComplete;
    expect(previewSources(el), 'one in each placeholder’s box').to.deep.equal(urls(6));
    expect(parts(el, 'preview').map((preview) => preview.getAttribute('loading'))).to.deep.equal(
      Array(6).fill('lazy'),
    );
  });

  it('leaves out a preview whose URL is unsafe, and goes on', async () => {
    const unsafe = { ...image('evil'), url: 'javascript:alert(1)' };
    const { el, api } = await followScripted({ previews: [unsafe, image('preview-1')] });
    expect(previewSources(el)).to.deep.equal([image('preview-1').url]);
    expect(el.state).to.equal('pending');
    api.images = [image('result-1')];
    await untilState(el, 'completed');
  });
});

describe('wait: optional fields that are malformed are ignored', () => {
  const malformed: Record<string, unknown>[] = [
    { progress: 7 },
    { progress: '0.5' },
    { queuePosition: -1 },
    { queuePosition: '3' },
    { previews: 'https://cdn.example/p.png' },
    { previews: [null, 5, { url: 'https://cdn.example/p.png' }] },
  ];
  for (const fields of malformed) {
    it(`${JSON.stringify(fields)}: nothing of it shown, and the task followed to its results`, async () => {
      const { el, api } = await followScripted(fields);
      expect(el.state).to.equal('pending');
      expect(percentShown(el)).to.equal(null);
      expect(parts(el, 'queue')).to.have.length(0);
      expect(parts(el, 'preview')).to.have.length(0);
      api.images = [image('result-1')];
      await untilState(el, 'completed');
      expect(parts(el, 'image')).to.have.length(1);
    });
  }
});

describe('wait: accessibility', () => {
  for (const [page, style] of [
    ['light', 'background: #fff; color: #111'],
    ['dark', 'background: #111; color: #eee; color-scheme: dark'],
  ]) {
    it(`axe finds nothing in the queue and preview states, on a ${page} page`, async () => {
      const parent = await fixture<HTMLDivElement>(html`<div style=${style}></div>`);
      const queued = await followScripted(
        { queuePosition: 3, phase: 'queued' },
        { cancelable: true },
        parent,
      );
      const previewing = await followScripted(
        { progress: 0.4, previews: [image('preview-1')] },
        { expectedCount: 2 },
        parent,
      );
      await until(
        () => partText(queued.el, 'queue').length === 1 && percentShown(previewing.el) === '40',
        'both states',
      );
      await expect(queued.el).to.be.accessible();
      await expect(previewing.el).to.be.accessible();
    });
  }
});
