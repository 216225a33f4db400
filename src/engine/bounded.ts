// One call the engine waits for (an adapter request, a token provider), bounded in time and by the
// run it belongs to: it settles even when the callee ignores its abort signal.
import { TaskApiError } from '../errors.js';
import type { FollowEnvironment } from './environment.js';

/**
 * Runs `call` with a signal aborted when `signal` is, or after `ms`; a call still running then is
 * abandoned and rejects with a `network` error ("timed out") or the abort reason.
 */
export async function bounded<T>(
  env: Pick<FollowEnvironment, 'setTimeout' | 'clearTimeout'>,
  ms: number,
  signal: AbortSignal,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  // One controller that the run's signal forwards to, rather than `AbortSignal.any` (Safari 17.4,
  // Firefox 124, Chrome 116: newer than the browsers the element runs in).
  const both = new AbortController();
  const forward = () => both.abort(signal.reason);
  const timer = env.setTimeout(() => both.abort(), ms);
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  try {
    return await Promise.race([call(both.signal), rejectOnAbort(both.signal)]);
  } catch (error) {
    if (both.signal.aborted && !signal.aborted) throw new TaskApiError('network', 'Timed out.');
    throw error;
  } finally {
    signal.removeEventListener('abort', forward);
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
