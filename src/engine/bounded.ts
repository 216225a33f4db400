// One call the engine waits for (an adapter request, a token provider), bounded in time and by the
// run it belongs to: it settles even when the callee ignores its abort signal.
import { TaskApiError } from '../errors.js';
import type { FollowEnvironment } from './environment.js';

/**
 * Runs `call` with a signal aborted when `signal` is, or after `ms`; a call still running then is
 * abandoned and rejects with a `network` error ("timed out") or the abort reason.
 */
export async function bounded<T>(
  env: FollowEnvironment,
  ms: number,
  signal: AbortSignal,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timeout = new AbortController();
  const timer = env.setTimeout(() => timeout.abort(), ms);
  const both = AbortSignal.any([signal, timeout.signal]);
  try {
    return await Promise.race([call(both), rejectOnAbort(both)]);
  } catch (error) {
    if (timeout.signal.aborted && !signal.aborted) throw new TaskApiError('network', 'Timed out.');
    throw error;
  } finally {
    env.clearTimeout(timer);
  }
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const abort = () =>
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}
