// The bearer token (docs/behaviour.md, "Tokens"): a new one from the token provider after a 401, or
// from the page; and for a JWT, a new one asked for in the background shortly before it expires.
import { expect } from '@open-wc/testing';
import { Fail, type Answer, fakeProvider } from '../helpers/fake-adapter.js';
import { deferred, hang, httpFailure, pending } from '../helpers/answers.js';
import { EPOCH, FakeEnvironment, HOUR } from '../helpers/fake-environment.js';
import { OPTIONS, Subscriber, follow, followShared } from '../helpers/follow.js';

/** A JWT (unsigned) that expires `inMs` after the start of the test. */
const jwt = (inMs: number) =>
  `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify({ exp: (EPOCH + inMs) / 1000 }))}.sig`;

/** Follows a task whose first status answer is a 401, with a token provider answering `answers`. */
function unauthorizedWithProvider(answers: Answer<string>[], maxPollInterval = OPTIONS.maxPollInterval) {
  const env = new FakeEnvironment();
  const provider = fakeProvider(env, answers);
  const followed = follow(
    { status: [httpFailure(401), pending()] },
    { tokenProvider: provider.tokenProvider, maxPollInterval },
    env,
  );
  return { ...followed, provider };
}

describe('token: after a 401', () => {
  it('asks the token provider once and retries at once with its token', async () => {
    const { env, api, sub, provider } = unauthorizedWithProvider(['token-2']);
    await env.advance(0);
    expect(provider.asked).to.deep.equal([0]);
    expect(api.sent()).to.deep.equal([
      [0, 'token-1'],
      [0, 'token-2'],
    ]);
    expect(sub.states).to.deep.equal(['pending']);
    expect(sub.failures).to.deep.equal([]);
    await env.advance(100);
    expect(api.sent().map(([, token]) => token)).to.deep.equal(['token-1', 'token-2', 'token-2']);
  });

  it('gives up as unauthorized when the new token is refused too, having asked once', async () => {
    const env = new FakeEnvironment();
    const provider = fakeProvider(env, ['token-2']);
    const { api, sub } = follow(
      { status: [httpFailure(401)] },
      { tokenProvider: provider.tokenProvider },
      env,
    );
    await env.advance(HOUR);
    expect(provider.asked).to.deep.equal([0]);
    expect(api.sent().map(([, token]) => token)).to.deep.equal(['token-1', 'token-2']);
    expect(sub.last.error?.code).to.equal('unauthorized');
  });

  for (const [name, answer] of [
    ['throws', new Fail(new Error('Not signed in.'))],
    ['answers an empty token', ''],
  ] as const) {
    it(`gives up as unauthorized when the provider ${name}`, async () => {
      const { env, api, sub, provider } = unauthorizedWithProvider([answer]);
      await env.advance(HOUR);
      expect(provider.asked).to.deep.equal([0]);
      expect(api.times()).to.deep.equal([0]);
      expect(sub.last.state).to.equal('error');
      expect(sub.last.error?.code).to.equal('unauthorized');
    });
  }

  it('gives up on a provider that never answers after the request timeout', async () => {
    const { env, api, sub } = unauthorizedWithProvider([hang()], 8000);
    await env.advance(15_999);
    expect(sub.last.state).to.equal('pending');
    await env.advance(1);
    expect(sub.last.state).to.equal('error');
    expect(sub.last.error?.code).to.equal('unauthorized');
    expect(api.times()).to.deep.equal([0]);
  });

  it('asks again after a 401 that follows a success', async () => {
    const env = new FakeEnvironment();
    const provider = fakeProvider(env, ['token-2', 'token-3']);
    const script = [httpFailure(401), pending(), httpFailure(401), pending()];
    const { api } = follow({ status: script }, { tokenProvider: provider.tokenProvider }, env);
    await env.advance(100);
    expect(provider.asked).to.deep.equal([0, 100]);
    expect(api.sent().map(([, token]) => token)).to.deep.equal(['token-1', 'token-2', 'token-2', 'token-3']);
  });
});

