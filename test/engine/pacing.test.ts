// Pacing (docs/behaviour.md, "Pacing"): the delays alone, then the times at which an engine on the
// fake clock makes its requests, while pending and after failures.
import { expect } from '@open-wc/testing';
import { TaskApiError } from '../../src/errors.js';
import {
  MAX_DELAY,
  type PollContext,
  bounds,
  pollDelay,
  requestTimeout,
  retryDelay,
} from '../../src/engine/index.js';
import { Fail, type Answer } from '../helpers/fake-adapter.js';
import { httpFailure, networkFailure, pending } from '../helpers/answers.js';
import type { TaskSnapshot } from '../../src/types.js';
import { EPOCH, seededRandom } from '../helpers/fake-environment.js';
import { follow } from '../helpers/follow.js';

const PACING = { pollInterval: 100, maxPollInterval: 1000 };
const noJitter = () => 0;
/** Nearly the most jitter there is (`random` stays under 1). */
const mostJitter = () => 0.999999;

/** The delays before the polls after 1, 2, … `count` pending answers. */
const pollDelays = (count: number, random = noJitter, pacing = PACING) =>
  Array.from({ length: count }, (_, i) => pollDelay(pacing, i + 1, random));

describe('pacing: the delays', () => {
  it('counts intervals that are not numbers (set from script) as 0: 50 ms, never a tight loop', () => {
    const pacing = { pollInterval: NaN, maxPollInterval: NaN };
    expect(bounds(pacing)).to.deep.equal({ first: 50, ceiling: 50 });
    expect(pollDelay(pacing, 3, () => 0)).to.equal(50);
    expect(requestTimeout(pacing)).to.equal(10_000);
  });

  it('grows from poll-interval by 1.5 per pending answer, up to max-poll-interval', () => {
    expect(pollDelays(9)).to.deep.equal([100, 150, 225, 337.5, 506.25, 759.375, 1000, 1000, 1000]);
  });

  it('raises a poll-interval under 50 ms to 50 ms', () => {
    expect(bounds({ pollInterval: 10, maxPollInterval: 1000 })).to.deep.equal({ first: 50, ceiling: 1000 });
    expect(pollDelays(3, noJitter, { pollInterval: 0, maxPollInterval: 1000 })).to.deep.equal([
      50, 75, 112.5,
    ]);
  });

  it('never lets max-poll-interval fall under the first delay, nor either exceed a timer', () => {
    expect(bounds({ pollInterval: 500, maxPollInterval: 100 })).to.deep.equal({ first: 500, ceiling: 500 });
    expect(bounds({ pollInterval: 3e9, maxPollInterval: 4e9 })).to.deep.equal({
      first: MAX_DELAY,
      ceiling: MAX_DELAY,
    });
  });

  it('shortens a delay by random × 20%', () => {
    expect(pollDelays(3, () => 0.5)).to.deep.equal([90, 135, 202.5]);
    expect(retryDelay(PACING, 2, () => 0.5)).to.equal(180);
  });

  it('jitters within (80%, 100%] of the delay and never lengthens it', () => {
    const random = seededRandom(7);
    for (let pendingAnswers = 1; pendingAnswers <= 200; pendingAnswers++) {
      const ceiling = pollDelay(PACING, pendingAnswers, noJitter);
      const delay = pollDelay(PACING, pendingAnswers, random);
      expect(delay)
        .to.be.above(0.8 * ceiling)
        .and.at.most(ceiling);
    }
    expect(pollDelay(PACING, 1, mostJitter))
      .to.be.above(80)
      .and.below(80.001);
    expect(retryDelay(PACING, 1, mostJitter))
      .to.be.above(80)
      .and.below(80.001);
  });

  it('asks a custom schedule, then bounds its answer between 50 ms and max-poll-interval', () => {
    const asked: PollContext[] = [];
    const schedule = (nominal: number) => (context: PollContext) => {
      asked.push(context);
      return nominal;
    };
    expect(pollDelay(PACING, 4, noJitter, schedule(300), 1234)).to.equal(300);
    expect(pollDelay(PACING, 1, noJitter, schedule(10))).to.equal(50);
    expect(pollDelay(PACING, 1, noJitter, schedule(1e12))).to.equal(1000);
    expect(pollDelay(PACING, 1, () => 0.5, schedule(300))).to.equal(270);
    expect(pollDelay(PACING, 1, noJitter, schedule(NaN))).to.equal(1000);
    expect(asked[0]).to.deep.equal({ pendingAnswers: 4, elapsed: 1234, first: 100, ceiling: 1000 });
  });

  it('backs off exponentially from poll-interval after failures, up to max-poll-interval', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((failures) => retryDelay(PACING, failures, noJitter));
    expect(delays).to.deep.equal([100, 200, 400, 800, 1000, 1000]);
  });

  it('waits at least what Retry-After asks, unjittered, but no longer than a timer holds', () => {
    expect(retryDelay(PACING, 1, mostJitter, 5000)).to.equal(5000);
    expect(retryDelay(PACING, 4, noJitter, 300)).to.equal(800);
    expect(retryDelay(PACING, 1, noJitter, 3_000_000_000)).to.equal(MAX_DELAY);
  });

  it('gives each request max(10 s, 2 × max-poll-interval), no more than a timer holds', () => {
    expect(requestTimeout({ ...PACING, maxPollInterval: 1000 })).to.equal(10_000);
    expect(requestTimeout({ ...PACING, maxPollInterval: 8000 })).to.equal(16_000);
    expect(requestTimeout({ ...PACING, maxPollInterval: 3e9 })).to.equal(MAX_DELAY);
  });
});

