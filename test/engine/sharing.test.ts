// Several subscribers of one engine (docs/behaviour.md, "Sharing"): one request stream as eager as
// the most eager of them, each with its own time limit and retries; and the page's registry of
// engines.
import { expect } from '@open-wc/testing';
import { Engine } from '../../src/engine/index.js';
import { Fail, fakeAdapter, fakeProvider } from '../helpers/fake-adapter.js';
import { ended, event, hang, httpFailure, image, networkFailure, pending } from '../helpers/answers.js';
import { EPOCH, FakeEnvironment, HOUR } from '../helpers/fake-environment.js';
import { Subscriber, expectStopped, followShared } from '../helpers/follow.js';

describe('sharing: one request stream', () => {
  it('makes one request per poll however many follow, and tells each', async () => {
    const { env, api, subs } = followShared({ status: [pending('queued')] }, [{}, {}, {}]);
    await env.advance(300);
    expect(api.times()).to.deep.equal([0, 100, 250]);
    for (const sub of subs) expect(sub.last).to.deep.include({ state: 'pending', status: 'queued' });
  });

  it('tells a newcomer the task at once, and polls at once for it between two polls', async () => {
    const { env, api, engine } = followShared({ status: [pending('queued')] }, [{}]);
    await env.advance(120);
    const late = new Subscriber(engine, api.adapter, { pollInterval: 50 });
    expect(late.seen).to.have.length(1);
    expect(late.last).to.deep.include({ state: 'pending', status: 'queued', phase: 'queued' });
    await env.advance(200);
    // The third poll waits 50 × 1.5² ms: the newcomer's interval, grown for two answers before.
    expect(api.times()).to.deep.equal([0, 100, 120, 232.5]);
  });

  it('polls as often as the most eager subscriber asks, and less once it leaves', async () => {
    const { env, api, subs } = followShared({ status: [pending()] }, [
      { pollInterval: 100, maxPollInterval: 5000 },
      { pollInterval: 1000, maxPollInterval: 200 },
    ]);
    await env.advance(700);
    expect(api.times()).to.deep.equal([0, 100, 250, 450, 650]);
    subs[1].unsubscribe();
    await env.advance(1000);
    expect(api.times()).to.deep.equal([0, 100, 250, 450, 650, 850, 1609.375]);
  });

  it('polls while hidden as long as one subscriber asks to', async () => {
    const { env, api, subs } = followShared({ status: [pending()] }, [{}, { pollWhenHidden: true }], {
      hidden: true,
    });
    await env.advance(300);
    expect(api.times()).to.deep.equal([0, 100, 250]);
    subs[1].unsubscribe();
    await env.advance(HOUR);
    expect(api.times()).to.deep.equal([0, 100, 250]);
  });

  it('follows on while hidden, at the hidden pace, as long as one subscriber notifies', async () => {
    const { env, api, subs } = followShared({ status: [pending()] }, [{}, { notify: true }], {
      hidden: true,
    });
    await env.advance(2500);
    expect(api.times()).to.deep.equal([0, 1000, 2000]);
    subs[1].unsubscribe();
    await env.advance(HOUR);
    expect(api.times()).to.deep.equal([0, 1000, 2000]);
  });

  it('reads events for all when one subscriber shows them', async () => {
    const { env, api, subs } = followShared({ status: [pending()], events: [[event(1)], []] }, [
      {},
      { showEvents: true },
    ]);
    await env.advance(100);
    expect(api.of('events').map((call) => call.argument)).to.deep.equal([0, 1]);
    for (const sub of subs) expect(sub.last.events).to.deep.equal([event(1)]);
  });

  it('sends the newest token a subscriber gave', async () => {
    const { env, api, engine, subs } = followShared({ status: [pending()] }, [{ token: 'token-a' }]);
    await env.advance(50);
    const second = new Subscriber(engine, api.adapter, { token: 'token-b' });
    await env.advance(10);
    subs[0].subscription.update({ ...subs[0].subscription.options, token: 'token-c' });
    await env.advance(150);
    expect(api.sent()).to.deep.equal([
      [0, 'token-a'],
      [50, 'token-b'],
      [200, 'token-c'],
    ]);
    expect(second.last.state).to.equal('pending');
  });

  it('keeps a token from the provider when a subscriber joins with the token the others have', async () => {
    const env = new FakeEnvironment();
    const provider = fakeProvider(env, ['token-2']);
    const script = { status: [httpFailure(401), pending()] };
    const { api, engine } = followShared(script, [{ tokenProvider: provider.tokenProvider }], env);
    await env.advance(50);
    new Subscriber(engine, api.adapter);
    await env.advance(50);
    expect(api.sent()).to.deep.equal([
      [0, 'token-1'],
      [0, 'token-2'],
      [50, 'token-2'],
    ]);
  });

  it('asks the token provider of any subscriber after a 401', async () => {
    const env = new FakeEnvironment();
    const refusing = fakeProvider(env, [new Fail(new Error('No.'))]);
    const giving = fakeProvider(env, ['token-2']);
    const { api, subs } = followShared(
      { status: [httpFailure(401), pending()] },
      [{}, { tokenProvider: refusing.tokenProvider }, { tokenProvider: giving.tokenProvider }],
      env,
    );
    await env.advance(0);
    expect([refusing.asked, giving.asked]).to.deep.equal([[0], [0]]);
    expect(api.sent().map(([, token]) => token)).to.deep.equal(['token-1', 'token-2']);
    for (const sub of subs) expect(sub.states).to.deep.equal(['pending']);
  });

  it('makes each snapshot a new object, and never changes one told', async () => {
    const { env, subs } = followShared({ status: [pending(), ended('completed', [image('a')])] }, [{}, {}]);
    await env.advance(100);
    const told = [...subs[0].seen, ...subs[1].seen];
    expect(new Set(told).size).to.equal(told.length);
    const first = { state: 'pending', events: [], startedAt: EPOCH, requestFailure: undefined };
    expect(subs[0].seen[0]).to.deep.equal(first);
    expect(subs[0].last.state).to.equal('completed');
  });
});