describe('token: from the page', () => {
  it('resumes an engine stopped by a 401 with a new token', async () => {
    const { env, api, sub } = follow({ status: [httpFailure(401), pending()] });
    await env.advance(1000);
    sub.subscription.update({ ...sub.subscription.options, pollInterval: 200 });
    await env.advance(0);
    expect(sub.last.state, 'the same token').to.equal('error');
    sub.subscription.update({ ...sub.subscription.options, token: 'token-2' });
    await env.advance(0);
    expect(api.sent()).to.deep.equal([
      [0, 'token-1'],
      [1000, 'token-2'],
    ]);
    expect(sub.states).to.deep.equal(['pending', 'error', 'pending']);
  });

  it('sends a new token from the next request on', async () => {
    const { env, api, sub } = follow({ status: [pending()] });
    await env.advance(50);
    sub.subscription.update({ ...sub.subscription.options, token: 'token-2' });
    await env.advance(200);
    expect(api.sent()).to.deep.equal([
      [0, 'token-1'],
      [100, 'token-2'],
      [250, 'token-2'],
    ]);
  });
});

describe('token: a JWT close to its expiry', () => {
  it('asks for a new token in the background while the request goes out with the current one', async () => {
    const env = new FakeEnvironment();
    const answer = deferred<string>();
    const provider = fakeProvider(env, [answer.promise]);
    const expiring = jwt(20_000);
    const { api } = follow(
      { status: [pending()] },
      { token: expiring, tokenProvider: provider.tokenProvider },
      env,
    );
    await env.advance(0);
    expect(provider.asked).to.deep.equal([0]);
    expect(api.sent()).to.deep.equal([[0, expiring]]);
    answer.resolve('token-2');
    await env.advance(100);
    expect(api.sent()).to.deep.equal([
      [0, expiring],
      [100, 'token-2'],
    ]);
  });

  it('asks at most once per 30 s', async () => {
    const env = new FakeEnvironment();
    const expiring = jwt(10_000);
    const provider = fakeProvider(env, [expiring]);
    const options = { token: expiring, tokenProvider: provider.tokenProvider, pollInterval: 1000 };
    const { api } = follow({ status: [pending()] }, options, env);
    await env.advance(65_000);
    expect(provider.asked).to.deep.equal([0, 30_000, 60_000]);
    expect(api.times()).to.have.length(66);
  });

  for (const [name, token] of [
    ['a JWT 30 s or more from its expiry', jwt(30_000)],
    ['a token that is no JWT', 'token-1'],
  ]) {
    it(`does not ask for ${name}`, async () => {
      const env = new FakeEnvironment();
      const provider = fakeProvider(env, ['token-2']);
      const { api } = follow({ status: [pending()] }, { token, tokenProvider: provider.tokenProvider }, env);
      await env.advance(0);
      expect(api.sent().map(([, token]) => token)).to.deep.equal([token]);
      expect(provider.asked).to.deep.equal([]);
    });
  }
});

describe('token: several token providers', () => {
  it('asks the providers in turn until one answers a token', async () => {
    const env = new FakeEnvironment();
    const providers = [[new Fail(new Error('No.'))], [''], ['token-2'], ['token-3']].map((answers) =>
      fakeProvider(env, answers),
    );
    const { api } = followShared(
      { status: [httpFailure(401), pending()] },
      providers.map((provider) => ({ tokenProvider: provider.tokenProvider })),
      env,
    );
    await env.advance(0);
    expect(providers.map((provider) => provider.asked.length)).to.deep.equal([1, 1, 1, 0]);
    expect(api.sent().map(([, token]) => token)).to.deep.equal(['token-1', 'token-2']);
  });

  it('keeps its token when following stops while a provider is asked', async () => {
    const env = new FakeEnvironment();
    const provider = fakeProvider(env, [hang()]);
    const { api, engine, sub } = follow(
      { status: [httpFailure(401), pending()] },
      { tokenProvider: provider.tokenProvider },
      env,
    );
    await env.advance(0);
    expect(provider.asked).to.deep.equal([0]);
    sub.unsubscribe();
    await env.flush();
    expect(env.pendingTimers, 'nothing waits for the provider').to.deep.equal([0]);
    new Subscriber(engine, api.adapter, { tokenProvider: undefined });
    await env.advance(0);
    expect(api.sent().map(([, token]) => token)).to.deep.equal(['token-1', 'token-1']);
  });
});
