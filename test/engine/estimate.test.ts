// The estimate of a task's duration and what follows from it (docs/behaviour.md, "Estimate and
// ETA"): the schedule alone, an engine polling by it on the fake clock, the duration history and
// its storage, the ETA and the retry countdown. Every time here is exact.
import { expect } from '@open-wc/testing';
import {
  DurationHistory,
  Engine,
  type Estimate,
  type EstimatedEnd,
  type FollowOptions,
  type FollowSnapshot,
  HISTORY_LIMIT,
  LIKELY_SPREADS,
  type PollContext,
  hazard,
  hazardSchedule,
  pollDelay,
} from '../../src/engine/index.js';
import { type Eta, nextEta, secondsUntil } from '../../src/eta.js';
import type { TaskAdapter } from '../../src/types.js';
import { image } from '../helpers/answers.js';
import { FakeEnvironment } from '../helpers/fake-environment.js';
import { OPTIONS, Subscriber } from '../helpers/follow.js';

const ESTIMATE = { duration: 30_000, sigma: 0.1 };
const context = (elapsed: number): PollContext => ({
  pendingAnswers: 1,
  elapsed,
  first: 2000,
  ceiling: 5000,
});
const delayAt = (elapsed: number) => hazardSchedule(ESTIMATE)(context(elapsed));
/** The element's defaults. */
const DEFAULTS: Partial<FollowOptions> = { pollInterval: 2000, maxPollInterval: 5000 };

/** A task that is pending until `durationMs` after the test starts, then completed; `age` as the API tells it. */
function timedTask(env: FakeEnvironment, durationMs: number, ageAtStart?: number) {
  const sent: number[] = [];
  const adapter: TaskAdapter = {
    async getStatus() {
      sent.push(env.elapsed);
      const age = ageAtStart === undefined ? undefined : ageAtStart + env.elapsed;
      return env.elapsed < durationMs
        ? { state: 'pending', status: 'pending', age }
        : { state: 'completed', status: 'completed', images: [image('1')], age };
    },
  };
  return { adapter, sent };
}

/**
 * The duration the history learns from a task whose status requests went out at `sent` (answered
 * at once): the middle between the last pending answer and the completed one.
 */
const learned = (sent: number[]) => ((sent.at(-2) ?? NaN) + (sent.at(-1) ?? NaN)) / 2;

/** Follows a timed task to its end; resolves the status request times and the subscriber. */
async function followTimed(
  env: FakeEnvironment,
  durationMs: number,
  options: Partial<FollowOptions>,
  ageAtStart?: number,
) {
  const start = env.elapsed;
  const { adapter, sent } = timedTask(env, start + durationMs, ageAtStart);
  const sub = new Subscriber(new Engine(env), adapter, { taskId: `task-${start}`, ...DEFAULTS, ...options });
  await env.advance(durationMs + 10_000);
  return { sent: sent.map((at) => at - start), sub };
}

describe('estimate: the pace while hidden with notify', () => {
  it('polls once per max-poll-interval, but as the estimate says where the task is likely to end', async () => {
    const hidden = await followTimed(new FakeEnvironment({ hidden: true }), 60_000, {
      expectedDuration: 40_000,
      notify: true,
    });
    const shown = await followTimed(new FakeEnvironment(), 60_000, { expectedDuration: 40_000 });
    // Early, where the estimate's schedule also waits max-poll-interval, both are alike; from 37 s
    // to 49.3 s (the likely stretch: within 1.9 spreads of 40 s), polls follow the estimate closely.
    expect(hidden.sent.slice(0, 9)).to.deep.equal([
      0, 5000, 10_000, 15_000, 20_000, 25_000, 30_000, 35_000, 37_000,
    ]);
    expect(hidden.sent.slice(0, 20)).to.deep.equal(shown.sent.slice(0, 20));
    // Past it, the visible page polls about once a second; the hidden one every 5 s.
    const last = hidden.sent[19];
    expect(hidden.sent.slice(19)).to.deep.equal([last, last + 5000, last + 10_000, last + 15_000]);
    expect(shown.sent.length).to.equal(31);
  });
});

