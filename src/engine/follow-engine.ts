// One task followed through one adapter: the request loop (status polls, then the results once),
// its retries, pauses, cancel and event paging. Every element following the same task on a page
// subscribes to one engine, so the API sees one request stream (docs/behaviour.md, "Sharing").
// It knows nothing of Lit or the DOM: time, timers, visibility and the network come in through
// its environment and adapter, and it tells its subscribers everything through snapshots.
import { type TaskApiError, toTaskApiError, toTaskError } from '../errors.js';
import type { AdapterContext, TaskAdapter, TaskSnapshot } from '../types.js';
import { bounded } from './bounded.js';
import type { FollowEnvironment } from './environment.js';
import { MAX_DELAY, type Pacing, pollDelay, requestTimeout, retryDelay } from './pacing.js';
import { ENDED_STATES } from './snapshot.js';
import {
  type FollowListener,
  type FollowOptions,
  type SharedSnapshot,
  Subscription,
  mergeOptions,
} from './subscription.js';
import { TokenKeeper } from './token.js';

export class FollowEngine {
  readonly #subscriptions = new Set<Subscription>();
  #shared: SharedSnapshot;
  #stage: 'status' | 'results' = 'status';
  /** Failed requests in a row, for the backoff. */
  #failures = 0;
  #cancelling = false;
  /** The phase of the last status answer, shown again if a cancel fails. */
  #apiPhase: string | undefined;
  /** The run in progress; aborting it stops every request and wait of the run. */
  #run: AbortController | undefined;
  /** Ends the current wait at once (a delay, or a pause while hidden or offline). */
  #wake: (() => void) | undefined;
  /** Whether the current wait is the pause between two polls (not a retry's backoff). */
  #betweenPolls = false;
  /** Whether `#wake` ends a pause while hidden or offline (the only wait with no end). */
  #paused = false;
  readonly #tokens: TokenKeeper;

  readonly #env: FollowEnvironment;
  readonly #adapter: TaskAdapter;
  readonly #taskId: string;
  readonly #baseUrl: string;
  readonly #onUnused: () => void;

  constructor(
    env: FollowEnvironment,
    adapter: TaskAdapter,
    taskId: string,
    baseUrl: string,
    onUnused = () => {},
  ) {
    this.#env = env;
    this.#adapter = adapter;
    this.#taskId = taskId;
    this.#baseUrl = baseUrl;
    this.#onUnused = onUnused;
    this.#tokens = new TokenKeeper(env);
    this.#shared = { state: 'pending', events: [], startedAt: env.now() };
  }

