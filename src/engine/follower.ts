// One task followed through one adapter, for every element that follows it on the page
// (docs/behaviour.md, "Sharing"): the request loop (status polls or pushed news, then the results
// once), its retries, its waits and pauses, cancel, event paging, and asking again for results
// whose URLs expired. Its state changes in one place, `#dispatch`, and every subscriber is told.
/* eslint-disable @typescript-eslint/no-unnecessary-condition -- `signal.aborted` changes across each await, which the rule cannot see */
import { type TaskApiError, ownFailure, toTaskError } from '../errors.js';
import type { TaskError, TaskEventRecord, TaskImage, TaskSnapshot } from '../types.js';
import {
  ENDED_STATES,
  type EstimatedEnd,
  type FollowListener,
  type FollowOptions,
  type FollowedTask,
  type Pacing,
  type RetrySchedule,
  type SharedSnapshot,
} from './contract.js';
import { estimateFor } from './durations.js';
import type { FollowEnvironment } from './environment.js';
import { bounds, hazardSchedule, hiddenSchedule, pollDelay, requestTimeout } from './pacing.js';
import { Push } from './push.js';
import { TaskRequests } from './requests.js';
import { Retries, isFatal } from './retries.js';
import { type RunOptions, Subscribers, Subscription, type SubscriptionHost } from './subscribers.js';
import { TaskAge, type WaitReport, readWait } from './wait.js';
import { Waits } from './waits.js';

/** The shortest time between two requests for the same task's results. */
export const RESULTS_REFRESH_INTERVAL = 60_000;

/** What to wait for before the next request: a poll, a retry after a failure, or news pushed; none once done. */
type Next = { kind: 'poll' | 'retry' | 'stream'; ms: number } | undefined;

/** What happened to the task, or to following it. */
type Action =
  | { type: 'start' }
  | { type: 'status'; report: TaskSnapshot; wait: WaitReport; estimate: EstimatedEnd | undefined }
  | { type: 'results-due'; status: string | number }
  | { type: 'results'; images: TaskImage[] }
  | { type: 'stopped'; error: TaskError }
  | { type: 'retry'; retry: RetrySchedule | undefined }
  | { type: 'cancelling' }
  | { type: 'cancel-failed'; error: TaskError | undefined }
  | { type: 'events'; events: TaskEventRecord[] };

/** What the follower knows: what it publishes, but the phase, which it derives. */
interface State extends Omit<SharedSnapshot, 'phase'> {
  /** The phase the API last reported, shown again if a cancel fails. */
  apiPhase?: string;
  /** The results come from a request of their own (the completed status did not carry them). */
  resultsRequested?: boolean;
  /** A cancel request was sent and the API has not ended the task yet. */
  cancelling?: boolean;
}

function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'start':
      return { ...state, state: 'pending', error: undefined, retry: undefined };
    case 'status': {
      const { report, wait } = action;
      const pending = report.state === 'pending';
      return {
        ...state,
        state: report.state,
        status: report.status,
        apiPhase: report.phase,
        images: report.images,
        error: report.error,
        estimate: action.estimate,
        progress: wait.progress ?? state.progress,
        queued: wait.queued || undefined,
        queuePosition: wait.queuePosition,
        // A status without previews leaves the last ones shown until newer ones or the results.
        previews: wait.previews ?? state.previews,
        retry: undefined,
        cancelError: pending ? state.cancelError : undefined,
      };
    }
    case 'results-due':
      return { ...state, status: action.status, resultsRequested: true };
    case 'results':
      return {
        ...state,
        state: state.state === 'pending' ? 'completed' : state.state,
        images: action.images,
      };
    case 'stopped':
      return { ...state, state: 'error', error: action.error };
    case 'retry':
      return { ...state, retry: action.retry };
    case 'cancelling':
      return { ...state, cancelling: true, cancelError: undefined };
    case 'cancel-failed':
      return { ...state, cancelling: false, cancelError: action.error };
    case 'events':
      return { ...state, events: [...state.events, ...action.events] };
  }
}

/** What a task that is no longer pending keeps: nothing of its wait, no retry or cancel in progress. */
const settled = (state: State): State =>
  state.state === 'pending'
    ? state
    : {
        ...state,
        retry: undefined,
        cancelling: false,
        estimate: undefined,
        progress: undefined,
        queued: undefined,
        queuePosition: undefined,
        previews: undefined,
      };

/** The longest ago a task followed on after a reload may have started: a day. */
const MAX_RESUMED_AGE = 86_400_000;

