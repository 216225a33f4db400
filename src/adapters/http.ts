// The one way the built-in adapters call an API: bearer token in a header, JSON validated by a
// zod schema, every failure turned into a `TaskApiError`.
import { TaskApiError, httpError, ownFailure } from '../errors.js';
import type { AdapterContext, TaskAdapter } from '../types.js';
import { type Schema, validate } from './schema.js';

/**
 * A built-in adapter as it ships: it throws only `TaskApiError`s, so anything else it throws is a
 * failure of the element's own code (`internal`), not a network error to retry.
 */
export function builtInAdapter(adapter: TaskAdapter): TaskAdapter {
  const wrapped: Record<string, unknown> = { ...adapter };
  for (const [name, method] of Object.entries(adapter)) {
    // A subscription tells its failures through `ctx.fail`.
    if (typeof method !== 'function' || name === 'subscribe') continue;
    wrapped[name] = async (ctx: AdapterContext, ...rest: unknown[]) => {
      try {
        return await (method as (...args: unknown[]) => unknown).call(adapter, ctx, ...rest);
      } catch (thrown) {
        throw ctx.signal.aborted ? thrown : ownFailure(thrown);
      }
    };
  }
  return wrapped as unknown as TaskAdapter;
}

/** Joins the base URL and a path of already-encoded segments. */
export function apiUrl(ctx: AdapterContext, path: string): string {
  return `${ctx.baseUrl}${path}`;
}

/** Sends a request with the bearer token; resolves the response when its status is a success. */
export async function request(
  url: string,
  ctx: AdapterContext,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  if (ctx.token) headers.Authorization = `Bearer ${ctx.token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      // No body: `JSON.stringify(undefined)` is undefined.
      body: JSON.stringify(init.body),
      cache: 'no-store',
      signal: ctx.signal,
    });
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    throw new TaskApiError('network', 'The server could not be reached.');
  }
  // The browser drops the token when it follows a redirect to another origin: an answer from there
  // does not speak for this task.
  if (response.redirected && new URL(response.url).origin !== new URL(url, response.url).origin) {
    throw new TaskApiError('invalid-response', 'The server redirected the request to another origin.');
  }
  if (!response.ok) {
    await release(response);
    throw httpError(response);
  }
  return response;
}

/**
 * Reads and drops a body the element has no use for (a cancel's answer, an error page), so that
 * its request ends now rather than when the run is aborted.
 */
export async function release(response: Response): Promise<void> {
  await response.arrayBuffer().catch(() => {});
}

/** Fetches `url` and returns its body parsed by `schema`. */
export async function requestJson<T>(url: string, ctx: AdapterContext, schema: Schema<T>): Promise<T> {
  return readJson(await request(url, ctx), ctx, schema);
}

/** Reads a response's body as JSON parsed by `schema`. */
export async function readJson<T>(
  response: Response,
  ctx: Pick<AdapterContext, 'signal'>,
  schema: Schema<T>,
): Promise<T> {
  const body: unknown = await response.json().catch((error: unknown) => {
    throw ctx.signal.aborted
      ? error
      : new TaskApiError('invalid-response', 'The response is not JSON.', { httpStatus: response.status });
  });
  return parseBody(schema, body, response.status);
}

/** Validates a body already read; a mismatch is an `invalid-response` error. */
export function parseBody<T>(schema: Schema<T>, body: unknown, httpStatus?: number): T {
  const result = validate(schema, body);
  if (result.issues) {
    const { path } = result.issues[0];
    const where = path.length ? ` at ${path.join('.')}` : '';
    throw new TaskApiError('invalid-response', `Unexpected response${where}.`, {
      httpStatus,
    });
  }
  return result.value;
}
