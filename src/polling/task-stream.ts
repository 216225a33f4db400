// One task followed through one adapter: the request loop (status polls, then the results once),
// its pacing, retries and pauses. Every element following the same task shares one stream, so the
// API sees one request stream however many elements show the task (SPEC §5).
import { TaskApiError, toTaskApiError, toTaskError } from '../errors.js';
import { jwtExpiry } from '../jwt.js';
import type {
  AdapterContext,
  TaskAdapter,
  TaskError,
  TaskEventRecord,
  TaskImage,
  TaskSnapshot,
  TaskState,
} from '../types.js';
import { type Pacing, pollDelay, requestTimeout, retryDelay } from './pacing.js';

export interface FollowOptions extends Pacing {
  timeout: number;
  maxRetries: number;
  pollWhenHidden: boolean;
  showEvents: boolean;
  token: string | undefined;
  tokenProvider: (() => Promise<string>) | undefined;
}

/** What the stream knows of its task, as its listeners see it. */
export interface StreamState {
  state: Exclude<TaskState, 'idle'>;
  status?: string | number;
  phase?: string;
  images?: TaskImage[];
  error?: TaskError;
  /** Why the last cancel request failed, while the task goes on. */
  cancelError?: TaskError;
}

export interface StreamListener {
  /** The options of the listener that subscribed first are the stream's. */
  options(): FollowOptions;
  update(state: StreamState): void;
  requestError(error: TaskError, willRetry: boolean): void;
  taskEvent(event: TaskEventRecord): void;
}

/** A JWT is refreshed this long before its `exp`. */
const TOKEN_MARGIN = 30_000;

export class TaskStream {
  readonly #listeners = new Set<StreamListener>();
  #current: StreamState | undefined;
  #token: string | undefined;
  #stage: 'status' | 'results' = 'status';
  #cancelling = false;
  /** When a token was last refreshed ahead of its expiry (ms since the epoch). */
  #lastExpiryRefresh = 0;
  /** The phase of the last status answer, shown again if a cancel fails. */
  #apiPhase: string | undefined;
  readonly #events: TaskEventRecord[] = [];
  /** The run in progress; aborting it stops every request and timer of the run. */
  #run: AbortController | undefined;
  /** Identifies the current run, so that answers of an earlier one are dropped. */
  #callId = 0;
  /** Ends the current wait at once (a sleep, or a pause while hidden or offline). */
  #wake: (() => void) | undefined;

  readonly #adapter: TaskAdapter;
  readonly #onUnused: () => void;

  constructor(
    adapter: TaskAdapter,
    readonly taskId: string,
    readonly baseUrl: string,
    onUnused: () => void,
  ) {
    this.#adapter = adapter;
    this.#onUnused = onUnused;
  }