export class Follower implements SubscriptionHost {
  declare readonly env: FollowEnvironment;
  readonly #subscribers = new Subscribers();
  #state: State;
  #shared: SharedSnapshot;
  /** The run in progress; aborting it stops every request and wait of the run. */
  #run: AbortController | undefined;
  /** Pending answers in a row in the run, for the pacing. */
  #pendingAnswers = 0;
  readonly #requests: TaskRequests;
  readonly #retries: Retries;
  readonly #waits: Waits;
  readonly #push: Push;
  /** The run waited once for its subscription to show life before its first poll. */
  #waitedForPush = false;
  /** A refresh asked for a poll, even while the subscription is trusted. */
  #pollAsked = false;
  readonly #age: TaskAge;
  /** When the results were last asked for again, and that request while it runs. */
  #refreshedAt = -Infinity;
  #refreshing: Promise<void> | undefined;
  readonly #onUnused: () => void;

  constructor(env: FollowEnvironment, task: FollowedTask, onUnused = () => {}) {
    this.env = env;
    this.#onUnused = onUnused;
    this.#requests = new TaskRequests(env, task);
    this.#retries = new Retries(env, this.#requests);
    this.#waits = new Waits(env);
    // News ends any wait but a pause; a subscription trusted or not any more ends only a wait for news.
    this.#push = new Push(env, this.#requests, (news) =>
      news ? this.#waits.wake('poll', 'retry', 'stream') : this.#waits.wake('stream'),
    );
    // A task followed on after a reload began then; a time to come, or one longer ago than a task
    // is followed (a clock set back, a value written by hand), is no such time.
    const age = env.now() - (task.startedAt ?? NaN);
    const startedAt = age >= 0 && age <= MAX_RESUMED_AGE ? task.startedAt : undefined;
    this.#age = new TaskAge(env, startedAt);
    this.#state = {
      state: 'pending',
      events: [],
      startedAt: startedAt ?? env.now(),
    };
    this.#shared = this.#published();
  }

  /** Adds a subscriber, tells it the task as known so far, and starts following if needed. */
  subscribe(options: FollowOptions, listener: FollowListener): Subscription {
    const subscription = new Subscription(options, listener, this);
    // A token none of the others was given is the newest; a shared one may be older than a refreshed one.
    if (options.token && !this.#subscribers.given(options.token)) this.#requests.useToken(options.token);
    this.#subscribers.add(subscription);
    if (this.#state.state === 'pending') subscription.arm();
    subscription.tell();
    if (!this.#run && this.#state.state === 'pending') this.#start();
    // A newcomer may ask for a shorter interval, to poll while hidden, or for a stream: look again now.
    else {
      this.#openPush();
      this.#waits.wake('poll', 'pause');
    }
    return subscription;
  }

  get subscribed(): boolean {
    return this.#subscribers.size > 0;
  }

  // What subscriptions ask (SubscriptionHost).

  shared(): SharedSnapshot {
    return this.#shared;
  }

  unsubscribe(subscription: Subscription): void {
    subscription.disarm();
    this.#subscribers.delete(subscription);
    if (this.#subscribers.size === 0) this.#onUnused();
    this.stopIfUnwatched();
  }

  update(subscription: Subscription, options: FollowOptions): void {
    const { token, pollWhenHidden, notify } = subscription.options;
    const newToken = options.token && options.token !== token;
    subscription.options = options;
    if (options.pollWhenHidden !== pollWhenHidden || options.notify !== notify) this.#waits.wake('pause');
    this.#openPush();
    if (!newToken) return;
    this.#requests.useToken(options.token);
    if (this.#state.state === 'error' && this.#state.error?.code === 'unauthorized') this.#start();
  }

  retry(subscription: Subscription): void {
    subscription.resume();
    if (this.#state.state === 'error' || !this.#run) this.#start();
    else {
      subscription.arm();
      subscription.tell();
    }
  }

  refresh(): void {
    this.#pollAsked = true;
    this.#waits.wake();
  }

  /** Runs unless a refresh began less than a minute ago; resolves once the one running settles. */
  refreshResults(): Promise<void> {
    const now = this.env.now();
    if (
      this.#state.state === 'completed' &&
      !this.#refreshing &&
      now >= this.#refreshedAt + RESULTS_REFRESH_INTERVAL
    ) {
      this.#refreshedAt = now;
      const done = () => (this.#refreshing = undefined);
      this.#refreshing = this.#refreshResults().then(done, done);
    }
    return this.#refreshing ?? Promise.resolve();
  }

  async cancel(subscription: Subscription, reason: string): Promise<void> {
    const run = this.#run;
    if (!run || this.#state.state !== 'pending') return;
    if (!this.#requests.canCancel) {
      subscription.cancelHere();
      this.stopIfUnwatched();
      return;
    }
    this.#dispatch({ type: 'cancelling' });
    try {
      await this.#requests.cancel(this.#timeout(), run.signal, reason);
      if (!run.signal.aborted) this.#waits.wake();
    } catch (thrown) {
      if (run.signal.aborted) {
        // Stopped mid-cancel (every element left): the cancel may never have arrived, so the task
        // shows its own phase again and Cancel can be pressed again.
        if (this.#state.cancelling) this.#dispatch({ type: 'cancel-failed', error: undefined });
        return;
      }
      const error = { ...toTaskError(ownFailure(thrown)), code: 'cancel-failed' };
      this.#subscribers.failedOnce(error);
      this.#dispatch({ type: 'cancel-failed', error });
    }
  }

  /** Stops once no subscriber follows any more (all gone, given up or cancelled here). */
  stopIfUnwatched(): void {
    if (this.#subscribers.active().length === 0) this.#stop();
  }

  // The run

  #start(): void {
    this.#stop();
    if (!this.#requests.sendable) {
      this.#dispatch({
        type: 'stopped',
        error: { code: 'invalid-task-id', message: 'The task id is not valid.' },
      });
      return;
    }
    const run = new AbortController();
    this.#run = run;
    run.signal.addEventListener(
      'abort',
      this.env.watch(() => this.#waits.wake()),
    );
    this.#subscribers.arm();
    this.#pendingAnswers = 0;
    this.#waitedForPush = false;
    this.#retries.start();
    this.#dispatch({ type: 'start' });
    this.#openPush();
    void this.#loop(run.signal);
  }

  #stop(): void {
    this.#run?.abort();
    this.#run = undefined;
    this.#push.close();
  }

  /** Subscribes, while a run goes on, as its subscribers now ask (the adapter decides whether there is anything to subscribe to). */
  #openPush(): void {
    if (!this.#run) return;
    const { streamUrl, streamTimeout } = this.#subscribers.options();
    this.#push.open(streamUrl, streamTimeout);
  }

  /** The protocol: pause while nobody would see an answer, ask, wait; until the task ends or the run stops. */
  async #loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.#waits.pauseWhile(() => this.#paused(), signal);
      if (signal.aborted) return;
      const next = await this.#ask(signal);
      if (next === undefined) return;
      // No wait before the results of a completed status, nor before asking again with a new token,
      // nor while news pushed meanwhile waits to be taken in.
      if (next.ms > 0 && !this.#push.hasNews) await this.#waits.wait(next.kind, next.ms, signal);
    }
  }

  /** No request while the page is hidden (unless a subscriber polls when hidden or notifies) or offline. */
  #paused(): boolean {
    const { pollWhenHidden, notify } = this.#subscribers.options();
    return (!pollWhenHidden && !notify && this.env.hidden()) || !this.env.online();
  }

  /**
   * One answer: the results once they are due, else the status, as pushed or by a poll; or, while
   * the subscription is trusted, no request: a wait for its news. What to wait for before the next.
   */
  async #ask(signal: AbortSignal): Promise<Next> {
    const options = this.#subscribers.options();
    const ms = requestTimeout(options);
    const pushed = this.#push.take();
    if (!pushed && !this.#state.resultsRequested && !this.#pollAsked) {
      const { state } = this.#push;
      if (state === 'live') return { kind: 'stream', ms: Infinity };
      // A subscription just opened usually tells the status at once: it gets a poll interval for that.
      if (state === 'connecting' && !this.#waitedForPush) {
        this.#waitedForPush = true;
        return { kind: 'stream', ms: bounds(options).first };
      }
    }
    this.#pollAsked = false;
    try {
      this.#requests.refreshTokenAhead(options.tokenProviders, ms, signal);
      if (this.#state.resultsRequested) {
        const images = await this.#requests.results(ms, signal);
        if (signal.aborted) return undefined;
        this.#succeeded();
        this.#dispatch({ type: 'results', images });
        return undefined;
      }
      const sentAt = this.env.now();
      const report = pushed ?? (await this.#requests.status(ms, signal));
      if (signal.aborted) return undefined;
      this.#succeeded();
      const delay = await this.#answered(report, sentAt, options, signal);
      return delay === undefined ? undefined : { kind: 'poll', ms: delay };
    } catch (thrown) {
      if (signal.aborted) return undefined;
      const error = ownFailure(thrown);
      if (await this.#retries.refreshedToken(error, options.tokenProviders, ms, signal))
        return { kind: 'retry', ms: 0 };
      if (signal.aborted) return undefined;
      const delay = this.#failed(error, options);
      return delay === undefined ? undefined : { kind: 'retry', ms: delay };
    }
  }

  /**
   * Takes in a status answer to a request sent at `sentAt`: tells it, and says how long to wait
   * before the next status poll (0: ask for the results now), or undefined once the task ended.
   */
  async #answered(
    report: TaskSnapshot,
    sentAt: number,
    options: RunOptions,
    signal: AbortSignal,
  ): Promise<number | undefined> {
    const wait = readWait(report);
    // The bar never goes back: a progress lower than before is held at the highest.
    if (wait.progress !== undefined) wait.progress = Math.max(wait.progress, this.#state.progress ?? 0);
    const elapsed = this.#age.answered(report, wait, sentAt, options);
    if (report.state === 'completed' && !report.images) {
      this.#dispatch({ type: 'results-due', status: report.status });
      return 0;
    }
    // While queued there is no estimate: the time a task waits in a queue is not its duration.
    const estimate = elapsed === undefined ? undefined : estimateFor(options, this.env.durations);
    const end =
      elapsed === undefined
        ? undefined
        : (wait.progress !== undefined && this.#age.progressEnd(wait.progress)) ||
          (estimate && { from: this.env.now() - elapsed, ...estimate });
    this.#dispatch({ type: 'status', report, wait, estimate: end });
    if (ENDED_STATES.includes(report.state)) return undefined;
    if (options.showEvents) await this.#readEvents(signal);
    // Asking while hidden without poll-when-hidden: for `notify`, at its slower pace.
    const schedule =
      this.env.hidden() && !options.pollWhenHidden
        ? hiddenSchedule(estimate)
        : estimate && hazardSchedule(estimate);
    return pollDelay(options, ++this.#pendingAnswers, this.env.random, schedule, elapsed);
  }

  /** How long a request may take, as the most eager subscriber's pacing says. */
  #timeout(): number {
    return requestTimeout(this.#subscribers.options());
  }

  #succeeded(): void {
    this.#retries.succeeded();
    this.#subscribers.succeeded();
  }

  /** Tells subscribers of a failed request; the wait before the retry, or undefined if nobody follows. */
  #failed(error: TaskApiError, pacing: Pacing): number | undefined {
    const fatal = isFatal(error);
    const taskError = toTaskError(error);
    this.#subscribers.failed(taskError, fatal);
    if (fatal) {
      this.#dispatch({ type: 'stopped', error: taskError });
      return undefined;
    }
    if (this.#subscribers.active().length === 0) {
      this.#stop();
      this.#dispatch({ type: 'retry', retry: undefined });
      return undefined;
    }
    const delay = this.#retries.backoff(pacing, error);
    this.#dispatch({ type: 'retry', retry: { at: this.env.now() + delay, code: error.code } });
    return delay;
  }

  async #readEvents(signal: AbortSignal): Promise<void> {
    const events = await this.#requests.events(this.#timeout(), signal, this.#state.events.length);
    if (!signal.aborted && events.length) this.#dispatch({ type: 'events', events });
  }

  /** From the results request, or from the status when it carries them; a failure leaves them as they were. */
  async #refreshResults(): Promise<void> {
    const run = (this.#run = new AbortController());
    const ms = this.#timeout();
    const request = this.#state.resultsRequested
      ? this.#requests.results(ms, run.signal)
      : this.#requests.status(ms, run.signal).then((report) => report.images);
    const images = await request.finally(() => {
      if (this.#run === run) this.#run = undefined;
    });
    if (images && !run.signal.aborted) this.#dispatch({ type: 'results', images });
  }

  /** The one place the state changes: every subscriber is told, and a task that ended stops. */
  #dispatch(action: Action): void {
    const wasPending = this.#state.state === 'pending';
    this.#state = settled(reduce(this.#state, action));
    this.#shared = this.#published();
    if (wasPending && this.#state.state !== 'pending') {
      this.#stop();
      this.#subscribers.disarm();
    }
    this.#subscribers.tell();
  }

  #published(): SharedSnapshot {
    const { apiPhase, resultsRequested, cancelling, ...shared } = this.#state;
    const phase = cancelling ? 'cancelling' : resultsRequested ? 'fetching-results' : apiPhase;
    return phase === undefined ? shared : { ...shared, phase };
  }
}
