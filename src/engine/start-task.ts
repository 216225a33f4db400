// Starting a task through the page's own endpoint (docs/behaviour.md, "Zero-JS start"): one POST
// of a JSON body, bounded by the request timeout, whose answer must name a task and its token.
// Framework-free: the fetch and the timers come in, so the timeout runs on any clock.
import { TaskApiError } from '../errors.js';
import { bounded } from './bounded.js';
import type { FollowEnvironment } from './environment.js';
import { isSendableTaskId } from './task-calls.js';

export interface StartedTask {
  taskId: string;
  token: string;
}

type Answer = Record<string, unknown> | undefined;

/**
 * Posts `body` to `url` and resolves the task it answers with (`taskId`/`publicAccessToken` or
 * `task_id`/`public_access_token`). An answer that is not a success with both rejects with a
 * `start-failed` error carrying the server's message if it sent one (`{error}`, `{message}` or
 * plain text), else an empty one; a request slower than `ms` with a `network` error ("timed out");
 * one that never reached the server with what `fetcher` threw.
 */
export function startTask(
  timers: Pick<FollowEnvironment, 'setTimeout' | 'clearTimeout'>,
  fetcher: typeof fetch,
  url: string,
  body: unknown,
  ms: number,
  signal: AbortSignal,
): Promise<StartedTask> {
  return bounded(timers, ms, signal, async (bound) => {
    const response = await fetcher(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      // Cookies go only to the page's own origin; the element's token is never sent.
      credentials: 'same-origin',
      signal: bound,
    });
    const text = await response.text();
    let json: Answer;
    try {
      json = JSON.parse(text) as Answer;
    } catch {
      // Not JSON: an HTML error page, a proxy's text.
    }
    const taskId = json?.taskId ?? json?.task_id;
    const token = json?.publicAccessToken ?? json?.public_access_token;
    if (
      response.ok &&
      typeof taskId === 'string' &&
      isSendableTaskId(taskId) &&
      typeof token === 'string' &&
      token
    )
      return { taskId, token };
    const said = json?.error ?? json?.message;
    const plain = response.headers.get('Content-Type')?.startsWith('text/plain');
    const message = typeof said === 'string' ? said : plain ? text : '';
    throw new TaskApiError('start-failed', message.slice(0, 300), { httpStatus: response.status });
  });
}
