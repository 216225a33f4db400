// Turning whatever a request or an adapter throws into the element's `TaskError` (docs/behaviour.md, Errors).
import type { TaskError, TaskErrorCode } from './types.js';

/** An error an adapter throws; the built-in adapters throw only these. */
export class TaskApiError extends Error {
  declare readonly code: TaskErrorCode;
  declare readonly httpStatus?: number;
  /** How long the server asked to wait (`Retry-After`), in ms. */
  declare readonly retryAfterMs?: number;

  constructor(
    code: TaskErrorCode,
    message: string,
    options: { httpStatus?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.code = code;
    this.httpStatus = options.httpStatus;
    this.retryAfterMs = options.retryAfterMs;
    this.name = 'TaskApiError';
  }
}

/** The error code an HTTP status means. */
export function codeForStatus(status: number, hasRetryAfter: boolean): TaskErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 429 || (status === 503 && hasRetryAfter)) return 'rate-limited';
  return 'http';
}

/** Reads `Retry-After` (seconds, or an HTTP date) as ms from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The `TaskApiError` of an answer with HTTP status `status`. */
function statusError(status: number, message: string, retryAfterMs: number | undefined): TaskApiError {
  const code = codeForStatus(status, retryAfterMs !== undefined);
  return new TaskApiError(code, message, { httpStatus: status, retryAfterMs });
}

/** The `TaskApiError` a failed response stands for. */
export function httpError(response: Response): TaskApiError {
  const { status } = response;
  return statusError(status, `HTTP ${status}`, parseRetryAfter(response.headers.get('Retry-After')));
}

/**
 * Classifies what an adapter threw: the built-in errors as they are, errors of custom adapters by
 * the HTTP status they carry (`httpStatus` or `status`), the rest as network errors (a custom
 * adapter's own `fetch` rejects with a plain `TypeError` when the network is down).
 */
export function toTaskApiError(thrown: unknown): TaskApiError {
  if (thrown instanceof TaskApiError) return thrown;
  const error = thrown as
    | {
        message?: unknown;
        httpStatus?: unknown;
        status?: unknown;
        retryAfterMs?: unknown;
      }
    | null
    | undefined;
  const status = typeof error?.httpStatus === 'number' ? error.httpStatus : error?.status;
  const message = typeof error?.message === 'string' && error.message ? error.message : 'Request failed.';
  const retryAfterMs = typeof error?.retryAfterMs === 'number' ? error.retryAfterMs : undefined;
  return typeof status === 'number'
    ? statusError(status, message, retryAfterMs)
    : new TaskApiError('network', message);
}

/**
 * What reached the engine: an adapter's error (a `TaskApiError` once it left the adapter) as it is;
 * anything else is a failure of the element's own code (a bug, a missing browser feature), `internal`.
 */
export function ownFailure(thrown: unknown): TaskApiError {
  if (thrown instanceof TaskApiError) return thrown;
  const message = thrown instanceof Error && thrown.message ? thrown.message : String(thrown);
  return new TaskApiError('internal', message);
}

/** The plain `TaskError` object events and the `error` property carry. */
export function toTaskError({ code, message, httpStatus }: TaskApiError): TaskError {
  return httpStatus === undefined ? { code, message } : { code, message, httpStatus };
}
