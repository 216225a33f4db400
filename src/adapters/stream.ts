// Push for the built-in dialects: the page's `stream-url`, server-sent events whose `data:` is a
// body in the dialect (docs/behaviour.md, "Push"), read by ../event-stream.ts, a module loaded the
// first time a stream is opened.
import type { ServerEvent } from '../event-stream.js';
import type { SubscribeContext, TaskSnapshot } from '../types.js';
import { request } from './http.js';

type Subscribe = (ctx: SubscribeContext, emit: (snapshot: TaskSnapshot) => void) => Promise<unknown>;

/**
 * A built-in adapter's `subscribe`: none without a `stream-url`; with one, `subscribe`'s, whose
 * failure fails the subscription (polling goes on). Ending it aborts `ctx.signal`, which ends it.
 */
export const streamed =
  (subscribe: Subscribe) =>
  (ctx: SubscribeContext, emit: (snapshot: TaskSnapshot) => void): (() => void) | undefined => {
    if (!ctx.streamUrl) return undefined;
    subscribe(ctx, emit).catch((error: unknown) => ctx.fail(error));
    return () => {};
  };

/**
 * Emits the snapshot `read` makes of each event (none: an event of no concern). Any failure, a
 * body not in the dialect too, fails the subscription.
 */
export const eventStream = (read: (event: ServerEvent) => TaskSnapshot | undefined) =>
  streamed((ctx, emit) =>
    // The module is given `request`, the one way the adapters call an API: imported there, it
    // would be split off from the element's file into a module of its own.
    import('../event-stream.js').then(({ followStream }) => followStream(ctx, request, read, emit)),
  );
