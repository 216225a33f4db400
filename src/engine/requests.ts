// The task's API as the engine calls it: through the adapter, with the current token (the newest
// one the page gave, or one fetched from a `tokenProvider` after a 401/403 or, for a JWT, shortly
// before it expires), each call bounded by the request timeout and by the run it belongs to.
import { TaskApiError, toTaskApiError } from '../errors.js';
import { jwtExpiry } from '../jwt.js';
import type {
  AdapterContext,
  SubscribeContext,
  TaskAdapter,
  TaskEventRecord,
  TaskImage,
  TaskSnapshot,
} from '../types.js';
import type { FollowedTask, TokenProvider } from './contract.js';
import type { FollowEnvironment } from './environment.js';

/** A JWT is refreshed this long before its `exp`, and at most once in this long. */
export const TOKEN_MARGIN = 30_000;

/**
 * Whether a task id may be sent: an id that is blank, `.` or `..` (a dot segment moves the
 * request to another path of the API) or has a control character never reaches the wire.
 */
export function isSendableTaskId(id: string): boolean {
  return Boolean(id.trim()) && id !== '.' && id !== '..' && !/\p{Cc}/u.test(id);
}

/**
 * Runs `call` with a signal aborted when `signal` is, or after `ms`; a call still running then is
 * abandoned and rejects with a `network` error ("timed out") or the abort reason. It settles even
 * when the callee ignores its abort signal.
 */
export async function bounded<T>(
  env: Pick<FollowEnvironment, 'setTimeout' | 'clearTimeout'>,
  ms: number,
  signal: AbortSignal,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  // One controller that the run's signal forwards to, rather than `AbortSignal.any` (Safari 17.4,
  // Firefox 124, Chrome 116: newer than the browsers the element runs in).
  const both = new AbortController();
  const forward = () => both.abort(signal.reason);
  const timer = env.setTimeout(() => both.abort(), ms);
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  try {
    return await Promise.race([call(both.signal), rejectOnAbort(both.signal)]);
  } catch (error) {
    if (both.signal.aborted && !signal.aborted) throw new TaskApiError('network', 'Timed out.');
    throw error;
  } finally {
    signal.removeEventListener('abort', forward);
    env.clearTimeout(timer);
  }
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const abort = () =>
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}

export class TaskRequests {
  /** The token the next request carries. */
  #token: string | undefined;
  /** When a token was last asked for ahead of its expiry. */
  #lastAhead = -Infinity;
  readonly #env: FollowEnvironment;
  readonly #task: FollowedTask;

  constructor(env: FollowEnvironment, task: FollowedTask) {
    this.#env = env;
    this.#task = task;
  }

  /** Whether the task id may be sent at all. */
  get sendable(): boolean {
    return isSendableTaskId(this.#task.taskId);
  }

  get canCancel(): boolean {
    return typeof this.#task.adapter.cancel === 'function';
  }

  /** Requests carry `token` from now on. */
  useToken(token: string | undefined): void {
    this.#token = token;
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

  /** The adapter's subscription to the task, with the current token; none when it has nothing to subscribe to. */
  subscribe(
    ctx: Omit<SubscribeContext, 'taskId' | 'token' | 'baseUrl'>,
    emit: (snapshot: TaskSnapshot) => void,
  ): (() => void) | undefined {
    const { adapter, taskId, baseUrl } = this.#task;
    return adapter.subscribe?.({ ...ctx, taskId, token: this.#token, baseUrl }, emit);
  }

  /**
   * Asks the providers in turn until one answers a non-empty token within `ms`. A provider that
   * throws, answers nothing or does not settle in time is passed over. Resolves whether one answered.
   */
  async refreshToken(providers: readonly TokenProvider[], ms: number, signal: AbortSignal): Promise<boolean> {
    for (const provider of providers) {
      try {
        const token = await bounded(this.#env, ms, signal, () => provider());
        if (signal.aborted) return false;
        if (typeof token === 'string' && token) {
          this.#token = token;
          return true;
        }
      } catch {
        if (signal.aborted) return false;
      }
    }
    return false;
  }

  /**
   * When the token is a JWT close to its expiry, fetches a new one in the background while
   * requests go on with the current one; at most once per margin, so a provider that hands out
   * short-lived tokens is not asked before every request.
   */
  refreshTokenAhead(providers: readonly TokenProvider[], ms: number, signal: AbortSignal): void {
    const expiry = jwtExpiry(this.#token);
    const now = this.#env.now();
    if (!providers.length || expiry === undefined || expiry - now >= TOKEN_MARGIN) return;
    if (now - this.#lastAhead < TOKEN_MARGIN) return;
    this.#lastAhead = now;
    void this.refreshToken(providers, ms, signal);
  }

  #call<T>(
    ms: number,
    signal: AbortSignal,
    call: (adapter: TaskAdapter, ctx: AdapterContext) => Promise<T> | T,
  ): Promise<T> {
    return bounded(this.#env, ms, signal, async (bound) => {
      const { adapter, taskId, baseUrl } = this.#task;
      try {
        return await call(adapter, { taskId, token: this.#token, baseUrl, signal: bound });
      } catch (thrown) {
        // Classified here, where it is known to come from the adapter: what the engine's own code
        // throws past this point is an `internal` failure.
        throw bound.aborted ? thrown : toTaskApiError(thrown);
      }
    });
  }
}
