// One subscriber following a task through the engine on the fake clock (docs/behaviour.md): giving
// up, the time limits, pauses, refresh, the end of a task, cancel and events.
import { expect } from '@open-wc/testing';
import { builtInAdapter } from '../../src/adapters/http.js';
import { Engine, MAX_DELAY } from '../../src/engine/index.js';
import { Fail, type Script, fakeAdapter } from '../helpers/fake-adapter.js';
import { FakeEnvironment, HOUR } from '../helpers/fake-environment.js';
import { ended, event, hang, httpFailure, image, networkFailure, pending } from '../helpers/answers.js';
import { Subscriber, expectStopped, follow } from '../helpers/follow.js';

describe('engine: max-retries', () => {
  it('gives up after max-retries + 1 failures in a row, and stops', async () => {
    const followed = follow({ status: [networkFailure()] }, { maxRetries: 3 });
    const { env, api, sub } = followed;
    await env.advance(1000);
    expect(api.times()).to.deep.equal([0, 100, 300, 700]);
    expect(sub.last.state).to.equal('error');
    expect(sub.last.error?.code).to.equal('network');
    expect(sub.last.retry).to.equal(undefined);
    expect(sub.failures).to.deep.equal([
      ['network', true],
      ['network', true],
      ['network', true],
      ['network', false],
    ]);
    await expectStopped(followed);
  });

  it('follows again, at once, when retried after giving up', async () => {
    const { env, api, sub } = follow({ status: [networkFailure()] }, { maxRetries: 0 });
    await env.advance(1000);
    sub.subscription.retry();
    await env.advance(0);
    expect(api.times()).to.deep.equal([0, 1000]);
    expect(sub.states).to.deep.equal(['pending', 'error', 'pending', 'error']);
  });

  it('gives up at the first failure with max-retries 0', async () => {
    const { env, api, sub } = follow({ status: [httpFailure(500)] }, { maxRetries: 0 });
    await env.advance(HOUR);
    expect(api.times()).to.deep.equal([0]);
    expect(sub.failures).to.deep.equal([['http', false]]);
    expect(sub.last.state).to.equal('error');
  });

  it('counts only failures in a row: a success starts the count again', async () => {
    const failures = [networkFailure(), networkFailure(), networkFailure()];
    const { env, api, sub } = follow({ status: [...failures, pending(), ...failures, pending()] });
    await env.advance(1500);
    expect(api.times()).to.deep.equal([0, 100, 300, 700, 800, 900, 1100, 1500]);
    expect(sub.states).to.deep.equal(['pending']);
    expect(sub.failures.map(([, willRetry]) => willRetry)).to.deep.equal([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});

describe('engine: errors that end following at once', () => {
  for (const [status, code] of [
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not-found'],
  ] as const) {
    it(`stops at a ${status} as ${code}`, async () => {
      const followed = follow({ status: [httpFailure(status), pending()] }, { maxRetries: 5 });
      const { env, api, sub } = followed;
      await env.advance(0);
      expect(sub.last.state).to.equal('error');
      expect(sub.last.error).to.deep.include({ code, httpStatus: status });
      expect(sub.failures).to.deep.equal([[code, false]]);
      await expectStopped(followed);
      expect(api.times()).to.deep.equal([0]);
    });
  }
});

describe('engine: request timeout', () => {
  for (const [maxPollInterval, limit] of [
    [1000, 10_000],
    [8000, 16_000],
  ]) {
    it(`abandons a request after ${limit} ms with max-poll-interval ${maxPollInterval}, as a network failure`, async () => {
      const { env, api, sub } = follow({ status: [hang(), pending()] }, { maxPollInterval });
      await env.advance(limit - 1);
      expect(sub.last.requestFailure).to.equal(undefined);
      expect(api.calls[0].signal.aborted).to.equal(false);
      await env.advance(1);
      expect(sub.last.requestFailure?.error.code).to.equal('network');
      expect(sub.last.requestFailure?.willRetry).to.equal(true);
      expect(api.calls[0].signal.aborted).to.equal(true);
      expect(sub.last.retry).to.deep.include({ code: 'network' });
      await env.advance(100);
      expect(api.times()).to.deep.equal([0, limit + 100]);
      expect(sub.last.state).to.equal('pending');
    });
  }
});

describe('engine: timeout', () => {
  it('ends following with a timeout error once the time is up', async () => {
    const followed = follow({ status: [pending()] }, { timeout: 5000 });
    const { env, api, sub } = followed;
    await env.advance(4999);
    expect(sub.last.state).to.equal('pending');
    await env.advance(1);
    expect(sub.last.state).to.equal('error');
    expect(sub.last.error).to.deep.equal({ code: 'timeout', message: 'The task did not finish within 5 s.' });
    expect(sub.failures).to.deep.equal([['timeout', false]]);
    expect(api.times().at(-1)).to.equal(4078.125);
    await expectStopped(followed);
  });

  // A long maximum interval makes the polls few over weeks of fake time.
  const sparse = { maxPollInterval: MAX_DELAY };

  for (const timeout of [0, Infinity]) {
    it(`has no limit with timeout ${timeout}`, async () => {
      const { env, api, sub } = follow({ status: [pending()] }, { timeout, ...sparse });
      await env.advance(3 * MAX_DELAY);
      expect(sub.states).to.deep.equal(['pending']);
      expect(api.times().at(-1)).to.be.above(2 * MAX_DELAY);
    });
  }

  it('does not fire a timeout longer than a timer holds at once', async () => {
    const { env, sub } = follow({ status: [pending()] }, { timeout: 3e9, ...sparse });
    await env.advance(MAX_DELAY - 1);
    expect(sub.states).to.deep.equal(['pending']);
  });
});

describe('engine: hidden page and offline browser', () => {
  it('makes no request while the page is hidden, and one at once when it shows again', async () => {
    const { env, api } = follow({ status: [pending()] }, {}, { hidden: true });
    await env.advance(HOUR);
    expect(api.times()).to.deep.equal([]);
    env.wake(); // still hidden
    await env.advance(0);
    expect(api.times()).to.deep.equal([]);
    env.isHidden = false;
    env.wake();
    await env.advance(100);
    expect(api.times()).to.deep.equal([HOUR, HOUR + 100]);
  });

  it('pauses when the page is hidden between polls', async () => {
    const { env, api } = follow({ status: [pending()] });
    await env.advance(50);
    env.isHidden = true;
    await env.advance(1000);
    expect(api.times()).to.deep.equal([0]);
    env.isHidden = false;
    env.wake();
    await env.advance(0);
    expect(api.times()).to.deep.equal([0, 1050]);
  });

  it('polls at once when a pause while hidden is no longer asked for', async () => {
    const { env, api, sub } = follow({ status: [pending()] }, {}, { hidden: true });
    await env.advance(500);
    sub.subscription.update({ ...sub.subscription.options, pollWhenHidden: true });
    await env.advance(100);
    expect(api.times()).to.deep.equal([500, 600]);
  });

  it('polls at once when notify is turned on while hidden', async () => {
    const { env, api, sub } = follow({ status: [pending()] }, {}, { hidden: true });
    await env.advance(500);
    sub.subscription.update({ ...sub.subscription.options, notify: true });
    await env.advance(1500);
    expect(api.times()).to.deep.equal([500, 1500]);
  });

  it('polls while hidden with poll-when-hidden', async () => {
    const { env, api } = follow({ status: [pending()] }, { pollWhenHidden: true }, { hidden: true });
    await env.advance(300);
    expect(api.times()).to.deep.equal([0, 100, 250]);
  });

  it('with notify, polls while hidden once per max-poll-interval, and at once when shown again', async () => {
    const { env, api } = follow({ status: [pending()] }, { notify: true }, { hidden: true });
    await env.advance(3500);
    expect(api.times()).to.deep.equal([0, 1000, 2000, 3000]);
    env.isHidden = false;
    env.wake();
    await env.advance(0);
    expect(api.times()).to.deep.equal([0, 1000, 2000, 3000, 3500]);
  });

  it('with notify, follows on when the page is hidden between polls, at the hidden pace', async () => {
    const { env, api } = follow({ status: [pending()] }, { notify: true });
    await env.advance(50);
    env.isHidden = true;
    await env.advance(2100);
    expect(api.times()).to.deep.equal([0, 100, 1100, 2100]);
  });

  it('polls while hidden at the pace of poll-when-hidden when a subscriber also asks for it', async () => {
    const { env, api } = follow(
      { status: [pending()] },
      { notify: true, pollWhenHidden: true },
      { hidden: true },
    );
    await env.advance(300);
    expect(api.times()).to.deep.equal([0, 100, 250]);
  });

  it('makes no request while offline, and one at once when back online', async () => {
    const { env, api } = follow({ status: [pending()] }, { pollWhenHidden: true }, { online: false });
    await env.advance(5000);
    expect(api.times()).to.deep.equal([]);
    env.isOnline = true;
    env.wake();
    await env.advance(0);
    expect(api.times()).to.deep.equal([5000]);
  });
});

describe('engine: refresh', () => {
  it('polls at once instead of at the end of the wait', async () => {
    const { env, api, sub } = follow({ status: [pending()] });
    await env.advance(30);
    sub.subscription.refresh();
    await env.advance(200);
    expect(api.times()).to.deep.equal([0, 30, 180]);
  });

  it('retries at once during a backoff', async () => {
    const { env, api, sub } = follow({ status: [httpFailure(429, 60_000), pending()] });
    await env.advance(1000);
    sub.subscription.refresh();
    await env.advance(0);
    expect(api.times()).to.deep.equal([0, 1000]);
  });
});

describe('engine: the end of a task', () => {
  const images = [image('a'), image('b')];

  it('asks for the results exactly once after a completed status without them', async () => {
    const followed = follow({ status: [pending(), ended('completed')], results: [images] });
    const { env, api, sub } = followed;
    await env.advance(100);
    expect(api.times('status')).to.deep.equal([0, 100]);
    expect(api.times('results')).to.deep.equal([100]);
    expect(sub.seen.map((snapshot) => snapshot.phase)).to.include('fetching-results');
    expect(sub.last.state).to.equal('completed');
    expect(sub.last.images).to.deep.equal(images);
    await expectStopped(followed);
    expect(api.of('results')).to.have.length(1);
  });

  it('retries the results, not the status, after a failed results request', async () => {
    const { env, api, sub } = follow({ status: [ended('completed')], results: [networkFailure(), images] });
    await env.advance(100);
    expect(api.times('status')).to.deep.equal([0]);
    expect(api.times('results')).to.deep.equal([0, 100]);
    expect(sub.last.state).to.equal('completed');
  });

  it('takes the results from a status that carries them', async () => {
    const followed = follow({ status: [ended('completed', images)], results: [[image('other')]] });
    await followed.env.advance(0);
    expect(followed.sub.last.state).to.equal('completed');
    expect(followed.sub.last.images).to.deep.equal(images);
    await expectStopped(followed);
    expect(followed.api.of('results')).to.deep.equal([]);
  });

  for (const state of ['failed', 'cancelled', 'expired'] as const) {
    it(`ends ${state} with the API's error, and makes no more requests`, async () => {
      const followed = follow({ status: [pending(), ended(state)], results: [images] }, { timeout: 5000 });
      await followed.env.advance(100);
      expect(followed.sub.last.state).to.equal(state);
      expect(followed.sub.last.error).to.deep.equal(ended(state).error);
      await expectStopped(followed);
      expect(followed.sub.states).to.deep.equal(['pending', state]);
      expect(followed.api.times()).to.deep.equal([0, 100]);
    });
  }
});

describe('engine: cancel', () => {
  /** Follows until the first poll is answered, then cancels 40 ms later. */
  async function cancelAt40(script: Script) {
    const followed = follow(script);
    await followed.env.advance(40);
    const cancelled = followed.sub.subscription.cancel('changed my mind');
    return { ...followed, cancelled };
  }

  it('shows cancelling, asks the API once, then polls at once', async () => {
    const { env, api, sub, cancelled } = await cancelAt40({
      status: [pending(), pending(), ended('cancelled')],
      cancel: [undefined],
    });
    expect(sub.last.phase).to.equal('cancelling');
    await cancelled;
    await env.advance(0);
    expect(api.of('cancel').map((call) => [call.at, call.argument])).to.deep.equal([[40, 'changed my mind']]);
    expect(api.times()).to.deep.equal([0, 40]);
    expect(sub.last).to.deep.include({ state: 'pending', phase: 'cancelling' });
    await env.advance(150);
    expect(api.times()).to.deep.equal([0, 40, 190]);
    expect(sub.last.state).to.equal('cancelled');
    expect(api.of('cancel')).to.have.length(1);
  });

  it('reports a failed cancel and goes on as before', async () => {
    const { env, api, sub, cancelled } = await cancelAt40({
      status: [pending('queued')],
      cancel: [httpFailure(500)],
    });
    await cancelled;
    const cancelError = { code: 'cancel-failed', message: 'HTTP 500', httpStatus: 500 };
    expect(sub.last).to.deep.include({ state: 'pending', phase: 'queued' });
    expect(sub.last.cancelError).to.deep.equal(cancelError);
    expect(sub.last.requestFailure).to.deep.equal({ error: cancelError, willRetry: false });
    await env.advance(60);
    expect(api.times()).to.deep.equal([0, 100]);
    expect(sub.last.state).to.equal('pending');
  });

  it('left by every subscriber mid-cancel, drops the cancel: back, it shows the API’s phase and cancels again', async () => {
    const { env, api, engine, sub, cancelled } = await cancelAt40({
      status: [pending('queued')],
      cancel: [hang(), undefined],
    });
    expect(sub.last.phase).to.equal('cancelling');
    sub.unsubscribe();
    await cancelled;
    const back = new Subscriber(engine, api.adapter);
    await env.advance(0);
    expect(back.last).to.deep.include({ state: 'pending', phase: 'queued' });
    void back.subscription.cancel('again');
    await env.advance(0);
    expect(api.of('cancel').map((call) => call.argument)).to.deep.equal(['changed my mind', 'again']);
  });

  it('without a cancel endpoint, stops following as cancelled', async () => {
    const followed = await cancelAt40({ status: [pending()] });
    await followed.cancelled;
    expect(followed.sub.last.state).to.equal('cancelled');
    await expectStopped(followed);
    expect(followed.api.times()).to.deep.equal([0]);
  });
});

describe('engine: events', () => {
  it('pages the events while pending, from the number known', async () => {
    const { env, api, sub } = follow(
      {
        status: [pending(), pending(), pending(), ended('completed', [image('a')])],
        events: [[event(1), event(2)], [event(3)], []],
      },
      { showEvents: true },
    );
    await env.advance(HOUR);
    expect(api.of('events').map((call) => [call.at, call.argument])).to.deep.equal([
      [0, 0],
      [100, 2],
      [250, 3],
    ]);
    expect(api.times()).to.deep.equal([0, 100, 250, 475]);
    expect(sub.last.events).to.deep.equal([event(1), event(2), event(3)]);
    expect(sub.last.state).to.equal('completed');
  });

  it('reads no events without show-events', async () => {
    const { env, api } = follow({ status: [pending()], events: [[event(1)]] });
    await env.advance(300);
    expect(api.times()).to.deep.equal([0, 100, 250]);
    expect(api.of('events')).to.deep.equal([]);
  });
});

describe('engine: failures of its own code', () => {
  it('a failure of the engine’s own code is `internal`: state error at once, not retried', async () => {
    const broken = () => {
      throw new TypeError('random is not a function');
    };
    const { env, api, sub } = follow({ status: [pending(), pending()] }, {}, { random: broken });
    await env.advance(HOUR);
    expect(api.times()).to.deep.equal([0]);
    expect(sub.failures).to.deep.equal([['internal', false]]);
    expect(sub.last.state).to.equal('error');
    expect(sub.last.error).to.deep.equal({ code: 'internal', message: 'random is not a function' });
  });

  it('what a built-in adapter’s own code throws is `internal`, not retried', async () => {
    const env = new FakeEnvironment();
    const api = fakeAdapter(env, { status: [new Fail(new TypeError('body.map is not a function'))] });
    const sub = new Subscriber(new Engine(env), builtInAdapter(api.adapter));
    await env.advance(HOUR);
    expect(api.times()).to.deep.equal([0]);
    expect(sub.failures).to.deep.equal([['internal', false]]);
    expect(sub.last.error).to.deep.equal({ code: 'internal', message: 'body.map is not a function' });
  });

  it('a custom adapter’s plain error (its fetch failed) is a network error, retried', async () => {
    const { env, api, sub } = follow({ status: [new Fail(new TypeError('Failed to fetch')), pending()] });
    await env.advance(150);
    expect(api.times()).to.deep.equal([0, 100]);
    expect(sub.failures).to.deep.equal([['network', true]]);
    expect(sub.last.state).to.equal('pending');
  });
});
