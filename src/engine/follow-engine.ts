// One task followed through one adapter: the request loop (status polls, then the results once),
// its retries, pauses, cancel and event paging, shared by every element following the task on the
// page (docs/behaviour.md, "Sharing"). It knows nothing of Lit or the DOM: time, timers, visibility
// and the network come in through its environment and adapter; it tells everything in snapshots.
import { type TaskApiError, ownFailure, toTaskError } from '../errors.js';
import type { TaskAdapter, TaskSnapshot } from '../types.js';
import type { FollowEnvironment } from './environment.js';
import { estimateFor } from './estimate.js';
import { hazardSchedule } from './hazard-schedule.js';
import { type Pacing, pollDelay, requestTimeout, retryDelay } from './pacing.js';
import { ResultsRefresh } from './results-refresh.js';
import { ENDED_STATES, type EstimatedEnd } from './snapshot.js';
import { Subscribers } from './subscribers.js';
import {
  type FollowListener,
  type FollowOptions,
  type SharedSnapshot,
  Subscription,
} from './subscription.js';
import { TaskAge } from './task-age.js';
import { TaskCalls } from './task-calls.js';
import { type WaitKind, Waits } from './waits.js';

export class FollowEngine {
  readonly #subscribers = new Subscribers();
  #shared: SharedSnapshot;
  #stage: 'status' | 'results' = 'status';
  /** Failed requests in a row, for the backoff. */
  #failures = 0;
  #cancelling = false;
  /** The phase of the last status answer, shown again if a cancel fails. */
  #apiPhase: string | undefined;
  /** The run in progress; aborting it stops every request and wait of the run. */
  #run: AbortController | undefined;
  readonly #calls: TaskCalls;
  readonly #waits: Waits;
  readonly #refresh: ResultsRefresh;
  readonly #age: TaskAge;
  readonly #env: FollowEnvironment;
  readonly #onUnused: () => void;

  constructor(
    env: FollowEnvironment,
    adapter: TaskAdapter,
    taskId: string,
    baseUrl: string,
    onUnused = () => {},
  ) {
    this.#env = env;
    this.#onUnused = onUnused;
    this.#calls = new TaskCalls(env, adapter, taskId, baseUrl);
    this.#waits = new Waits(env);
    this.#refresh = new ResultsRefresh(env);
    this.#age = new TaskAge(env);
    this.#shared = { state: 'pending', events: [], startedAt: env.now() };
  }

