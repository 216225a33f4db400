// A `TaskAdapter` that answers from a script and records each call with the fake clock's time, the
// token it carried and its abort signal; and a token provider that does the same.
import type {
  AdapterContext,
  SubscribeContext,
  TaskAdapter,
  TaskEventRecord,
  TaskImage,
  TaskSnapshot,
} from '../../src/types.js';
import type { TokenProvider } from '../../src/engine/index.js';
import type { FakeEnvironment } from './fake-environment.js';

/** A scripted rejection. */
export class Fail {
  constructor(readonly error: unknown) {}
}

/**
 * One scripted answer: a value, a promise (for an answer the test settles itself, or never) or a
 * rejection.
 */
export type Answer<T> = T | Promise<T> | Fail;

/**
 * The answers of each method, in order; the last one repeats. A method without answers is absent
 * from the adapter, as in an API without that endpoint.
 */
export interface Script {
  status: Answer<TaskSnapshot>[];
  results?: Answer<TaskImage[]>[];
  cancel?: Answer<void>[];
  events?: Answer<TaskEventRecord[]>[];
  /**
   * Push: the adapter has `subscribe`, and each subscription is recorded for the test to drive
   * (`FakeApi.streams`); `nothing`: it has `subscribe`, with nothing to subscribe to.
   */
  subscribe?: true | 'nothing';
}

export type Method = Exclude<keyof Script, 'subscribe'>;

/** A subscription the engine opened, for the test to drive. */
export interface FakeStream {
  /** When it was opened, in ms since the test started. */
  at: number;
  ctx: SubscribeContext;
  emit(snapshot: TaskSnapshot): void;
  /** Whether the engine ended it (its signal aborted and its unsubscribe called). */
  readonly ended: boolean;
}

export interface Call {
  method: Method;
  /** Ms since the test started. */
  at: number;
  token: string | undefined;
  signal: AbortSignal;
  /** The cancel reason, or the events offset. */
  argument?: string | number;
}

export interface FakeApi {
  adapter: TaskAdapter;
  calls: Call[];
  /** The calls of one method. */
  of(method: Method): Call[];
  /** When each call of `method` was made, in ms since the test started. */
  times(method?: Method): number[];
  /** Each status request as `[when, token]`. */
  sent(): [number, string | undefined][];
  /** The subscriptions opened, in order. */
  streams: FakeStream[];
  /** How often `subscribe` was called, with something to subscribe to or not. */
  readonly subscribed: number;
}

/** The answer to the call after `made` calls: the last answer repeats. */
async function answerOf<T>(answers: Answer<T>[], made: number): Promise<T> {
  const answer = answers[Math.min(made, answers.length - 1)];
  if (answer instanceof Fail) throw answer.error;
  return answer;
}

export function fakeAdapter(env: FakeEnvironment, script: Script): FakeApi {
  const calls: Call[] = [];
  const of = (method: Method) => calls.filter((call) => call.method === method);
  const answerer =
    <T>(method: Method, answers: Answer<T>[]) =>
    async (ctx: AdapterContext, argument?: string | number): Promise<T> => {
      const made = of(method).length;
      calls.push({ method, at: env.elapsed, token: ctx.token, signal: ctx.signal, argument });
      return answerOf(answers, made);
    };
  const adapter: TaskAdapter = { getStatus: answerer('status', script.status) };
  if (script.results) adapter.getResults = answerer('results', script.results);
  if (script.cancel) adapter.cancel = answerer('cancel', script.cancel);
  if (script.events) adapter.getEvents = answerer('events', script.events);
  const streams: FakeStream[] = [];
  let subscribed = 0;
  if (script.subscribe) {
    adapter.subscribe = (ctx, emit) => {
      subscribed++;
      if (script.subscribe === 'nothing') return undefined;
      let unsubscribed = false;
      streams.push({
        at: env.elapsed,
        ctx,
        emit,
        get ended() {
          return unsubscribed && ctx.signal.aborted;
        },
      });
      return () => (unsubscribed = true);
    };
  }
  return {
    streams,
    get subscribed() {
      return subscribed;
    },
    adapter,
    calls,
    of,
    times: (method = 'status') => of(method).map((call) => call.at),
    sent: () => of('status').map((call) => [call.at, call.token]),
  };
}

export interface FakeProvider {
  tokenProvider: TokenProvider;
  /** When it was asked, in ms since the test started. */
  asked: number[];
}

/** A `tokenProvider` answering from `answers` (the last one repeats), recording when it is asked. */
export function fakeProvider(env: FakeEnvironment, answers: Answer<string>[]): FakeProvider {
  const asked: number[] = [];
  const tokenProvider = () => {
    asked.push(env.elapsed);
    return answerOf(answers, asked.length - 1);
  };
  return { tokenProvider, asked };
}