  /** Adds a subscriber, tells it the task as known so far, and starts following if needed. */
  subscribe(options: FollowOptions, listener: FollowListener): Subscription {
    const subscription = new Subscription(options, listener, {
      env: this.#env,
      shared: () => this.#shared,
      stopIfUnwatched: () => this.#stopIfUnwatched(),
    });
    // A token none of the others was given is the page's newest; one they share may be older
    // than what a token provider gave since.
    const known = [...this.#subscriptions].some((other) => other.options.token === options.token);
    if (options.token && !known) this.#tokens.current = options.token;
    this.#subscriptions.add(subscription);
    if (this.#shared.state === 'pending') subscription.arm();
    subscription.tell();
    if (!this.#run && this.#shared.state === 'pending') this.#start();
    // A newcomer may ask for a shorter interval than the one being waited out.
    else if (this.#betweenPolls) this.#wake?.();
    else this.#unpause();
    return subscription;
  }

  get subscribed(): boolean {
    return this.#subscriptions.size > 0;
  }

  unsubscribe(subscription: Subscription): void {
    subscription.disarm();
    this.#subscriptions.delete(subscription);
    if (this.#subscriptions.size === 0) this.#onUnused();
    this.#stopIfUnwatched();
  }

  /** New options from a subscriber; a new token resumes an engine stopped by `unauthorized`. */
  update(subscription: Subscription, options: FollowOptions): void {
    const newToken = options.token && options.token !== subscription.options.token;
    subscription.options = options;
    this.#unpause();
    if (!newToken) return;
    this.#tokens.current = options.token;
    if (this.#shared.state === 'error' && this.#shared.error?.code === 'unauthorized') this.#start();
  }

  /** Follows again for a subscriber in state `error`. */
  retry(subscription: Subscription): void {
    subscription.resume();
    if (this.#shared.state === 'error' || !this.#run) this.#start();
    else {
      subscription.arm();
      subscription.tell();
    }
  }

  /** Polls now instead of at the end of the current wait. */
  refresh(): void {
    this.#wake?.();
  }

  /**
   * Asks the API to cancel; the task ends when a status says so. Without a cancel endpoint, only
   * this subscriber stops following (state `cancelled`).
   */
  async cancel(subscription: Subscription, reason: string): Promise<void> {
    const run = this.#run;
    if (!run || this.#shared.state !== 'pending') return;
    const cancel = this.#adapter.cancel?.bind(this.#adapter);
    if (!cancel) {
      subscription.cancelHere();
      this.#stopIfUnwatched();
      return;
    }
    this.#cancelling = true;
    this.#publish({ phase: 'cancelling', cancelError: undefined });
    try {
      await this.#request(run.signal, (ctx) => cancel(ctx, reason));
      if (!run.signal.aborted) this.#wake?.();
    } catch (thrown) {
      if (run.signal.aborted) return;
      this.#cancelling = false;
      const error = { ...toTaskError(toTaskApiError(thrown)), code: 'cancel-failed' };
      for (const each of this.#subscriptions) each.requestFailure = { error, willRetry: false };
      this.#publish({ phase: this.#apiPhase, cancelError: error });
    }
  }

  // The run

  #active(): Subscription[] {
    return [...this.#subscriptions].filter((subscription) => subscription.active);
  }

  /** The options of the run: as eager as its most eager active subscriber. */
  #options() {
    return mergeOptions(this.#active().map((subscription) => subscription.options));
  }

  #start(): void {
    this.#stop();
    const run = new AbortController();
    this.#run = run;
    run.signal.addEventListener(
      'abort',
      this.#env.watch(() => this.#wake?.()),
    );
    for (const subscription of this.#active()) subscription.arm();
    this.#publish({ state: 'pending', error: undefined, retry: undefined });
    void this.#loop(run.signal);
  }

  #stop(): void {
    this.#run?.abort();
    this.#run = undefined;
    this.#wake = undefined;
  }

  /** Ends a pause that the subscribers' options may no longer call for (`pollWhenHidden`). */
  #unpause(): void {
    if (this.#paused) this.#wake?.();
  }

  /** Stops once no subscriber follows any more (all gone, given up or cancelled here). */
  #stopIfUnwatched(): void {
    if (this.#active().length === 0) this.#stop();
  }

  async #loop(signal: AbortSignal): Promise<void> {
    let pendingAnswers = 0;
    let tokenRefreshed = false;
    while (!signal.aborted) {
      await this.#whileBlocked(signal);
      if (signal.aborted) return;
      const options = this.#options();
      let delay: number;
      try {
        this.#tokens.refreshAhead(options.tokenProviders, requestTimeout(options), signal);
        if (this.#stage === 'results') {
          const images = await this.#request(signal, (ctx) => this.#adapter.getResults?.(ctx) ?? []);
          if (signal.aborted) return;
          this.#succeeded();
          this.#end({ state: 'completed', images });
          return;
        }
        const report = await this.#request(signal, (ctx) => this.#adapter.getStatus(ctx));
        if (signal.aborted) return;
        this.#succeeded();
        tokenRefreshed = false;
        if (report.state === 'completed' && !report.images) {
          this.#stage = 'results';
          this.#publish({ status: report.status, phase: 'fetching-results' });
          continue;
        }
        this.#publishReport(report);
        if (ENDED_STATES.includes(report.state)) return;
        if (options.showEvents) await this.#readEvents(signal);
        delay = pollDelay(options, ++pendingAnswers, this.#env.random, options.schedule);
        this.#betweenPolls = true;
      } catch (thrown) {
        if (signal.aborted) return;
        const error = toTaskApiError(thrown);
        if (error.code === 'unauthorized' && options.tokenProviders.length && !tokenRefreshed) {
          tokenRefreshed = true;
          if (await this.#tokens.refresh(options.tokenProviders, requestTimeout(options), signal)) continue;
          if (signal.aborted) return;
        }
        const retryIn = this.#failed(error, options);
        if (retryIn === undefined) return;
        delay = retryIn;
      }
      await this.#sleep(delay, signal);
      this.#betweenPolls = false;
    }
  }

  /** One adapter call with the current token, bounded by the request timeout and the run. */
  #request<T>(signal: AbortSignal, call: (ctx: AdapterContext) => Promise<T> | T): Promise<T> {
    return bounded(this.#env, requestTimeout(this.#options()), signal, async (bound) =>
      call({ taskId: this.#taskId, token: this.#tokens.current, baseUrl: this.#baseUrl, signal: bound }),
    );
  }

  #succeeded(): void {
    this.#failures = 0;
    for (const subscription of this.#subscriptions) subscription.failures = 0;
  }

  /**
   * Tells every active subscriber of a failed request; returns the wait before the retry, or
   * undefined when nobody follows any more (the error was fatal, or everyone gave up).
   */
  #failed(error: TaskApiError, pacing: Pacing): number | undefined {
    const fatal = error.code === 'unauthorized' || error.code === 'not-found';
    const taskError = toTaskError(error);
    for (const subscription of this.#active()) subscription.failed(taskError, fatal);
    if (fatal) {
      this.#end({ state: 'error', error: taskError });
      return undefined;
    }
    if (this.#active().length === 0) {
      this.#stop();
      this.#publish({ retry: undefined });
      return undefined;
    }
    const delay = retryDelay(pacing, ++this.#failures, this.#env.random, error.retryAfterMs);
    this.#publish({ retry: { at: this.#env.now() + delay, code: error.code } });
    return delay;
  }

  #publishReport(report: TaskSnapshot): void {
    const pending = report.state === 'pending';
    if (!pending) this.#cancelling = false;
    this.#apiPhase = report.phase;
    const next = {
      state: report.state,
      status: report.status,
      phase: this.#cancelling ? 'cancelling' : report.phase,
      images: report.images,
      error: report.error,
      cancelError: pending ? this.#shared.cancelError : undefined,
    };
    if (pending) this.#publish({ ...next, retry: undefined });
    else this.#end(next);
  }

  async #readEvents(signal: AbortSignal): Promise<void> {
    const getEvents = this.#adapter.getEvents?.bind(this.#adapter);
    if (!getEvents) return;
    const events = await this.#request(signal, (ctx) => getEvents(ctx, this.#shared.events.length));
    if (!signal.aborted && events.length) this.#publish({ events: [...this.#shared.events, ...events] });
  }

  /** The task ended, or following it did for everyone: stop, and tell it once. */
  #end(patch: Partial<SharedSnapshot>): void {
    this.#stop();
    for (const subscription of this.#subscriptions) subscription.disarm();
    this.#publish({ ...patch, retry: undefined });
  }

  #publish(patch: Partial<SharedSnapshot>): void {
    this.#shared = { ...this.#shared, ...patch };
    // A listener may unsubscribe others: tell only those still subscribed.
    for (const subscription of [...this.#subscriptions]) {
      if (this.#subscriptions.has(subscription)) subscription.tell();
    }
  }

  // Waiting

  /** Waits while the page is hidden (unless a subscriber polls when hidden) or the browser is offline. */
  async #whileBlocked(signal: AbortSignal): Promise<void> {
    const blocked = () => (!this.#options().pollWhenHidden && this.#env.hidden()) || !this.#env.online();
    while (!signal.aborted && blocked()) await this.#sleep(Infinity, signal);
  }

  /** Waits `ms` (forever for Infinity), or until woken or the run stops. */
  #sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.#env.clearTimeout(timer);
        signal.removeEventListener('abort', done);
        if (this.#wake === done) this.#wake = undefined;
        resolve();
      };
      const timer = ms === Infinity ? undefined : this.#env.setTimeout(done, Math.min(ms, MAX_DELAY));
      signal.addEventListener('abort', done);
      this.#wake = done;
      this.#paused = ms === Infinity;
    });
  }
}