  /** Adds a subscriber, tells it the task as known so far, and starts following if needed. */
  subscribe(options: FollowOptions, listener: FollowListener): Subscription {
    const subscription = new Subscription(options, listener, {
      env: this.#env,
      shared: () => this.#shared,
      stopIfUnwatched: () => this.#stopIfUnwatched(),
    });
    // A token none of the others was given is the newest; a shared one may be older than a refreshed one.
    if (options.token && !this.#subscribers.given(options.token)) this.#calls.tokens.current = options.token;
    this.#subscribers.add(subscription);
    if (this.#shared.state === 'pending') subscription.arm();
    subscription.tell();
    if (!this.#run && this.#shared.state === 'pending') this.#start();
    // A newcomer may ask for a shorter interval, or to poll while hidden: look again now.
    else this.#waits.wake('poll', 'pause');
    return subscription;
  }

  get subscribed(): boolean {
    return this.#subscribers.size > 0;
  }

  unsubscribe(subscription: Subscription): void {
    subscription.disarm();
    this.#subscribers.delete(subscription);
    if (this.#subscribers.size === 0) this.#onUnused();
    this.#stopIfUnwatched();
  }

  /** New options from a subscriber; a new token resumes an engine stopped by `unauthorized`. */
  update(subscription: Subscription, options: FollowOptions): void {
    const { token, pollWhenHidden } = subscription.options;
    const newToken = options.token && options.token !== token;
    subscription.options = options;
    if (options.pollWhenHidden !== pollWhenHidden) this.#waits.wake('pause');
    if (!newToken) return;
    this.#calls.tokens.current = options.token;
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
    this.#waits.wake();
  }

  /** Asks for a completed task's results again (their URLs may expire): at most once a minute. */
  refreshResults(): Promise<void> {
    if (this.#shared.state !== 'completed') return Promise.resolve();
    return this.#refresh.run(async () => {
      const run = (this.#run = new AbortController());
      const { signal } = run;
      const ms = this.#timeout();
      // From the results request, or from the status when it carries them.
      const request =
        this.#stage === 'results'
          ? this.#calls.results(ms, signal)
          : this.#calls.status(ms, signal).then((report) => report.images);
      const images = await request.finally(() => {
        if (this.#run === run) this.#run = undefined;
      });
      if (images && !run.signal.aborted) this.#publish({ images });
    });
  }

  /** Asks the API to cancel (a status ends the task); with no cancel endpoint, only this subscriber stops. */
  async cancel(subscription: Subscription, reason: string): Promise<void> {
    const run = this.#run;
    if (!run || this.#shared.state !== 'pending') return;
    if (!this.#calls.canCancel) {
      subscription.cancelHere();
      this.#stopIfUnwatched();
      return;
    }
    this.#cancelling = true;
    this.#publish({ phase: 'cancelling', cancelError: undefined });
    try {
      await this.#calls.cancel(this.#timeout(), run.signal, reason);
      if (!run.signal.aborted) this.#waits.wake();
    } catch (thrown) {
      if (run.signal.aborted) return;
      this.#cancelling = false;
      const error = { ...toTaskError(ownFailure(thrown)), code: 'cancel-failed' };
      this.#subscribers.failedOnce(error);
      this.#publish({ phase: this.#apiPhase, cancelError: error });
    }
  }

  // The run

  #start(): void {
    this.#stop();
    const run = new AbortController();
    this.#run = run;
    run.signal.addEventListener(
      'abort',
      this.#env.watch(() => this.#waits.wake()),
    );
    if (!this.#calls.sendable) {
      this.#end({ state: 'error', error: { code: 'invalid-task-id', message: 'The task id is not valid.' } });
      return;
    }
    this.#subscribers.arm();
    this.#publish({ state: 'pending', error: undefined, retry: undefined });
    void this.#loop(run.signal);
  }

  #stop(): void {
    this.#run?.abort();
    this.#run = undefined;
  }

  /** Stops once no subscriber follows any more (all gone, given up or cancelled here). */
  #stopIfUnwatched(): void {
    if (this.#subscribers.active().length === 0) this.#stop();
  }

  async #loop(signal: AbortSignal): Promise<void> {
    let pendingAnswers = 0;
    let tokenRefreshed = false;
    while (!signal.aborted) {
      // No request while the page is hidden (unless a subscriber polls when hidden) or offline.
      const hidden = () => !this.#subscribers.options().pollWhenHidden && this.#env.hidden();
      await this.#waits.pauseWhile(() => hidden() || !this.#env.online(), signal);
      if (signal.aborted) return;
      const options = this.#subscribers.options();
      let delay: number;
      let kind: WaitKind = 'poll';
      try {
        this.#calls.tokens.refreshAhead(options.tokenProviders, requestTimeout(options), signal);
        if (this.#stage === 'results') {
          const images = await this.#calls.results(requestTimeout(options), signal);
          if (signal.aborted) return;
          this.#succeeded();
          this.#end({ state: 'completed', images });
          return;
        }
        const sentAt = this.#env.now();
        const report = await this.#calls.status(requestTimeout(options), signal);
        if (signal.aborted) return;
        this.#succeeded();
        tokenRefreshed = false;
        const elapsed = this.#age.observe(report, sentAt, options);
        if (report.state === 'completed' && !report.images) {
          this.#stage = 'results';
          this.#publish({ status: report.status, phase: 'fetching-results' });
          continue;
        }
        const estimate = estimateFor(options, this.#env.durations);
        this.#publishReport(report, estimate && { from: this.#env.now() - elapsed, ...estimate });
        if (ENDED_STATES.includes(report.state)) return;
        if (options.showEvents) await this.#readEvents(signal);
        const schedule = estimate && hazardSchedule(estimate);
        delay = pollDelay(options, ++pendingAnswers, this.#env.random, schedule, elapsed);
      } catch (thrown) {
        if (signal.aborted) return;
        const error = ownFailure(thrown);
        if (error.code === 'unauthorized' && options.tokenProviders.length && !tokenRefreshed) {
          tokenRefreshed = true;
          if (await this.#calls.tokens.refresh(options.tokenProviders, requestTimeout(options), signal))
            continue;
          if (signal.aborted) return;
        }
        const retryIn = this.#failed(error, options);
        if (retryIn === undefined) return;
        delay = retryIn;
        kind = 'retry';
      }
      await this.#waits.wait(kind, delay, signal);
    }
  }

  /** How long a request may take, as the most eager subscriber's pacing says. */
  #timeout(): number {
    return requestTimeout(this.#subscribers.options());
  }

  #succeeded(): void {
    this.#failures = 0;
    this.#subscribers.succeeded();
  }

  /** Tells subscribers of a failed request; the wait before the retry, or undefined if nobody follows. */
  #failed(error: TaskApiError, pacing: Pacing): number | undefined {
    // A failure of the element's own code would fail the same way again: not retried.
    const fatal = error.code === 'unauthorized' || error.code === 'not-found' || error.code === 'internal';
    const taskError = toTaskError(error);
    this.#subscribers.failed(taskError, fatal);
    if (fatal) {
      this.#end({ state: 'error', error: taskError });
      return undefined;
    }
    if (this.#subscribers.active().length === 0) {
      this.#stop();
      this.#publish({ retry: undefined });
      return undefined;
    }
    const delay = retryDelay(pacing, ++this.#failures, this.#env.random, error.retryAfterMs);
    this.#publish({ retry: { at: this.#env.now() + delay, code: error.code } });
    return delay;
  }

  #publishReport(report: TaskSnapshot, estimate?: EstimatedEnd): void {
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
    if (pending) this.#publish({ ...next, estimate, retry: undefined });
    else this.#end({ ...next, estimate: undefined });
  }

  async #readEvents(signal: AbortSignal): Promise<void> {
    const events = await this.#calls.events(this.#timeout(), signal, this.#shared.events.length);
    if (!signal.aborted && events.length) this.#publish({ events: [...this.#shared.events, ...events] });
  }

  /** The task ended, or following it did for everyone: stop, and tell it once. */
  #end(patch: Partial<SharedSnapshot>): void {
    this.#stop();
    this.#subscribers.disarm();
    this.#publish({ ...patch, retry: undefined });
  }

  #publish(patch: Partial<SharedSnapshot>): void {
    this.#shared = { ...this.#shared, ...patch };
    this.#subscribers.tell();
  }
}