describe('pacing: when an engine polls', () => {
  it('polls at once, then after each delay in turn', async () => {
    const { env, api } = follow({ status: [pending()] });
    await env.advance(4100);
    expect(api.times()).to.deep.equal([0, 100, 250, 475, 812.5, 1318.75, 2078.125, 3078.125, 4078.125]);
  });

  it('jitters each wait with the environment’s random', async () => {
    const { env, api } = follow({ status: [pending()] }, {}, { random: () => 0.5 });
    await env.advance(500);
    expect(api.times()).to.deep.equal([0, 90, 225, 427.5]);
  });

  it('polls every 50 ms at first for a poll-interval under 50 ms', async () => {
    const { env, api } = follow({ status: [pending()] }, { pollInterval: 10 });
    await env.advance(240);
    expect(api.times()).to.deep.equal([0, 50, 125, 237.5]);
  });
});

describe('pacing: after a failed request', () => {
  const failures: [string, Fail, string][] = [
    ['a network error', networkFailure(), 'network'],
    ['a 500', httpFailure(500), 'http'],
    ['a 503 without Retry-After', httpFailure(503), 'http'],
    ['an invalid response', new Fail(new TaskApiError('invalid-response', 'Not JSON.')), 'invalid-response'],
    ['any error with a status', new Fail(Object.assign(new Error('Bad gateway'), { status: 502 })), 'http'],
    ['anything else thrown', new Fail('broken'), 'network'],
  ];
  for (const [name, failure, code] of failures) {
    it(`retries after ${name}, as ${code}`, async () => {
      const { env, api, sub } = follow({ status: [failure, pending()] });
      await env.advance(0);
      expect(sub.last.state).to.equal('pending');
      expect(sub.last.requestFailure?.error.code).to.equal(code);
      expect(sub.last.requestFailure?.willRetry).to.equal(true);
      await env.advance(100);
      expect(api.times()).to.deep.equal([0, 100]);
    });
  }

  it('backs off exponentially, capped at max-poll-interval', async () => {
    const { env, api } = follow({ status: [networkFailure()] }, { maxRetries: 10 });
    await env.advance(4000);
    expect(api.times()).to.deep.equal([0, 100, 300, 700, 1500, 2500, 3500]);
  });

  it('goes back to the poll delays after a success', async () => {
    const script: Answer<TaskSnapshot>[] = [networkFailure(), networkFailure(), pending(), networkFailure()];
    const { env, api } = follow({ status: [...script, pending()] });
    await env.advance(800);
    expect(api.times()).to.deep.equal([0, 100, 300, 400, 500, 650]);
  });

  it('shows the retry while it is scheduled, and not after the next success', async () => {
    const { env, sub } = follow({ status: [httpFailure(500), pending()] });
    await env.advance(0);
    expect(sub.last.retry).to.deep.equal({ at: EPOCH + 100, code: 'http' });
    await env.advance(99);
    expect(sub.last.retry).to.deep.equal({ at: EPOCH + 100, code: 'http' });
    await env.advance(1);
    expect(sub.last.retry).to.equal(undefined);
  });

  it('waits at least Retry-After', async () => {
    const { env, api, sub } = follow({ status: [httpFailure(429, 5000), pending()] });
    await env.advance(0);
    expect(sub.last.retry).to.deep.equal({ at: EPOCH + 5000, code: 'rate-limited' });
    await env.advance(4999);
    expect(api.times()).to.deep.equal([0]);
    await env.advance(1);
    expect(api.times()).to.deep.equal([0, 5000]);
  });

  it('caps a huge Retry-After at the longest timer, without firing it early', async () => {
    const { env, api, sub } = follow({ status: [httpFailure(503, 3_000_000_000), pending()] });
    await env.advance(0);
    expect(sub.last.retry).to.deep.equal({ at: EPOCH + MAX_DELAY, code: 'rate-limited' });
    await env.advance(MAX_DELAY - 1);
    expect(api.times()).to.deep.equal([0]);
    await env.advance(1);
    expect(api.times()).to.deep.equal([0, MAX_DELAY]);
  });
});
