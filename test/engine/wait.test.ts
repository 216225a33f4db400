// What the API knows of the wait (docs/behaviour.md, "What the API knows of the wait"): its queue,
// progress and previews, read tolerantly, and a task followed on after a reload. On the fake clock:
// every time here is exact.
import { expect } from '@open-wc/testing';
import { Engine, type FollowOptions, type FollowSnapshot } from '../../src/engine/index.js';
import type { TaskAdapter, TaskImage, TaskSnapshot } from '../../src/types.js';
import { image } from '../helpers/answers.js';
import { EPOCH, FakeEnvironment } from '../helpers/fake-environment.js';
import { Subscriber } from '../helpers/follow.js';

const KIND = '["mynth","https://api.example","queue-kind"]';
/** The element's defaults: polls 2 s apart at first, at most 5 s. */
const DEFAULTS: Partial<FollowOptions> = { pollInterval: 2000, maxPollInterval: 5000 };

/** A task whose status at each request is `answer(ms since the test started)`; completed from `endAt`. */
function scripted(env: FakeEnvironment, endAt: number, answer: (at: number) => Partial<TaskSnapshot>) {
  const sent: number[] = [];
  const adapter: TaskAdapter = {
    async getStatus() {
      const at = env.elapsed;
      sent.push(at);
      return at < endAt
        ? { state: 'pending', status: 'pending', ...answer(at) }
        : { state: 'completed', status: 'completed', images: [image('1')] };
    },
  };
  return { adapter, sent };
}

function follow(env: FakeEnvironment, adapter: TaskAdapter, options: Partial<FollowOptions> = {}) {
  return new Subscriber(new Engine(env), adapter, {
    ...DEFAULTS,
    provider: 'mynth',
    durationKey: 'queue-kind',
    ...options,
  });
}

const urlOf = (image: TaskImage) => (image.status === 'succeeded' ? image.url : undefined);

/** What each pending status answer told. */
const pendingSeen = (sub: Subscriber) =>
  sub.seen.filter((snapshot) => snapshot.state === 'pending' && snapshot.status !== undefined);

describe('wait: the queue', () => {
  it('gives no estimate while queued, and counts the duration from when processing began', async () => {
    const env = new FakeEnvironment();
    // Queued for the first 10 s, then processing.
    const { adapter, sent } = scripted(env, 40_000, (at) =>
      at < 10_000 ? { phase: 'queued', queuePosition: at < 5000 ? 2 : 0 } : { phase: 'processing' },
    );
    const sub = follow(env, adapter, { expectedDuration: 30_000 });
    await env.advance(60_000);
    const queued = pendingSeen(sub).filter((snapshot) => snapshot.queued);
    expect(queued.map((snapshot) => snapshot.queuePosition)).to.include.members([2, 0]);
    expect(queued.every((snapshot) => snapshot.estimate === undefined)).to.equal(true);
    // Processing began between the last queued answer and the first processing one: their middle.
    const lastQueued = sent.filter((at) => at < 10_000).at(-1) ?? NaN;
    const firstProcessing = sent.find((at) => at >= 10_000) ?? NaN;
    const processing = pendingSeen(sub).find((snapshot) => !snapshot.queued && snapshot.estimate);
    expect(processing?.estimate?.from).to.equal(EPOCH + (lastQueued + firstProcessing) / 2);
    expect(processing?.queued).to.equal(undefined);
    expect(sub.last.state).to.equal('completed');
  });

  it('treats the gateway phase `created` as queued, and paces a queue by growing toward the ceiling', async () => {
    const env = new FakeEnvironment();
    const { adapter, sent } = scripted(env, 30_000, () => ({ phase: 'created' }));
    const sub = follow(env, adapter, { expectedDuration: 30_000 });
    await env.advance(30_000);
    expect(pendingSeen(sub).every((snapshot) => snapshot.queued && !snapshot.estimate)).to.equal(true);
    // From poll-interval, × 1.5 each time, up to max-poll-interval: as with nothing known.
    expect(sent.slice(0, 5)).to.deep.equal([0, 2000, 5000, 9500, 14_500]);
  });

  it('learns the processing time, not the time in the queue', async () => {
    const env = new FakeEnvironment();
    for (const start of [0, 100_000, 200_000]) {
      const { adapter } = scripted(env, start + 40_000, (at) =>
        at < start + 20_000 ? { phase: 'queued' } : { phase: 'processing' },
      );
      follow(env, adapter, { taskId: `task-${start}` });
      await env.advance(100_000);
    }
    const [learned] = env.durations.durations(KIND, false);
    // About the 20 s of processing (each end known to within a poll), far from the 40 s in all.
    expect(learned).to.be.within(15_000, 25_000);
  });
});

