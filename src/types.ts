// The element's data model: the states it shows, the results it renders, and the adapter contract
// every task API is spoken through (docs/behaviour.md).

/** What the element shows. `idle` and `error` are the element's own; the rest come from the API. */
export type TaskState = 'idle' | 'pending' | 'completed' | 'failed' | 'cancelled' | 'expired' | 'error';

/** The states an adapter may report. */
export type ApiTaskState = Exclude<TaskState, 'idle' | 'error'>;

/** Why the element cannot follow a task, or why a task ended badly. */
export type TaskErrorCode =
  | 'network'
  | 'http'
  | 'rate-limited'
  | 'unauthorized'
  | 'not-found'
  | 'invalid-response'
  | 'timeout'
  | 'task-failed'
  | 'cancel-failed'
  | 'invalid-task-id'
  | 'start-failed'
  | 'internal';

export interface TaskError {
  code: TaskErrorCode | (string & {});
  message: string;
  httpStatus?: number;
}

export interface SucceededImage {
  status: 'succeeded';
  id: string;
  url: string;
  kind: 'image' | 'video';
  thumbnailUrl?: string;
  width?: number;
  height?: number;
  /** What the result cost, as the API's decimal string (`"0.01250000"`): money is not a float. */
  cost?: string;
  seed?: number | string;
}

export interface FailedImage {
  status: 'failed';
  /** Why this image failed, as the API said it (shown as text). */
  error: string;
  /** `unsafe-url` when the element refused the image's URL. */
  code?: string;
}

/** One result of a task: an image or video, or the reason it failed. */
export type TaskImage = SucceededImage | FailedImage;

/** What an adapter reports about a task at one moment. */
export interface TaskSnapshot {
  state: ApiTaskState;
  /** The API's raw status value. */
  status: string | number;
  /**
   * A finer step while pending, shown through `strings.phases`: `created` or `queued` while the task
   * waits in a queue, `processing` once it runs (then its duration counts from here).
   */
  phase?: string;
  /** Present when the status body already carries the results. */
  images?: TaskImage[];
  /** Why a task ended `failed`, `cancelled` or `expired`. */
  error?: TaskError;
  /** How long the task has existed by the API's own clock, in ms, when the API says. */
  age?: number;
  /** The API's own measure of completion, 0–1; anything else is ignored. */
  progress?: number;
  /** How many tasks are ahead of this one in the API's queue (0: next); anything else is ignored. */
  queuePosition?: number;
  /** Intermediate images while pending (e.g. partly denoised), checked like the results. */
  previews?: TaskImage[];
}

/** One event of a task's history (mindproxy `show-events`). */
export interface TaskEventRecord {
  task_event_id: string;
  event_type: string;
  status: number;
  message: string;
  created_at: string;
}

/** What every adapter call receives. */
export interface AdapterContext {
  taskId: string;
  /** The bearer token, when there is one. Adapters send it in a header, never in a URL. */
  token: string | undefined;
  /** API origin without a trailing slash. */
  baseUrl: string;
  signal: AbortSignal;
}

/**
 * What a subscription receives (`TaskAdapter.subscribe`): the task as every call does, the page's
 * `stream-url`, and how to tell the element that the subscription is alive or has failed.
 */
export interface SubscribeContext extends AdapterContext {
  /** The element's `stream-url`, `{id}` replaced and resolved against the page; none when unset. */
  streamUrl: string | undefined;
  /** The id of the last event an earlier subscription to this task saw, to resume after it. */
  lastEventId: string | undefined;
  /** Shows life without news (a keep-alive), with the id of an event when it had one. */
  alive: (eventId?: string) => void;
  /** The subscription failed: the element polls meanwhile and subscribes again after a backoff. */
  fail: (error: unknown) => void;
}

/**
 * How the element talks to one task API. Methods throw a `TaskApiError` (or any error carrying an
 * HTTP `status`) on failure.
 */
export interface TaskAdapter {
  /** Origin used when the element has no `base-url`. */
  readonly defaultBaseUrl?: string;
  /** When false, following starts without a token (e.g. through the app's own proxy). */
  readonly requiresToken?: boolean;
  getStatus(ctx: AdapterContext): Promise<TaskSnapshot>;
  getResults?(ctx: AdapterContext): Promise<TaskImage[]>;
  cancel?(ctx: AdapterContext, reason: string): Promise<void>;
  /** The events after the first `offset` ones. */
  getEvents?(ctx: AdapterContext, offset: number): Promise<TaskEventRecord[]>;
  /**
   * Push: calls `emit` with a snapshot, as `getStatus` returns it, whenever the API says something;
   * returns what ends the subscription (`ctx.signal` aborts then too), or nothing when this task
   * has nothing to subscribe to. While it shows life (`emit`, `ctx.alive`) the element sends no
   * status polls; silent for `stream-timeout` or failed, it is not trusted until subscribed again.
   */
  subscribe?(ctx: SubscribeContext, emit: (snapshot: TaskSnapshot) => void): (() => void) | undefined;
}