describe('sharing: each subscriber’s own limits', () => {
  it('times out one subscriber while the others go on', async () => {
    const { env, api, subs } = followShared({ status: [pending()] }, [{ timeout: 1000 }, {}]);
    await env.advance(1000);
    expect(subs[0].last.error?.code).to.equal('timeout');
    expect(subs[1].last.state).to.equal('pending');
    await env.advance(2000);
    expect(api.times().filter((at) => at > 1000)).to.deep.equal([1318.75, 2078.125]);
    expect(subs[1].states).to.deep.equal(['pending']);
  });

  it('gives up for one subscriber at its max-retries while the others go on', async () => {
    const shared = followShared({ status: [networkFailure()] }, [{ maxRetries: 1 }, { maxRetries: 5 }]);
    const { env, api, subs } = shared;
    await env.advance(100);
    expect(subs[0].last.state).to.equal('error');
    expect(subs[0].failures).to.deep.equal([
      ['network', true],
      ['network', false],
    ]);
    expect(subs[1].last.state).to.equal('pending');
    expect(subs[1].last.retry).to.deep.include({ code: 'network' });
    await env.advance(HOUR);
    expect(api.times()).to.deep.equal([0, 100, 300, 700, 1500, 2500]);
    expect(subs[1].failures.map(([, willRetry]) => willRetry)).to.deep.equal([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(subs[1].last.state).to.equal('error');
    await expectStopped(shared);
  });

  it('cancels for one subscriber only without a cancel endpoint', async () => {
    const { env, api, subs } = followShared({ status: [pending()] }, [{}, {}]);
    await env.advance(50);
    await subs[0].subscription.cancel('not needed here');
    await env.advance(200);
    expect(subs[0].last.state).to.equal('cancelled');
    expect(subs[1].last.state).to.equal('pending');
    expect(api.times()).to.deep.equal([0, 100, 250]);
  });
});

describe('sharing: unsubscribing', () => {
  it('goes on while anyone follows', async () => {
    const { env, api, subs } = followShared({ status: [pending()] }, [{}, {}]);
    await env.advance(50);
    subs[0].unsubscribe();
    await env.advance(200);
    expect(api.times()).to.deep.equal([0, 100, 250]);
  });

  it('aborts the request in flight and clears every timer once nobody follows', async () => {
    const shared = followShared({ status: [pending(), hang()] }, [{ timeout: 60_000 }, { timeout: 5000 }]);
    const { env, api, subs } = shared;
    await env.advance(150);
    expect(api.calls[1].signal.aborted).to.equal(false);
    for (const sub of subs) sub.unsubscribe();
    expect(api.calls[1].signal.aborted).to.equal(true);
    await expectStopped(shared);
    expect(api.times()).to.deep.equal([0, 100]);
  });
});

describe('sharing: the engine’s followers', () => {
  const adapter = (env: FakeEnvironment) => fakeAdapter(env, { status: [pending()] });

  it('follows with one request stream per adapter, base URL and task id', async () => {
    const env = new FakeEnvironment();
    const [first, second] = [adapter(env), adapter(env)];
    const engine = new Engine(env);
    new Subscriber(engine, first.adapter);
    new Subscriber(engine, first.adapter);
    new Subscriber(engine, second.adapter);
    new Subscriber(engine, first.adapter, { baseUrl: 'https://other.example' });
    new Subscriber(engine, first.adapter, { taskId: 'task-2' });
    await env.advance(0);
    expect(first.calls.length, 'one stream each for task-1, the other base URL and task-2').to.equal(3);
    expect(second.calls.length).to.equal(1);
  });

  it('keeps apart the followers of two engines, each in its own environment', async () => {
    const env = new FakeEnvironment();
    const { adapter: shared, calls } = adapter(env);
    new Subscriber(new Engine(env), shared);
    new Subscriber(new Engine(env), shared);
    await env.advance(0);
    expect(calls.length).to.equal(2);
  });

  it('forgets a follower nobody subscribed to again within a 0 ms timer', async () => {
    const env = new FakeEnvironment();
    const { adapter: first, calls } = adapter(env);
    const engine = new Engine(env);
    const sub = new Subscriber(engine, first);
    await env.advance(0);
    sub.unsubscribe();
    await env.flush();
    expect(env.pendingTimers).to.deep.equal([0]);
    await env.advance(0);
    expect(env.pendingTimers).to.deep.equal([]);
    const fresh = new Subscriber(engine, first);
    await env.advance(0);
    expect(calls.length, 'a new follower asks again at once').to.equal(2);
    expect(fresh.seen[0].status, 'a new follower knows nothing yet').to.equal(undefined);
    fresh.unsubscribe();
  });

  it('keeps a follower subscribed to again before that timer, as it left it', async () => {
    const env = new FakeEnvironment();
    const { adapter: first, calls } = adapter(env);
    const engine = new Engine(env);
    const sub = new Subscriber(engine, first);
    await env.advance(0);
    sub.unsubscribe();
    const back = new Subscriber(engine, first);
    expect(sub.last.status).to.not.equal(undefined);
    expect(back.seen[0].status, 'told the task as it was').to.equal(sub.last.status);
    await env.advance(0);
    expect(calls.length, 'it asks again at once on the return').to.equal(2);
    back.unsubscribe();
  });
});