  subscribe(listener: StreamListener): void {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#token = listener.options().token;
    if (this.#current) listener.update(this.#current);
    for (const event of this.#events) listener.taskEvent(event);
    if (!this.#run && (!this.#current || this.#current.state === 'pending')) this.#start();
  }

  unsubscribe(listener: StreamListener): void {
    this.#listeners.delete(listener);
    if (this.#listeners.size > 0) return;
    this.#stop();
    this.#onUnused();
  }

  /** Resumes following after `error`. */
  retry(): void {
    if (this.#current?.state === 'error') this.#start();
  }

  /** Polls now instead of at the end of the current wait. */
  refresh(): void {
    this.#wake?.();
  }

  /** A new token from the page; resumes a stream stopped by `unauthorized`. */
  setToken(token: string | undefined): void {
    if (token === this.#token) return;
    this.#token = token;
    if (this.#current?.state === 'error' && this.#current.error?.code === 'unauthorized') this.#start();
  }

  /** Asks the API to cancel; the task ends when a status says so. */
  async cancel(reason: string): Promise<void> {
    const run = this.#run;
    const cancel = this.#adapter.cancel?.bind(this.#adapter);
    if (!run || !cancel || this.#current?.state !== 'pending') return;
    const id = this.#callId;
    this.#cancelling = true;
    this.#publish({ ...this.#current, phase: 'cancelling', cancelError: undefined });
    try {
      await this.#request(run.signal, (ctx) => cancel(ctx, reason));
      if (this.#isCurrent(id, run.signal)) this.#wake?.();
    } catch (thrown) {
      if (!this.#isCurrent(id, run.signal)) return;
      this.#cancelling = false;
      const error = { ...toTaskError(toTaskApiError(thrown)), code: 'cancel-failed' };
      this.#publish({ ...this.#current, phase: this.#apiPhase, cancelError: error });
      this.#emitError(error, false);
    }
  }

  #options(): FollowOptions {
    const [first] = this.#listeners;
    if (!first) throw new Error('A task stream without listeners has no options.');
    return first.options();
  }

  #start(): void {
    this.#stop();
    const run = new AbortController();
    this.#run = run;
    const id = ++this.#callId;
    const wakeNow = () => this.#wake?.();
    const onVisibility = () => document.visibilityState === 'visible' && wakeNow();
    document.addEventListener('visibilitychange', onVisibility, { signal: run.signal });
    window.addEventListener('pageshow', wakeNow, { signal: run.signal });
    window.addEventListener('online', wakeNow, { signal: run.signal });
    const { timeout } = this.#options();
    if (timeout > 0) {
      const timer = setTimeout(() => {
        if (!this.#isCurrent(id, run.signal)) return;
        const error = new TaskApiError(
          'timeout',
          `The task did not finish within ${Number((timeout / 1000).toFixed(1))} s.`,
        );
        this.#fail(error);
      }, timeout);
      run.signal.addEventListener('abort', () => clearTimeout(timer));
    }
    this.#publish({ state: 'pending', status: this.#current?.status, phase: this.#current?.phase });
    void this.#loop(id, run.signal);
  }

  #stop(): void {
    this.#run?.abort();
    this.#run = undefined;
    this.#wake = undefined;
  }

  #isCurrent(id: number, signal: AbortSignal): boolean {
    return id === this.#callId && !signal.aborted;
  }

  async #loop(id: number, signal: AbortSignal): Promise<void> {
    let pendingAnswers = 0;
    let failures = 0;
    let tokenRefreshed = false;
    while (this.#isCurrent(id, signal)) {
      await this.#whenAllowed(signal);
      if (!this.#isCurrent(id, signal)) return;
      let delay: number;
      try {
        await this.#refreshExpiringToken(signal);
        if (this.#stage === 'results') {
          const images = await this.#request(
            signal,
            (ctx) => this.#adapter.getResults?.(ctx) ?? Promise.resolve([]),
          );
          if (!this.#isCurrent(id, signal)) return;
          this.#publish({ state: 'completed', status: this.#current?.status, images });
          this.#stop();
          return;
        }
        const snapshot = await this.#request(signal, (ctx) => this.#adapter.getStatus(ctx));
        if (!this.#isCurrent(id, signal)) return;
        failures = 0;
        tokenRefreshed = false;
        if (snapshot.state === 'completed' && !snapshot.images) {
          this.#stage = 'results';
          this.#publish({ state: 'pending', status: snapshot.status, phase: 'fetching-results' });
          continue;
        }
        this.#publishSnapshot(snapshot);
        if (snapshot.state !== 'pending') {
          this.#stop();
          return;
        }
        if (this.#options().showEvents) await this.#readEvents(id, signal);
        delay = pollDelay(this.#options(), ++pendingAnswers);
      } catch (thrown) {
        if (!this.#isCurrent(id, signal)) return;
        const error = toTaskApiError(thrown);
        const { tokenProvider, maxRetries } = this.#options();
        if (error.code === 'unauthorized' && tokenProvider && !tokenRefreshed) {
          tokenRefreshed = true;
          if (await this.#refreshToken(tokenProvider, id, signal)) continue;
          if (!this.#isCurrent(id, signal)) return;
        }
        const fatal = error.code === 'unauthorized' || error.code === 'not-found';
        if (fatal || ++failures > maxRetries) {
          this.#fail(error);
          return;
        }
        this.#emitError(toTaskError(error), true);
        delay = retryDelay(this.#options(), failures, error.retryAfterMs);
      }
      await this.#sleep(delay, signal);
    }
  }

  #publishSnapshot(snapshot: TaskSnapshot): void {
    const confirmed = snapshot.state !== 'pending';
    if (confirmed) this.#cancelling = false;
    this.#apiPhase = snapshot.phase;
    this.#publish({
      state: snapshot.state,
      status: snapshot.status,
      phase: this.#cancelling ? 'cancelling' : snapshot.phase,
      images: snapshot.images,
      error: snapshot.error,
      cancelError: confirmed ? undefined : this.#current?.cancelError,
    });
  }

  async #readEvents(id: number, signal: AbortSignal): Promise<void> {
    const getEvents = this.#adapter.getEvents?.bind(this.#adapter);
    if (!getEvents) return;
    const events = await this.#request(signal, (ctx) => getEvents(ctx, this.#events.length));
    if (!this.#isCurrent(id, signal)) return;
    for (const event of events) {
      this.#events.push(event);
      for (const listener of this.#each()) listener.taskEvent(event);
    }
  }

  /** Gives up: a last `task-error` that will not be retried, then state `error`. */
  #fail(error: TaskApiError): void {
    const taskError = toTaskError(error);
    this.#emitError(taskError, false);
    this.#stop();
    this.#publish({ state: 'error', status: this.#current?.status, error: taskError });
  }

  #publish(state: StreamState): void {
    this.#current = state;
    for (const listener of this.#each()) listener.update(state);
  }

  #emitError(error: TaskError, willRetry: boolean): void {
    for (const listener of this.#each()) listener.requestError(error, willRetry);
  }

  /** The listeners, skipping any that unsubscribe while others are told. */
  *#each(): Generator<StreamListener> {
    for (const listener of [...this.#listeners]) if (this.#listeners.has(listener)) yield listener;
  }

  /**
   * One adapter call with the current token, aborted with the run or when slower than the
   * request timeout. Settles even if a custom adapter ignores the signal.
   */
  async #request<T>(signal: AbortSignal, call: (ctx: AdapterContext) => Promise<T>): Promise<T> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), requestTimeout(this.#options()));
    const ctx: AdapterContext = {
      taskId: this.taskId,
      token: this.#token,
      baseUrl: this.baseUrl,
      signal: AbortSignal.any([signal, timeout.signal]),
    };
    try {
      return await Promise.race([call(ctx), rejectOnAbort(ctx.signal)]);
    } catch (error) {
      if (timeout.signal.aborted && !signal.aborted)
        throw new TaskApiError('network', 'The request timed out.');
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async #refreshToken(provider: () => Promise<string>, id: number, signal: AbortSignal): Promise<boolean> {
    try {
      const token = await provider();
      if (!this.#isCurrent(id, signal) || !token) return false;
      this.#token = token;
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Asks the token provider for a new token shortly before a JWT expires; at most once per
   * margin, so a provider that hands out short-lived tokens is not asked before every request.
   */
  async #refreshExpiringToken(signal: AbortSignal): Promise<void> {
    const { tokenProvider } = this.#options();
    const expiry = jwtExpiry(this.#token);
    const now = Date.now();
    if (!tokenProvider || expiry === undefined || expiry - now >= TOKEN_MARGIN) return;
    if (now - this.#lastExpiryRefresh < TOKEN_MARGIN) return;
    this.#lastExpiryRefresh = now;
    await this.#refreshToken(tokenProvider, this.#callId, signal);
  }

  /** Waits while the page is hidden (unless `pollWhenHidden`) or the browser is offline. */
  async #whenAllowed(signal: AbortSignal): Promise<void> {
    const blocked = () =>
      (!this.#options().pollWhenHidden && document.visibilityState === 'hidden') ||
      navigator.onLine === false;
    while (!signal.aborted && blocked()) await this.#sleep(Infinity, signal);
  }

  /** Waits `ms` (forever for Infinity), or until woken or aborted. */
  #sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        if (this.#wake === done) this.#wake = undefined;
        resolve();
      };
      const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
      signal.addEventListener('abort', done);
      this.#wake = done;
    });
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
