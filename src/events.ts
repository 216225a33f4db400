// The element's DOM events (docs/behaviour.md, Events): typed, bubbling, composed, and never carrying the token.
import type { SucceededImage, TaskError, TaskEventRecord, TaskImage, TaskState } from './types.js';

/** The type of every event the element fires. */
export const taskEventTypes = [
  'task-state-change',
  'task-complete',
  'task-failed',
  'task-error',
  'task-retry',
  'task-cancel',
  'task-image-click',
  'task-event',
  'task-start',
  'task-download',
] as const;

/** The base of every event the element fires. */
export class TaskProgressEvent<T> extends CustomEvent<T> {
  constructor(type: string, detail: T, cancelable = false) {
    super(type, { detail, bubbles: true, composed: true, cancelable });
  }
}

export interface TaskStateChangeDetail {
  taskId: string;
  state: TaskState;
  previousState: TaskState;
  /** The provider's raw status value, when there is one. */
  status: string | number | undefined;
}

/** `state` changed. */
export class TaskStateChangeEvent extends TaskProgressEvent<TaskStateChangeDetail> {
  constructor(detail: TaskStateChangeDetail) {
    super('task-state-change', detail);
  }
}

export interface TaskCompleteDetail {
  taskId: string;
  images: TaskImage[];
  /** URLs of the succeeded images and videos. */
  urls: string[];
}

/** The results are rendered. */
export class TaskCompleteEvent extends TaskProgressEvent<TaskCompleteDetail> {
  constructor(detail: TaskCompleteDetail) {
    super('task-complete', detail);
  }
}

export interface TaskFailedDetail {
  taskId: string;
  state: 'failed' | 'cancelled' | 'expired';
  error: TaskError | null;
}

/** The task ended `failed`, `cancelled` or `expired`. */
export class TaskFailedEvent extends TaskProgressEvent<TaskFailedDetail> {
  constructor(detail: TaskFailedDetail) {
    super('task-failed', detail);
  }
}

export interface TaskErrorDetail {
  taskId: string;
  error: TaskError;
  /** Whether the element will try again by itself. */
  willRetry: boolean;
}

/** A request failed, or the element gave up following the task. */
export class TaskErrorEvent extends TaskProgressEvent<TaskErrorDetail> {
  constructor(detail: TaskErrorDetail) {
    super('task-error', detail);
  }
}

export interface TaskRetryDetail {
  taskId: string;
  state: TaskState;
}

/** Retry was asked for. Cancelable: when prevented, an `error` state is not resumed. */
export class TaskRetryEvent extends TaskProgressEvent<TaskRetryDetail> {
  constructor(detail: TaskRetryDetail) {
    super('task-retry', detail, true);
  }
}

export interface TaskCancelDetail {
  taskId: string;
}

/** Cancel was asked for. Cancelable: when prevented, nothing is cancelled. */
export class TaskCancelEvent extends TaskProgressEvent<TaskCancelDetail> {
  constructor(detail: TaskCancelDetail) {
    super('task-cancel', detail, true);
  }
}

export interface TaskImageClickDetail {
  taskId: string;
  image: TaskImage;
  index: number;
}

/**
 * An image tile was activated. Cancelable: when prevented, the image does not open, neither in a new
 * tab nor in the viewer (`viewer`).
 */
export class TaskImageClickEvent extends TaskProgressEvent<TaskImageClickDetail> {
  constructor(detail: TaskImageClickDetail) {
    super('task-image-click', detail, true);
  }
}

/** A new event of the task's history (mindproxy, `show-events`). */
export class TaskEventEvent extends TaskProgressEvent<TaskEventRecord> {
  constructor(detail: TaskEventRecord) {
    super('task-event', detail);
  }
}

export interface TaskStartDetail {
  taskId: string;
}

/** `start-url` answered with a task, which the element now follows. */
export class TaskStartEvent extends TaskProgressEvent<TaskStartDetail> {
  constructor(detail: TaskStartDetail) {
    super('task-start', detail);
  }
}

export interface TaskDownloadDetail {
  taskId: string;
  image: SucceededImage;
  index: number;
}

/**
 * A Download button was activated (`downloadable`). Cancelable: when prevented, the element saves
 * nothing (the page saves the file its own way).
 */
export class TaskDownloadEvent extends TaskProgressEvent<TaskDownloadDetail> {
  constructor(detail: TaskDownloadDetail) {
    super('task-download', detail, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'task-state-change': TaskStateChangeEvent;
    'task-complete': TaskCompleteEvent;
    'task-failed': TaskFailedEvent;
    'task-error': TaskErrorEvent;
    'task-retry': TaskRetryEvent;
    'task-cancel': TaskCancelEvent;
    'task-image-click': TaskImageClickEvent;
    'task-event': TaskEventEvent;
    'task-start': TaskStartEvent;
    'task-download': TaskDownloadEvent;
  }
}
