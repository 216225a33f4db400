// Push for the built-in dialects: the page's `stream-url`, server-sent events whose `data:` is a
// body in the dialect (docs/behaviour.md, "Push"), opened with the token in a header (never in the
// URL, so not with `EventSource`) and read by ../event-stream.ts, a module loaded the first time a
// stream is opened.
import { TaskApiError } from '../errors.js';
import type { ServerEvent } from '../event-stream.js';
import type { SubscribeContext, TaskSnapshot } from '../types.js';
import { request } from './http.js';

/**
 * A built-in adapter's `subscribe`: with a `stream-url`, emits the snapshot `read` makes of each
 * event (none: an event of no concern). Of the events that arrive together only the last counts,
 * but a status without results does not replace one with them: a relay that writes a completed
 * status and its results together saves the results request. Any failure, a body not in the
 * dialect too, fails the subscription: polling goes on.
 */
export function eventStream(read: (event: ServerEvent) => TaskSnapshot | undefined) {
  return (ctx: SubscribeContext, emit: (snapshot: TaskSnapshot) => void) => {
    const { streamUrl, lastEventId } = ctx;
    if (!streamUrl) return undefined;
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
    Promise.all([request(streamUrl, ctx, { headers }), import('../event-stream.js')])
      .then(([response, { readEventStream }]) => {
        if (!response.body || !/^text\/event-stream\b/i.test(response.headers.get('Content-Type') ?? '')) {
          throw new TaskApiError('invalid-response', 'The stream is not text/event-stream.');
        }
        ctx.alive();
        return readEventStream(response.body, (events, id) => {
          let last: TaskSnapshot | undefined;
          for (const event of events) {
            const snapshot = read(event);
            if (snapshot && !(last?.images && !snapshot.images)) last = snapshot;
          }
          ctx.alive(id);
          if (last) emit(last);
        });
      })
      .catch(ctx.fail);
    // Ending the subscription aborts `ctx.signal`, which ends the request.
    return () => {};
  };
}
