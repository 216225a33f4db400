// The mock task API's script and log types, apart from its Node code so browser tests can use them.

/** One scripted answer of a route. */
export interface MockResponse {
  /** HTTP status, 200 by default. */
  status?: number;
  /** Body sent as JSON. */
  json?: unknown;
  /** Raw body (for malformed responses); wins over `json`. */
  body?: string;
  /** Extra response headers (e.g. `Retry-After`). */
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering. */
  delay?: number;
}

/**
 * A response held for a number of requests or a span of time (from the end of the step before, or
 * the route's first request); the last step of a route repeats.
 */
export interface MockStep extends MockResponse {
  times?: number;
  forMs?: number;
}

export interface TaskEvent {
  task_event_id: string;
  event_type: string;
  status: number;
  message: string;
  created_at: string;
}

/**
 * A task's script. Routes without steps answer 404, except mindproxy's cancel, which by default
 * accepts and makes later status polls report 6 (CANCELLED).
 */
export interface Scenario {
  /** `diffusion`: a job of `diffusion` at `GET /diffusion/jobs/:id`, with the bearer token. */
  provider?: 'mynth' | 'mindproxy' | 'diffusion';
  /** Fixed id; a fresh one by default. */
  taskId?: string;
  /** Bearer token the task accepts; `null` accepts any request. */
  token?: string | null;
  /** Status route (mynth `/status`, mindproxy `/v1/tasks/:id`). */
  status?: MockStep[];
  /** mynth `/results`. */
  results?: MockStep[];
  /** mynth `/result`. */
  result?: MockStep[];
  /**
   * `POST /start/:taskId`: the task is then a start endpoint (the app's, for the zero-JS start),
   * answering from these steps; create it with `token: null`.
   */
  start?: MockStep[];
  /** mindproxy `POST /cancel`. */
  cancel?: MockStep[];
  /** Status polls after an accepted cancel that still answer from `status`, before 6; 0 by default. */
  cancelConfirmedAfter?: number;
  /** mindproxy events, served by offset and limit; each from `atMs` after the task's creation on. */
  events?: (TaskEvent & { atMs?: number })[];
  /** Requests the first token is good for; then 401 until a new token is minted. */
  tokenUses?: number;
  /** The job a `diffusion` task plays, timed from the task's creation. */
  diffusion?: DiffusionJob;
  /**
   * `GET /streams/:taskId`: each connection takes the next entry (held for `times` connections or
   * `forMs`, as a step; the last repeats).
   */
  stream?: (StreamConnection & Pick<MockStep, 'times' | 'forMs'>)[];
  /** A `:` comment every this many ms on an open stream; none by default. */
  streamKeepAliveMs?: number;
}

/** One piece of a scripted event stream; one with only a `delay` waits. */
export interface StreamFrame {
  /** ms to wait before this frame, counted from the previous frame (or the connection). */
  delay?: number;
  /** An event: optional `id:` and `event:` lines, then `data:` the JSON of `json`. */
  id?: string;
  event?: string;
  json?: unknown;
  /** Text written exactly as given (frames split across writes, CRLF, a BOM, comments, multi-line data). */
  raw?: string;
  /** Ends the answer here: the connection closes (a dropped stream). */
  close?: true;
}

/**
 * One connection to `GET /streams/:taskId`. With `body` or `json`, an ordinary answer (any status);
 * otherwise a 2xx `status` opens a `text/event-stream` (its `Content-Type` can be overridden in
 * `headers`) and anything else answers with an empty body.
 */
export interface StreamConnection extends MockResponse {
  /** What the stream sends; after the last frame it stays open and silent. */
  frames?: StreamFrame[];
  /**
   * After the frames, follow the task as it runs: the status route's answer, each time it changes
   * (timed steps as time passes, steps held for a number of requests once those requests came), as
   * an event whose `id` counts the task's changes from 1; `completed` (mynth) as an event
   * `results` with the results route's answer instead. Then silent. With `Last-Event-ID`, the
   * events after that id only.
   */
  live?: boolean;
  /**
   * With `live`: the stream also asks the status route every this many ms, as a relay polling the
   * API would, which uses up steps held for a number of requests; by default it only watches it.
   */
  pollMs?: number;
}

/** A diffusion-server-like job: a queue, then sampling steps with previews, then its images. */
export interface DiffusionJob {
  /** Jobs ahead of this one when it is submitted; one leaves the queue every `queueStepMs`. */
  ahead: number;
  queueStepMs: number;
  /** How long it runs once out of the queue, through `steps` sampling steps. */
  runMs: number;
  steps: number;
  /** Its images' URLs (each with a query: the previews add `&noise=`). */
  images: string[];
}

export interface LoggedRequest {
  method: string;
  /** Path and query as requested. */
  url: string;
  /** The `Authorization` header, if any. */
  authorization: string | null;
  /** Milliseconds since the task was created. */
  at: number;
  /** The client went away before the answer was sent. */
  aborted: boolean;
  /** A POST (a start, a cancel): its `Content-Type`, `Cookie` and body as sent; a media request's `Cookie`. */
  contentType?: string | null;
  cookie?: string | null;
  body?: string;
  /** A stream request: its `Last-Event-ID` and `Accept` headers. */
  lastEventId?: string | null;
  accept?: string | null;
}
