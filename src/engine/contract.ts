// What goes into the engine and what comes out: the options an element follows a task with, and
// the immutable snapshots of the task it is told.
import type { TaskAdapter, TaskError, TaskEventRecord, TaskImage, TaskState } from '../types.js';

export type TokenProvider = () => Promise<string>;

/** What one element asks of the engine: the task, how to reach it, and its own rules. */
export interface FollowOptions {
  taskId: string;
  adapter: TaskAdapter;
  /** The API origin, without a trailing slash. */
  baseUrl: string;
  token: string | undefined;
  tokenProvider: TokenProvider | undefined;
  /** The first delay between status polls, in ms. */
  pollInterval: number;
  /** The longest delay between polls and between retries, in ms. */
  maxPollInterval: number;
  /** The longest this element follows the task, in ms; 0 or Infinity: no limit. */
  timeout: number;
  /** Failed requests in a row before this element gives up. */
  maxRetries: number;
  pollWhenHidden: boolean;
  /** Follow on while the page is hidden, at a slower pace (`hiddenSchedule`), to give a notice. */
  notify?: boolean;
  showEvents: boolean;
  /** The page's estimate of the task's duration from its creation, in ms. */
  expectedDuration?: number;
  /** The API's name, or `adapter` for a page's own adapter: part of the kind of task (`durationKey`). */
  provider?: string;
  /**
   * With `provider` and `baseUrl`, the kind of task whose durations are learned (the element's
   * `duration-key`); none: nothing is learned.
   */
  durationKey?: string;
  /** Keep the durations of this kind across page loads. */
  rememberDurations?: boolean;
  /** Push (`TaskAdapter.subscribe`): the stream's URL, `{id}` replaced and resolved; none: the adapter's own, if any. */
  streamUrl?: string;
  /** How long a subscription may stay silent before it is not trusted, in ms. */
  streamTimeout?: number;
  /** When following this task began, on the environment's clock: a task followed on after a reload. */
  startedAt?: number;
}

/** The task one follower follows: its id, and the API it is asked through. */
export type FollowedTask = Pick<FollowOptions, 'adapter' | 'baseUrl' | 'taskId' | 'startedAt'>;

/** The options that set the pace of requests. */
export type Pacing = Pick<FollowOptions, 'pollInterval' | 'maxPollInterval'>;

/** A failed request, as reported to subscribers: a new object for each failure. */
export interface RequestFailure {
  readonly error: TaskError;
  /** Whether the engine will try again for this subscriber. */
  readonly willRetry: boolean;
}

/** The retry the engine has scheduled after a failed request. */
export interface RetrySchedule {
  /** When it runs, on the environment's clock (ms since the epoch). */
  readonly at: number;
  /** The error code of the failure it follows (`rate-limited`, `network`, …). */
  readonly code: string;
}

/** When the task is expected to end: `duration` ms after `from`, on the environment's clock. */
export interface EstimatedEnd {
  readonly from: number;
  readonly duration: number;
}

export interface FollowSnapshot {
  readonly state: Exclude<TaskState, 'idle'>;
  /** The API's raw status value, once it answered. */
  readonly status?: string | number;
  /** A finer step while pending (`queued`, `processing`, `fetching-results`, `cancelling`). */
  readonly phase?: string;
  /** The results, once completed. */
  readonly images?: readonly TaskImage[];
  /** Why the task ended badly (`failed`, …) or why following stopped (`error`). */
  readonly error?: TaskError;
  /** Why the last cancel request failed, while the task goes on. */
  readonly cancelError?: TaskError;
  /** The last failed request; a new object per failure. */
  readonly requestFailure?: RequestFailure;
  /** Present while a retry is scheduled. */
  readonly retry?: RetrySchedule;
  /** The task's events so far (mindproxy `show-events`); their count is the paging cursor. */
  readonly events: readonly TaskEventRecord[];
  /**
   * Present while pending and not queued, with an estimate of the task's duration: from the rate
   * of its `progress` once that is known, else from the estimate.
   */
  readonly estimate?: EstimatedEnd;
  /** The API's measure of completion while pending, 0–1: the highest it reported. */
  readonly progress?: number;
  /** Whether the task waits in the API's queue, and how many tasks are ahead of it when known. */
  readonly queued?: boolean;
  readonly queuePosition?: number;
  /** The newest intermediate images while pending. */
  readonly previews?: readonly TaskImage[];
  /** When following began, on the environment's clock. */
  readonly startedAt: number;
}

export type FollowListener = (snapshot: FollowSnapshot) => void;

/** The part of a snapshot every subscriber of a task shares. */
export type SharedSnapshot = Omit<FollowSnapshot, 'requestFailure'>;

/** The states after which nothing more happens to a task. */
export const ENDED_STATES: readonly string[] = ['completed', 'failed', 'cancelled', 'expired'];
