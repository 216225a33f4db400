// Push on the fake clock (docs/behaviour.md, "Push"): a subscription trusted while it shows life,
// and polling whenever it does not: healthy, silent, failing, closing and resumed subscriptions.
import { expect } from '@open-wc/testing';
import { Engine, RESUBSCRIBE_LONGEST, STREAM_TIMEOUT, resubscribeDelay } from '../../src/engine/index.js';
import { type Script, fakeAdapter } from '../helpers/fake-adapter.js';
import { FakeEnvironment, HOUR, seededRandom } from '../helpers/fake-environment.js';
import { ended, image, networkFailure, pending } from '../helpers/answers.js';
import { Subscriber, expectStopped, follow, followShared } from '../helpers/follow.js';

/** A task whose adapter can be subscribed to, and whose polls answer pending. */
const pushed = (extra: Partial<Script> = {}): Script => ({
  status: [pending()],
  results: [[image('a')]],
  subscribe: true,
  ...extra,
});

describe('engine: push, a healthy subscription', () => {
  it('sends no status poll while the subscription shows life, and ends with what it pushed', async () => {
    const { env, api, sub } = follow(pushed());
    const [stream] = api.streams;
    expect(stream.at).to.equal(0);
    stream.ctx.alive();
    stream.emit(pending('queued'));
    await env.advance(10_000);
    stream.ctx.alive(); // a keep-alive
    await env.advance(10_000);
    stream.emit(pending('processing'));
    await env.advance(10_000);
    stream.emit(ended('completed', [image('a'), image('b')]));
    await env.advance(0);
    expect(api.times('status'), 'status polls').to.deep.equal([]);
    expect(api.times('results'), 'results requests').to.deep.equal([]);
    const told = sub.seen.map((seen) => seen.phase ?? seen.state);
    expect(told.filter((each, i) => each !== told[i - 1])).to.deep.equal([
      'pending',
      'queued',
      'processing',
      'completed',
    ]);
    expect(sub.last.images?.map((each) => each.status === 'succeeded' && each.id)).to.deep.equal(['a', 'b']);
    expect(stream.ended, 'the subscription ended at the terminal state').to.equal(true);
    expect(api.streams).to.have.length(1);
    await expectStopped({ env, api });
  });

  it('asks for the results once when the pushed completed status does not carry them', async () => {
    const { env, api, sub } = follow(pushed());
    const [stream] = api.streams;
    stream.emit(pending());
    await env.advance(5000);
    stream.emit(ended('completed'));
    await env.advance(0);
    expect(api.times('status')).to.deep.equal([]);
    expect(api.times('results')).to.deep.equal([5000]);
    expect(sub.last.state).to.equal('completed');
    expect(stream.ended).to.equal(true);
  });

  it('gives a new subscription a poll interval to show life before the first poll', async () => {
    const { env, api } = follow(pushed());
    await env.advance(99);
    expect(api.times('status')).to.deep.equal([]);
    api.streams[0].ctx.alive();
    await env.advance(STREAM_TIMEOUT - 1);
    expect(api.times('status'), 'alive within the interval: no poll').to.deep.equal([]);
  });

  it('polls on the usual schedule, from the first poll interval, while the subscription is silent', async () => {
    const { env, api } = follow(pushed());
    await env.advance(1000);
    expect(api.times('status')).to.deep.equal([100, 200, 350, 575, 912.5]);
  });

  it('polls when asked to refresh, once, though the subscription is trusted', async () => {
    const { env, api, sub } = follow(pushed());
    api.streams[0].ctx.alive();
    await env.advance(1000);
    sub.subscription.refresh();
    await env.advance(STREAM_TIMEOUT - 1001);
    expect(api.times('status')).to.deep.equal([1000]);
  });

  it('opens one subscription for every subscriber of the task, with the first stream URL given', async () => {
    const url = 'https://app.example/s/1';
    const { env, api, subs } = followShared(pushed(), [
      {},
      { streamUrl: url },
      { streamUrl: 'https://other' },
    ]);
    await env.advance(0);
    // The stream URL a newcomer asks for is a new subscription in place of the one without.
    expect(api.streams.map((stream) => [stream.ctx.streamUrl, stream.ended])).to.deep.equal([
      [undefined, true],
      [url, false],
    ]);
    const { ctx } = api.streams[1];
    expect(ctx).to.include({ taskId: 'task-1', token: 'token-1', baseUrl: 'https://api.example' });
    api.streams[1].emit(ended('completed', [image('a')]));
    await env.advance(0);
    expect(subs.map((each) => each.last.state)).to.deep.equal(['completed', 'completed', 'completed']);
  });

  it('ends the subscription when the last subscriber leaves, and opens a new one when one comes back', async () => {
    const env = new FakeEnvironment();
    const { api, engine, subs } = followShared(pushed(), [{}], env);
    const [stream] = api.streams;
    stream.ctx.alive();
    subs[0].unsubscribe();
    expect(stream.ended).to.equal(true);
    await env.advance(HOUR);
    expect(api.streams).to.have.length(1);
    new Subscriber(engine, api.adapter);
    expect(api.streams).to.have.length(2);
    expect(api.streams[1].ended).to.equal(false);
  });

  it('polls as usual when the adapter has nothing to subscribe to, and asks it once per run', async () => {
    const { env, api, sub } = follow(pushed({ subscribe: 'nothing' }));
    await env.advance(400);
    expect(api.times('status')).to.deep.equal([0, 100, 250]);
    for (let i = 0; i < 3; i++) sub.subscription.update({ ...sub.subscription.options });
    expect(api.subscribed, 'asked to subscribe').to.equal(1);
    sub.subscription.update({ ...sub.subscription.options, streamUrl: 'https://app.example/s' });
    expect(api.subscribed, 'asked again for a new stream URL').to.equal(2);
  });
});