describe('estimate: the hazard schedule', () => {
  it('is sparse early, densest around the expected end, and sparser again on overrun', () => {
    expect(delayAt(0)).to.equal(5000);
    expect(delayAt(10_000)).to.equal(5000);
    const nearEnd = delayAt(30_000);
    expect(nearEnd).to.be.below(2000);
    expect(delayAt(60_000)).to.be.above(nearEnd);
    expect(delayAt(150_000)).to.be.above(delayAt(60_000));
  });

  it('never waits less than 500 ms, or poll-interval when that is smaller, nor more than the ceiling', () => {
    const eager = hazardSchedule({ duration: 1000, sigma: 0.05 });
    for (let elapsed = 0; elapsed < 5000; elapsed += 50) {
      expect(eager(context(elapsed)))
        .to.be.at.least(500)
        .and.at.most(5000);
      expect(eager({ ...context(elapsed), first: 100 })).to.be.at.least(100);
    }
    expect(eager(context(1000))).to.be.below(600);
  });

  it('waits no longer than poll-interval within the likely stretch of a steady kind, and longer outside it', () => {
    const steady = hazardSchedule({ duration: 60_000, sigma: 0.15 });
    // The likely stretch: within LIKELY_SPREADS σ of the median, in the logarithm of the elapsed time.
    const from = 60_000 * Math.exp(-LIKELY_SPREADS * 0.15);
    const to = 60_000 * Math.exp(LIKELY_SPREADS * 0.15);
    for (let elapsed = from + 1; elapsed < to; elapsed += 500) {
      expect(steady(context(elapsed)), String(elapsed)).to.be.at.most(2000);
    }
    expect(steady(context(from - 5000))).to.be.above(2000);
  });

  it('polls a wider spread more sparsely at its expected end than a steady kind', () => {
    const wide = hazardSchedule({ duration: 30_000, sigma: 0.5 })(context(30_000));
    expect(wide).to.be.above(delayAt(30_000));
    expect(wide).to.be.below(5000);
  });

  it('polls less often with a larger pacing constant', () => {
    const gentle = hazardSchedule(ESTIMATE, 1.2)(context(29_000));
    const eager = hazardSchedule(ESTIMATE, 0.4)(context(29_000));
    expect(gentle).to.be.above(eager);
  });

  it('has a hazard rate that rises to a peak past the median and falls in the tail', () => {
    expect(hazard(0, ESTIMATE)).to.equal(0);
    expect(hazard(20_000, ESTIMATE)).to.be.below(hazard(30_000, ESTIMATE));
    expect(hazard(34_000, ESTIMATE)).to.be.above(hazard(30_000, ESTIMATE));
    expect(hazard(120_000, ESTIMATE)).to.be.below(hazard(34_000, ESTIMATE));
  });

  it('goes through the engine bounds and jitter like any schedule', () => {
    const delay = pollDelay(
      { pollInterval: 2000, maxPollInterval: 5000 },
      1,
      () => 0.5,
      hazardSchedule(ESTIMATE),
    );
    expect(delay).to.equal(4500);
  });
});

describe('estimate: an engine pacing by expected-duration', () => {
  it('polls at 5 s early, then closer together around the expected end, and fewer times than growth', async () => {
    const paced = await followTimed(new FakeEnvironment(), 30_500, { expectedDuration: 30_000 });
    expect(paced.sent.slice(0, 4)).to.deep.equal([0, 5000, 10_000, 15_000]);
    const last = paced.sent.at(-1) ?? NaN;
    expect(last - 30_500, 'completion seen within').to.be.below(1500);
    const gaps = paced.sent.slice(1).map((at, i) => at - paced.sent[i]);
    expect(Math.min(...gaps)).to.be.below(1500);
    expect(paced.sub.last.state).to.equal('completed');
  });

  it('counts elapsed time from the age the API gives, not from the first poll', async () => {
    const env = new FakeEnvironment();
    // The task has run 25 s when the page starts following it: the dense stretch comes at once.
    const { sent } = await followTimed(env, 5_000, { expectedDuration: 30_000 }, 25_000);
    expect(sent[1]).to.be.below(2500);
  });

  it('publishes the expected end while pending, from the task’s start', async () => {
    const env = new FakeEnvironment();
    const { adapter } = timedTask(env, 60_000, 4000);
    const sub = new Subscriber(new Engine(env), adapter, {
      expectedDuration: 30_000,
    });
    await env.advance(1);
    expect(sub.last.estimate).to.deep.equal({ from: env.now() - 1 - 4000, duration: 30_000, sigma: 0.1 });
  });

  it('takes no expected duration that is not a positive number of at most 24 h', async () => {
    for (const expectedDuration of [1e300, 24 * 3600_000 + 1, Infinity, NaN, 0, -30_000]) {
      const { sent, sub } = await followTimed(new FakeEnvironment(), 20_000, { expectedDuration });
      expect(sent.slice(0, 4), String(expectedDuration)).to.deep.equal([0, 2000, 5000, 9500]);
      expect(sub.seen.some((snapshot) => snapshot.estimate)).to.equal(false);
    }
    const { sub } = await followTimed(new FakeEnvironment(), 1000, { expectedDuration: 24 * 3600_000 });
    expect(
      sub.seen.find((snapshot) => snapshot.estimate)?.estimate?.duration,
      'a whole day is a duration',
    ).to.equal(24 * 3600_000);
  });

  it('counts from the first poll when the API tells an age no task could have', async () => {
    for (const age of [NaN, -5000, Infinity, 1e300, 24 * 3600_000 + 1]) {
      const env = new FakeEnvironment();
      const { adapter } = timedTask(env, 60_000, age);
      const sub = new Subscriber(new Engine(env), adapter, { expectedDuration: 30_000 });
      await env.advance(1);
      expect(sub.last.estimate, String(age)).to.deep.equal({
        from: env.now() - 1,
        duration: 30_000,
        sigma: 0.1,
      });
    }
  });

  it('without an estimate, keeps the growing interval', async () => {
    const { sent } = await followTimed(new FakeEnvironment(), 20_000, {
      provider: 'mynth',
      durationKey: 'fresh',
    });
    expect(sent.slice(0, 4)).to.deep.equal([0, 2000, 5000, 9500]);
  });
});

