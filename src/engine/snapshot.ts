// What the engine publishes: an immutable picture of one task as one subscriber sees it.
import type { TaskError, TaskEventRecord, TaskImage, TaskState } from '../types.js';

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
  /** Present while pending with an estimate of the task's duration. */
  readonly estimate?: EstimatedEnd;
  /** When following began, on the environment's clock. */
  readonly startedAt: number;
}

/** The states after which nothing more happens to a task. */
export const ENDED_STATES: readonly string[] = ['completed', 'failed', 'cancelled', 'expired'];