describe('wait: progress', () => {
  it('is held at its highest, and its rate gives the end once two readings are 2 s apart', async () => {
    const env = new FakeEnvironment();
    // 1 % a second, with one reading that goes back.
    const { adapter, sent } = scripted(env, 100_000, (at) => ({
      phase: 'processing',
      progress: at === 5000 ? 0.01 : at / 100_000,
    }));
    const sub = follow(env, adapter);
    await env.advance(20_000);
    const seen = pendingSeen(sub);
    expect(sent.slice(0, 4)).to.deep.equal([0, 2000, 5000, 9500]);
    expect(seen.slice(0, 4).map((snapshot) => snapshot.progress)).to.deep.equal([0, 0.02, 0.02, 0.095]);
    expect(seen[0].estimate, 'one reading gives no rate').to.equal(undefined);
    // Readings at 0 (0 %) and 2000 (2 %): 1 % a second, from the start.
    expect(seen[1].estimate?.from).to.be.closeTo(EPOCH, 1e-3);
    expect(seen[1].estimate?.duration).to.be.closeTo(100_000, 1e-3);
  });

  it('falls back to the estimate until the rate is known', async () => {
    const env = new FakeEnvironment();
    const { adapter } = scripted(env, 100_000, (at) => ({ phase: 'processing', progress: at / 100_000 }));
    const sub = follow(env, adapter, { expectedDuration: 50_000 });
    await env.advance(60_000);
    const [first, second] = pendingSeen(sub);
    expect(first.estimate).to.deep.include({ from: EPOCH, duration: 50_000 });
    expect(second.estimate?.duration).to.be.closeTo(100_000, 1e-3);
  });
});

describe('wait: optional fields are never an error', () => {
  const malformed: Record<string, unknown>[] = [
    { progress: 7 },
    { progress: -0.5 },
    { progress: '0.5' },
    { progress: NaN },
    { queuePosition: -1 },
    { queuePosition: 1.5 },
    { queuePosition: '3' },
    { previews: 'https://cdn.example/p.png' },
    { previews: [null, 5, { status: 'failed', error: 'x' }, { url: 'https://cdn.example/p.png' }] },
  ];
  for (const fields of malformed) {
    it(`ignores ${JSON.stringify(fields)} and follows the task to its end`, async () => {
      const env = new FakeEnvironment();
      const { adapter } = scripted(env, 3000, () => fields);
      const sub = follow(env, adapter);
      await env.advance(10_000);
      const [snapshot] = pendingSeen(sub);
      expect([snapshot.progress, snapshot.queued, snapshot.queuePosition]).to.deep.equal([
        undefined,
        undefined,
        undefined,
      ]);
      expect(snapshot.previews ?? []).to.deep.equal([]);
      expect(sub.last.state).to.equal('completed');
      expect(sub.failures).to.deep.equal([]);
    });
  }
});

describe('wait: previews', () => {
  it('shows the newest previews, keeps them through a status without any, and drops them with the results', async () => {
    const env = new FakeEnvironment();
    const first = image('preview-1');
    const second = image('preview-2');
    const { adapter } = scripted(env, 9000, (at) => ({
      previews: at < 2000 ? [first] : at < 5000 ? undefined : [second],
    }));
    const sub = follow(env, adapter);
    await env.advance(20_000);
    const shown = (snapshot: FollowSnapshot) => snapshot.previews?.map(urlOf);
    expect(pendingSeen(sub).map(shown)).to.deep.equal([[urlOf(first)], [urlOf(first)], [urlOf(second)]]);
    expect(sub.last.state).to.equal('completed');
    expect(sub.last.previews).to.equal(undefined);
  });
});

describe('wait: a task followed on after a reload', () => {
  it('counts its time from when following began before the reload', async () => {
    const env = new FakeEnvironment();
    const { adapter } = scripted(env, 40_000, () => ({ phase: 'processing' }));
    const sub = follow(env, adapter, { startedAt: EPOCH - 12_000, expectedDuration: 30_000 });
    await env.advance(1000);
    expect(sub.last.startedAt).to.equal(EPOCH - 12_000);
    expect(sub.last.estimate).to.deep.include({ from: EPOCH - 12_000, duration: 30_000 });
  });

  it('takes no time to come for its start', async () => {
    const env = new FakeEnvironment();
    const { adapter } = scripted(env, 40_000, () => ({ phase: 'processing' }));
    const sub = follow(env, adapter, { startedAt: EPOCH + 60_000 });
    await env.advance(1000);
    expect(sub.last.startedAt).to.equal(EPOCH);
  });

  it('takes a start up to a day ago, and none longer ago or not a time', async () => {
    const starts = [EPOCH - 86_400_000, EPOCH - 86_400_001, 1, -1e300, -Infinity, NaN];
    const seen = [];
    for (const startedAt of starts) {
      const env = new FakeEnvironment();
      const { adapter } = scripted(env, 40_000, () => ({ phase: 'processing' }));
      const sub = follow(env, adapter, { startedAt });
      await env.advance(1000);
      seen.push(sub.last.startedAt);
    }
    expect(seen).to.deep.equal([EPOCH - 86_400_000, EPOCH, EPOCH, EPOCH, EPOCH, EPOCH]);
  });
});