describe('engine: push while the page is hidden', () => {
  it('keeps what is pushed while paused, and takes it in when the page shows again, without a poll', async () => {
    const { env, api, sub } = follow(pushed(), {}, { hidden: true });
    const [stream] = api.streams;
    stream.ctx.alive();
    stream.emit(ended('completed', [image('a')]));
    await env.advance(10_000);
    expect(sub.last.state, 'paused while hidden').to.equal('pending');
    env.isHidden = false;
    env.wake();
    await env.advance(0);
    expect(sub.last.state).to.equal('completed');
    expect(api.times('status')).to.deep.equal([]);
  });

  it('takes in the end at once while hidden with notify', async () => {
    const { env, api, sub } = follow(pushed(), { notify: true }, { hidden: true });
    api.streams[0].ctx.alive();
    await env.advance(10_000);
    api.streams[0].emit(ended('completed', [image('a')]));
    await env.advance(0);
    expect(sub.last.state).to.equal('completed');
    expect(api.times('status')).to.deep.equal([]);
  });
});

describe('engine: push, a subscription that is not trusted', () => {
  it('stops trusting a silent subscription after the stream timeout, polls at once, and subscribes again after a backoff', async () => {
    const { env, api } = follow(pushed(), { streamTimeout: 5000 });
    const [first] = api.streams;
    first.ctx.alive('7');
    await env.advance(4999);
    expect(first.ended).to.equal(false);
    await env.advance(1);
    expect(first.ended, 'silent for the stream timeout').to.equal(true);
    await env.advance(1000);
    expect(api.times('status')).to.deep.equal([5000, 5100, 5250, 5475, 5812.5]);
    // random 0: the shortest wait, 1 s.
    expect(api.streams.map((stream) => stream.at)).to.deep.equal([0, 6000]);
    const second = api.streams[1];
    expect(second.ctx.lastEventId, 'resumes after the last event seen').to.equal('7');
    second.ctx.alive();
    const polled = api.times('status').length;
    await env.advance(4999);
    expect(api.times('status'), 'trusted again: no more polls').to.have.length(polled);
  });

  it('uses a stream timeout of 30 s by default', async () => {
    const { env, api } = follow(pushed());
    api.streams[0].ctx.alive();
    await env.advance(STREAM_TIMEOUT - 1);
    expect(api.times('status')).to.deep.equal([]);
    await env.advance(1);
    expect(api.times('status')).to.deep.equal([STREAM_TIMEOUT]);
  });

  it('waits longer and longer while subscribing fails, up to 30 s, and the shortest again after news', async () => {
    // Halfway into each window: 1 s + 3 s, 6 s, 12 s, 24 s, then 30 s.
    const { env, api } = follow(pushed(), {}, { random: () => 0.5 });
    const failLast = () => api.streams[api.streams.length - 1].ctx.fail(new Error('refused'));
    failLast();
    for (const [i, wait] of [4000, 7000, 13000, 25000, 30000, 30000].entries()) {
      await env.advance(wait - 1);
      expect(api.streams, `still ${wait - 1} ms after failure ${i + 1}`).to.have.length(i + 1);
      await env.advance(1);
      expect(api.streams, `${wait} ms after failure ${i + 1}`).to.have.length(i + 2);
      failLast();
    }
    await env.advance(30000);
    const last = api.streams[api.streams.length - 1];
    last.emit(pending());
    last.ctx.fail(new Error('dropped'));
    const count = api.streams.length;
    await env.advance(4000);
    expect(api.streams, 'after news, the first window again').to.have.length(count + 1);
  });

  it('takes in what a subscription pushed before it failed, then polls on the usual schedule', async () => {
    const { env, api, sub } = follow(pushed());
    const [stream] = api.streams;
    stream.ctx.alive();
    stream.emit(pending('queued'));
    stream.ctx.fail(new Error('dropped'));
    await env.advance(0);
    expect(sub.last.phase).to.equal('queued');
    expect(api.times('status')).to.deep.equal([]);
    await env.advance(400);
    expect(api.times('status')).to.deep.equal([100, 250]);
  });

  it('does not hear a subscription it ended', async () => {
    const { env, api, sub } = follow(pushed(), { streamTimeout: 1000 });
    const [old] = api.streams;
    await env.advance(1000);
    expect(old.ended).to.equal(true);
    old.emit(ended('completed', [image('a')]));
    old.ctx.alive();
    await env.advance(0);
    expect(sub.last.state).to.equal('pending');
    // Not trusted from the first poll interval on: polled on the usual schedule all along.
    expect(api.times('status')).to.deep.equal([100, 200, 350, 575, 912.5]);
  });

  it('treats a subscribe that throws as a failed subscription', async () => {
    const env = new FakeEnvironment();
    const api = fakeAdapter(env, { status: [pending()] });
    let calls = 0;
    api.adapter.subscribe = () => {
      calls++;
      throw new Error('broken adapter');
    };
    new Subscriber(new Engine(env), api.adapter);
    expect(calls).to.equal(1);
    await env.advance(0);
    expect(api.times('status'), 'polled at once').to.deep.equal([0]);
    await env.advance(1000);
    expect(calls, 'subscribed again after the backoff').to.equal(2);
  });

  it('goes on polling when a poll fails while the subscription is down, and retries as usual', async () => {
    const { env, api, sub } = follow(pushed({ status: [networkFailure(), pending()] }));
    api.streams[0].ctx.fail(new Error('refused'));
    await env.advance(300);
    expect(api.times('status')).to.deep.equal([0, 100, 200]);
    expect(sub.failures).to.deep.equal([['network', true]]);
  });
});

describe('engine: resubscribeDelay', () => {
  it('is 1 s, plus up to 6 s at random, the window doubling with each failure, and never over 30 s', () => {
    expect([1, 2, 5, 40].map((failures) => resubscribeDelay(failures, () => 0))).to.deep.equal([
      1000, 1000, 1000, 1000,
    ]);
    expect([1, 2, 3, 4, 5, 40].map((failures) => resubscribeDelay(failures, () => 0.75))).to.deep.equal([
      5500, 10000, 19000, 30000, 30000, 30000,
    ]);
    expect(RESUBSCRIBE_LONGEST).to.equal(30000);
  });

  it('spreads the pages of a restarted server: 200 first reconnects over more than 5 s', () => {
    const random = seededRandom(3);
    const first = Array.from({ length: 200 }, () => resubscribeDelay(1, random));
    expect(Math.max(...first) - Math.min(...first)).to.be.above(5000);
    const perSecond = new Map<number, number>();
    for (const wait of first)
      perSecond.set(Math.floor(wait / 1000), (perSecond.get(Math.floor(wait / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values()), 'the most in one second').to.be.below(60);
  });
});
