// One engine on the fake clock with a scripted adapter, and subscribers that record every snapshot
// they are told.
import { expect } from '@open-wc/testing';
import {
  Engine,
  type FollowOptions,
  type FollowSnapshot,
  type RequestFailure,
  type Subscription,
} from '../../src/engine/index.js';
import type { TaskAdapter } from '../../src/types.js';
import { type FakeApi, type Script, fakeAdapter } from './fake-adapter.js';
import { FakeEnvironment, type FakeEnvironmentOptions, HOUR } from './fake-environment.js';

/** An element's options with small intervals: polls at 0, 100, 250, 475… up to 1000 ms apart. */
export const OPTIONS: Omit<FollowOptions, 'adapter'> = {
  taskId: 'task-1',
  baseUrl: 'https://api.example',
  pollInterval: 100,
  maxPollInterval: 1000,
  timeout: 0,
  maxRetries: 3,
  pollWhenHidden: false,
  showEvents: false,
  token: 'token-1',
  tokenProvider: undefined,
};

/** One subscriber of an engine, recording every snapshot it is told. */
export class Subscriber {
  readonly subscription: Subscription;
  /** Every snapshot told, in order. */
  readonly seen: FollowSnapshot[] = [];

  /** Follows the task of `adapter` through `engine` with `OPTIONS` and `options` over them. */
  constructor(engine: Engine, adapter: TaskAdapter, options: Partial<FollowOptions> = {}) {
    this.subscription = engine.follow({ ...OPTIONS, adapter, ...options }, (snapshot) =>
      this.seen.push(snapshot),
    );
  }

  /** The last snapshot told. */
  get last(): FollowSnapshot {
    return this.seen[this.seen.length - 1];
  }

  /** The states told, each once per stretch. */
  get states(): string[] {
    return this.seen.map((snapshot) => snapshot.state).filter((state, i, all) => state !== all[i - 1]);
  }

  /** The failures told, as `[code, willRetry]`, one per failed request. */
  get failures(): [string, boolean][] {
    const failures = new Set<RequestFailure>();
    for (const { requestFailure } of this.seen) if (requestFailure) failures.add(requestFailure);
    return [...failures].map((failure) => [failure.error.code, failure.willRetry]);
  }

  unsubscribe(): void {
    this.subscription.unsubscribe();
  }
}

export interface Shared {
  env: FakeEnvironment;
  api: FakeApi;
  engine: Engine;
  /** One subscriber per options given, in order. */
  subs: Subscriber[];
}

/**
 * An engine on a fake clock (`environment`, or a new one with these options), following a task
 * whose API answers from `script`, with a subscriber for each of `options`.
 */
export function followShared(
  script: Script,
  options: Partial<FollowOptions>[],
  environment: FakeEnvironment | FakeEnvironmentOptions = {},
): Shared {
  const env = environment instanceof FakeEnvironment ? environment : new FakeEnvironment(environment);
  const api = fakeAdapter(env, script);
  const engine = new Engine(env);
  return { env, api, engine, subs: options.map((each) => new Subscriber(engine, api.adapter, each)) };
}

export interface Followed extends Omit<Shared, 'subs'> {
  sub: Subscriber;
}

/** The same with one subscriber. */
export function follow(
  script: Script,
  options: Partial<FollowOptions> = {},
  environment: FakeEnvironment | FakeEnvironmentOptions = {},
): Followed {
  const {
    subs: [sub],
    ...rest
  } = followShared(script, [options], environment);
  return { ...rest, sub };
}

/** Nothing more will happen: no timer set, nothing watched, and no request in an hour. */
export async function expectStopped({ env, api }: Pick<Followed, 'env' | 'api'>): Promise<void> {
  const made = api.calls.length;
  // The engine forgets a follower nobody follows on a 0 ms timer.
  await env.advance(0);
  expect(env.pendingTimers, 'timers still set').to.deep.equal([]);
  expect(env.watchers, 'wakes still watched').to.equal(0);
  await env.advance(HOUR);
  expect(api.calls.length, 'requests after stopping').to.equal(made);
}
