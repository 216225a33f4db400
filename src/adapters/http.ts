// The one way the built-in adapters call an API: bearer token in a header, JSON validated by a
// zod schema, every failure turned into a `TaskApiError`.
import { TaskApiError, httpError } from '../errors.js';
import type { AdapterContext } from '../types.js';
import { type Schema, validate } from './schema.js';

/** Joins the base URL and a path of already-encoded segments. */
export function apiUrl(ctx: AdapterContext, path: string): string {
  return `${ctx.baseUrl}${path}`;
}

/** Sends a request with the bearer token; resolves the response when its status is a success. */
export async function request(
  url: string,
  ctx: AdapterContext,
  init: { method?: string; body?: unknown } = {},
) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (ctx.token) headers.Authorization = `Bearer ${ctx.token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
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
  if (!response.ok) throw httpError(response);
  return response;
}

/** Fetches `url` and returns its body parsed by `schema`. */
export async function requestJson<T>(url: string, ctx: AdapterContext, schema: Schema<T>): Promise<T> {
  return readJson(await request(url, ctx), ctx, schema);
}

/** Reads a response's body as JSON parsed by `schema`. */
export async function readJson<T>(response: Response, ctx: AdapterContext, schema: Schema<T>): Promise<T> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    throw new TaskApiError('invalid-response', 'The response is not JSON.', {
      httpStatus: response.status,
    });
  }
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
