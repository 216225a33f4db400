// The task's API as the engine calls it: through the adapter, with the current token, each call
// bounded by the request timeout and by the run it belongs to.
import type { AdapterContext, TaskAdapter, TaskEventRecord, TaskImage, TaskSnapshot } from '../types.js';
import { toTaskApiError } from '../errors.js';
import { bounded } from './bounded.js';
import type { FollowEnvironment } from './environment.js';
import { TokenKeeper } from './token.js';

/**
 * Whether a task id may be sent: an id that is blank, `.` or `..` (a dot segment moves the
 * request to another path of the API) or has a control character never reaches the wire.
 */
export function isSendableTaskId(id: string): boolean {
  return Boolean(id.trim()) && id !== '.' && id !== '..' && !/\p{Cc}/u.test(id);
}

export class TaskCalls {
  /** The token every call carries. */
  readonly tokens: TokenKeeper;
  readonly #env: FollowEnvironment;
  readonly #adapter: TaskAdapter;
  readonly #taskId: string;
  readonly #baseUrl: string;

  constructor(env: FollowEnvironment, adapter: TaskAdapter, taskId: string, baseUrl: string) {
    this.tokens = new TokenKeeper(env);
    this.#env = env;
    this.#adapter = adapter;
    this.#taskId = taskId;
    this.#baseUrl = baseUrl;
  }

  /** Whether the task id may be sent at all. */
  get sendable(): boolean {
    return isSendableTaskId(this.#taskId);
  }

  get canCancel(): boolean {
    return Boolean(this.#adapter.cancel);
  }

  status(ms: number, signal: AbortSignal): Promise<TaskSnapshot> {
    return this.#call(ms, signal, (adapter, ctx) => adapter.getStatus(ctx));
  }

  results(ms: number, signal: AbortSignal): Promise<TaskImage[]> {
    return this.#call(ms, signal, (adapter, ctx) => adapter.getResults?.(ctx) ?? []);
  }

  cancel(ms: number, signal: AbortSignal, reason: string): Promise<void> {
    return this.#call(ms, signal, (adapter, ctx) => adapter.cancel?.(ctx, reason));
  }

  /** The events after the first `offset`; none when the adapter has no events. */
  events(ms: number, signal: AbortSignal, offset: number): Promise<TaskEventRecord[]> {
    return this.#call(ms, signal, (adapter, ctx) => adapter.getEvents?.(ctx, offset) ?? []);
  }

  #call<T>(
    ms: number,
    signal: AbortSignal,
    call: (adapter: TaskAdapter, ctx: AdapterContext) => Promise<T> | T,
  ): Promise<T> {
    return bounded(this.#env, ms, signal, async (bound) => {
      const ctx = { taskId: this.#taskId, token: this.tokens.current, baseUrl: this.#baseUrl, signal: bound };
      try {
        return await call(this.#adapter, ctx);
      } catch (thrown) {
        // Classified here, where it is known to come from the adapter: what the engine's own code
        // throws past this point is an `internal` failure.
        throw bound.aborted ? thrown : toTaskApiError(thrown);
      }
    });
  }
}