describe('estimate: the duration history', () => {
  // The kind's key as every version wrote it to storage: changing it would lose what pages learned.
  const KIND = '["mynth","https://api.example",""]';
  const OWN_KIND = { provider: 'mynth', durationKey: '' };

  it('learns from tasks followed from start to completion, and paces by it from the third', async () => {
    const env = new FakeEnvironment();
    for (let i = 0; i < 2; i++) await followTimed(env, 30_000, { ...OWN_KIND });
    expect(env.durations.estimate(KIND, false)).to.equal(undefined);
    const third = await followTimed(env, 30_000, { ...OWN_KIND });
    expect(third.sub.seen.some((snapshot) => snapshot.estimate)).to.equal(false);
    // Each duration is from the first status request to the middle of the stretch it completed in.
    const seen = learned(third.sent);
    expect(seen).to.be.below(third.sent.at(-1) ?? NaN);
    expect(env.durations.durations(KIND, false)).to.deep.equal([seen, seen, seen]);
    expect(env.durations.estimate(KIND, false)?.duration).to.be.closeTo(seen, 1e-6);
    const fourth = await followTimed(env, 30_000, { ...OWN_KIND });
    expect(fourth.sub.seen.some((snapshot) => snapshot.estimate)).to.equal(true);
    expect(env.storage.size, 'stored without remember-durations').to.equal(0);
  });

  it('around an expected-duration, spreads as earlier tasks given that duration did', async () => {
    const env = new FakeEnvironment();
    const given = { ...OWN_KIND, expectedDuration: 20_000 };
    let seen = 0;
    for (let i = 0; i < 3; i++) seen = learned((await followTimed(env, 30_000, given)).sent);
    const fourth = await followTimed(env, 30_000, given);
    // The published end carries the whole estimate, its spread too.
    const estimateOf = (seen: readonly FollowSnapshot[]) =>
      seen.find((snapshot) => snapshot.estimate)?.estimate as (EstimatedEnd & Estimate) | undefined;
    const estimate = estimateOf(fourth.sub.seen);
    expect(estimate?.duration, 'the page’s duration stays the centre').to.equal(20_000);
    // The history keeps whole ms.
    expect(estimate?.sigma).to.be.closeTo(Math.log(seen / 20_000), 1e-4);
    const other = await followTimed(env, 30_000, { ...OWN_KIND, expectedDuration: 60_000 });
    expect(
      estimateOf(other.sub.seen)?.sigma,
      'another expected-duration has no history yet: about ±10 %',
    ).to.equal(0.1);
    expect(env.durations.durations(KIND, false), 'nor do they count for the kind without one').to.deep.equal(
      [],
    );
  });

  it('spreads a learned estimate by the sample deviation of the logarithms (n − 1)', () => {
    const history = new DurationHistory();
    for (const ms of [1000, 2000, 4000]) history.record('k', ms, false);
    const estimate = history.estimate('k', false);
    expect(estimate?.duration).to.be.closeTo(2000, 1e-6);
    // Deviations of −ln 2, 0 and ln 2: their squares sum to 2 ln² 2, over n − 1 = 2.
    expect(estimate?.sigma).to.be.closeTo(Math.LN2, 1e-9);
  });

  it('does not learn from a task first seen completed', async () => {
    const env = new FakeEnvironment();
    await followTimed(env, 0, { ...OWN_KIND });
    expect(env.durations.durations(KIND, false)).to.deep.equal([]);
  });

  it('keeps only this kind’s durations for this kind', async () => {
    const env = new FakeEnvironment();
    for (let i = 0; i < 3; i++) await followTimed(env, 10_000, { provider: 'mynth', durationKey: 'a' });
    expect(env.durations.estimate('b', false)).to.equal(undefined);
  });

  it('with remember-durations, keeps numbers only under one key per kind, for the next page load', async () => {
    const storage = new Map<string, string>();
    const first = new FakeEnvironment({ storage });
    let seen = 0;
    for (let i = 0; i < 3; i++) {
      const { sent } = await followTimed(first, 20_000, { ...OWN_KIND, rememberDurations: true });
      seen = learned(sent);
    }
    expect([...storage.keys()]).to.deep.equal([`task-progress:durations:${KIND}`]);
    const stored: unknown = JSON.parse([...storage.values()][0]);
    expect(stored).to.be.an('array').with.length(3);
    expect((stored as unknown[]).every((value) => typeof value === 'number')).to.equal(true);
    const reloaded = new FakeEnvironment({ storage });
    expect(reloaded.durations.estimate(KIND, true)?.duration).to.be.closeTo(seen, 1e-6);
    const forgetful = new FakeEnvironment({ storage });
    expect(forgetful.durations.estimate(KIND, false), 'read only with remember-durations').to.equal(
      undefined,
    );
  });

  it('keeps at most 50 durations per kind', () => {
    const storage = new Map<string, string>();
    const history = new DurationHistory({
      getItem: (key) => storage.get(key) ?? null,
      setItem: (k, v) => void storage.set(k, v),
    });
    for (let i = 1; i <= 60; i++) history.record('k', i * 1000, true);
    expect(history.durations('k', true)).to.have.length(HISTORY_LIMIT);
    expect(JSON.parse(storage.get('task-progress:durations:k') ?? '')).to.have.length(HISTORY_LIMIT);
    expect(history.durations('k', true)[0]).to.equal(11_000);
  });

  it('ignores storage that throws, is full, or holds anything but positive numbers', () => {
    const throwing = new DurationHistory({
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    for (let i = 0; i < 3; i++) throwing.record('k', 1000, true);
    expect(throwing.estimate('k', true)?.duration).to.be.closeTo(1000, 1e-6);
    const junk = new DurationHistory({
      getItem: () => '[1000, "x", null, -5, 2000, {"a":1}, 3000]',
      setItem: () => {},
    });
    expect(junk.durations('k', true)).to.deep.equal([1000, 2000, 3000]);
    expect(
      new DurationHistory({ getItem: () => '{not json', setItem: () => {} }).durations('k', true),
    ).to.deep.equal([]);
  });

  it('finds the durations stored under its kind’s key: provider, base URL and duration-key', async () => {
    const key = 'task-progress:durations:["mynth","https://api.example","portrait"]';
    const storage = new Map([[key, '[20000, 20000, 20000]']]);
    const options = { provider: 'mynth', durationKey: 'portrait', rememberDurations: true };
    const { sub } = await followTimed(new FakeEnvironment({ storage }), 20_000, options);
    expect(sub.seen.find((snapshot) => snapshot.estimate)?.estimate?.duration).to.be.closeTo(20_000, 1e-6);
    expect(JSON.parse(storage.get(key) ?? '')).to.have.length(4);
  });

  it('uses no stored duration beyond 24 h (1e999 parses to Infinity), nor writes one back', async () => {
    const key = `task-progress:durations:${KIND}`;
    const storage = new Map([[key, '[1e999, 1e999, 1e999, 1e999, 86400001, 1e300]']]);
    const env = new FakeEnvironment({ storage });
    expect(env.durations.estimate(KIND, true)).to.equal(undefined);
    const { sent, sub } = await followTimed(env, 20_000, { ...OWN_KIND, rememberDurations: true });
    expect(sub.seen.some((snapshot) => snapshot.estimate)).to.equal(false);
    expect(JSON.parse(storage.get(key) ?? '')).to.deep.equal([learned(sent)]);
    env.durations.record(KIND, 24 * 3600_000 + 1, true);
    expect(env.durations.durations(KIND, true), 'a task longer than a day is not learned').to.deep.equal([
      learned(sent),
    ]);
  });
});

describe('estimate: the ETA', () => {
  const END = { from: 0, duration: 30_000 };
  /** With an estimated end there is always an ETA. */
  const etaAt = (previous: Eta | undefined, now: number, end: EstimatedEnd): Eta => {
    const eta = nextEta(previous, now, end, undefined);
    if (!eta) throw new Error('no ETA from an estimated end');
    return eta;
  };

  it('counts the seconds down and the percent up, updated at most once a second', () => {
    const first = nextEta(undefined, 0, END, undefined);
    expect(first).to.deep.equal({ at: 0, seconds: 30, percent: 0, overrun: false });
    expect(nextEta(first, 999, END, undefined)).to.equal(first);
    const second = nextEta(first, 1000, END, undefined);
    expect(second).to.deep.equal({ at: 1000, seconds: 29, percent: 3, overrun: false });
    expect(nextEta(second, 12_500, END, undefined)).to.deep.equal({
      at: 12_500,
      seconds: 18,
      percent: 41,
      overrun: false,
    });
  });

  it('never goes up, and the percent never down, even if the expected end moves later', () => {
    const before = etaAt(undefined, 10_000, END);
    const later = etaAt(before, 11_000, { from: 0, duration: 60_000 });
    expect(later.seconds).to.equal(before.seconds);
    expect(later.percent).to.equal(before.percent);
  });

  it('stays below 100 percent, then says the task outran its estimate', () => {
    let eta = nextEta(undefined, 0, END, undefined);
    for (let now = 1000; now < 30_000; now += 1000) {
      eta = etaAt(eta, now, END);
      expect(eta.percent).to.be.below(100);
      expect(eta.overrun).to.equal(false);
    }
    eta = etaAt(eta, 30_000, END);
    expect(eta).to.include({ seconds: 0, percent: 99, overrun: true });
    expect(nextEta(eta, 31_000, { from: 0, duration: 90_000 }, undefined)?.overrun).to.equal(true);
  });

  it("takes the percent from the API's progress, with no time left unless an end is estimated", () => {
    expect(nextEta(undefined, 0, undefined, undefined)).to.equal(undefined);
    const reported = nextEta(undefined, 10_000, undefined, 0.25);
    expect(reported).to.deep.equal({ at: 10_000, seconds: undefined, percent: 25, overrun: false });
    expect(nextEta(reported, 11_000, END, 0.995)).to.include({ seconds: 19, percent: 99, overrun: false });
  });

  it('counts whole seconds to a retry, never below 0', () => {
    expect(secondsUntil(3000, 0)).to.equal(3);
    expect(secondsUntil(3000, 1)).to.equal(3);
    expect(secondsUntil(3000, 2001)).to.equal(1);
    expect(secondsUntil(3000, 5000)).to.equal(0);
  });
});

describe('estimate: several elements', () => {
  it('a shared engine paces by the estimate any of its subscribers gives', async () => {
    const env = new FakeEnvironment();
    const { adapter, sent } = timedTask(env, 31_000);
    const engine = new Engine(env);
    new Subscriber(engine, adapter, { ...OPTIONS, ...DEFAULTS });
    new Subscriber(engine, adapter, { ...OPTIONS, ...DEFAULTS, expectedDuration: 30_000 });
    await env.advance(40_000);
    expect(sent.slice(0, 3)).to.deep.equal([0, 5000, 10_000]);
  });

  it('passes over a subscriber whose expected duration is no duration', async () => {
    const env = new FakeEnvironment();
    const { adapter, sent } = timedTask(env, 31_000);
    const engine = new Engine(env);
    new Subscriber(engine, adapter, { ...OPTIONS, ...DEFAULTS, expectedDuration: Infinity });
    new Subscriber(engine, adapter, { ...OPTIONS, ...DEFAULTS, expectedDuration: 30_000 });
    await env.advance(40_000);
    expect(sent.slice(0, 3)).to.deep.equal([0, 5000, 10_000]);
  });
});
