// The element's DOM events (docs/behaviour.md, Events): typed, bubbling, composed, and never carrying the token.
import type { SucceededImage, TaskError, TaskEventRecord, TaskImage, TaskState } from './types.js';

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

/** `state` changed: `{taskId, state, previousState, status}`. */
export class TaskStateChangeEvent extends TaskProgressEvent<TaskStateChangeDetail> {
  static readonly type = 'task-state-change';
  constructor(detail: TaskStateChangeDetail) {
    super(TaskStateChangeEvent.type, detail);
  }
}

export interface TaskCompleteDetail {
  taskId: string;
  images: TaskImage[];
  /** URLs of the succeeded images and videos. */
  urls: string[];
}

/** The results are rendered: `{taskId, images, urls}`. */
export class TaskCompleteEvent extends TaskProgressEvent<TaskCompleteDetail> {
  static readonly type = 'task-complete';
  constructor(detail: TaskCompleteDetail) {
    super(TaskCompleteEvent.type, detail);
  }
}

export interface TaskFailedDetail {
  taskId: string;
  state: 'failed' | 'cancelled' | 'expired';
  error: TaskError | null;
}

/** The task ended `failed`, `cancelled` or `expired`: `{taskId, state, error}`. */
export class TaskFailedEvent extends TaskProgressEvent<TaskFailedDetail> {
  static readonly type = 'task-failed';
  constructor(detail: TaskFailedDetail) {
    super(TaskFailedEvent.type, detail);
  }
}

export interface TaskErrorDetail {
  taskId: string;
  error: TaskError;
  /** Whether the element will try again by itself. */
  willRetry: boolean;
}

/** A request failed, or following stopped: `{taskId, error, willRetry}`. */
export class TaskErrorEvent extends TaskProgressEvent<TaskErrorDetail> {
  static readonly type = 'task-error';
  constructor(detail: TaskErrorDetail) {
    super(TaskErrorEvent.type, detail);
  }
}

export interface TaskRetryDetail {
  taskId: string;
  state: TaskState;
}

/**
 * Retry was pressed or `retry()` called; cancelable (when prevented, an `error` state is not
 * resumed): `{taskId, state}`.
 */
export class TaskRetryEvent extends TaskProgressEvent<TaskRetryDetail> {
  static readonly type = 'task-retry';
  constructor(detail: TaskRetryDetail) {
    super(TaskRetryEvent.type, detail, true);
  }
}

export interface TaskCancelDetail {
  taskId: string;
}

/** Cancel was pressed or `cancel()` called; cancelable (prevents cancelling): `{taskId}`. */
export class TaskCancelEvent extends TaskProgressEvent<TaskCancelDetail> {
  static readonly type = 'task-cancel';
  constructor(detail: TaskCancelDetail) {
    super(TaskCancelEvent.type, detail, true);
  }
}

export interface TaskImageClickDetail {
  taskId: string;
  image: TaskImage;
  index: number;
}

/**
 * An image tile was activated; cancelable (prevents opening it, in a new tab or in the `viewer`):
 * `{taskId, image, index}`.
 */
export class TaskImageClickEvent extends TaskProgressEvent<TaskImageClickDetail> {
  static readonly type = 'task-image-click';
  constructor(detail: TaskImageClickDetail) {
    super(TaskImageClickEvent.type, detail, true);
  }
}

/** mindproxy with `show-events`: a new task event, as the API sent it. */
export class TaskEventEvent extends TaskProgressEvent<TaskEventRecord> {
  static readonly type = 'task-event';
  constructor(detail: TaskEventRecord) {
    super(TaskEventEvent.type, detail);
  }
}

export interface TaskStartDetail {
  taskId: string;
}

/** `start-url` answered with a task, which the element now follows: `{taskId}`. */
export class TaskStartEvent extends TaskProgressEvent<TaskStartDetail> {
  static readonly type = 'task-start';
  constructor(detail: TaskStartDetail) {
    super(TaskStartEvent.type, detail);
  }
}

export interface TaskDownloadDetail {
  taskId: string;
  image: SucceededImage;
  index: number;
}

/**
 * A Download button was activated (`downloadable`); cancelable (prevents saving the file):
 * `{taskId, image, index}`.
 */
export class TaskDownloadEvent extends TaskProgressEvent<TaskDownloadDetail> {
  static readonly type = 'task-download';
  constructor(detail: TaskDownloadDetail) {
    super(TaskDownloadEvent.type, detail, true);
  }
}

export interface TaskNotifyDetail {
  taskId: string;
  state: 'completed' | 'failed' | 'cancelled' | 'expired' | 'error';
}

/** With `notify`, the task ended while the page was hidden; cancelable (prevents the notice): `{taskId, state}`. */
export class TaskNotifyEvent extends TaskProgressEvent<TaskNotifyDetail> {
  static readonly type = 'task-notify';

  constructor(detail: TaskNotifyDetail) {
    super(TaskNotifyEvent.type, detail, true);
  }
}

/**
 * Every event the element fires, each class naming its type once (`static type`): the event map,
 * `taskEventTypes`, the React wrapper's `on…` props and the manifest's events are read from here.
 */
const taskEventClasses = [
  TaskStateChangeEvent,
  TaskCompleteEvent,
  TaskFailedEvent,
  TaskErrorEvent,
  TaskRetryEvent,
  TaskCancelEvent,
  TaskImageClickEvent,
  TaskEventEvent,
  TaskStartEvent,
  TaskDownloadEvent,
  TaskNotifyEvent,
] as const;

type TaskEventClass = (typeof taskEventClasses)[number];

/** Each event the element fires, by type. */
export type TaskProgressEventMap = { [C in TaskEventClass as C['type']]: InstanceType<C> };

/** The type of every event the element fires. */
export const taskEventTypes: readonly (keyof TaskProgressEventMap)[] = taskEventClasses.map(
  ({ type }) => type,
);

declare global {
  // An interface, so that the element's events merge into the DOM's own map.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends TaskProgressEventMap {}
}
