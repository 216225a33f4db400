// The built-in dialects' push (docs/behaviour.md, "Push"): the page's `stream-url`, opened with the
// token in a header (never in the URL, so not with `EventSource`) and read as server-sent events.
// A module of its own, loaded beside the element the first time a stream is opened.
import type { request as Request } from './adapters/http.js';
import type { SubscribeContext, TaskSnapshot } from './types.js';

/** One event of the stream: its `event:` name (`message` when none) and its `data:` lines, joined. */
export interface ServerEvent {
  type: string;
  data: string;
}

/**
 * Follows the stream at `ctx.streamUrl`, sent with `request`, until it fails or ends (both throw)
 * or `ctx.signal` aborts: emits the snapshot `read` makes of each event (none: an event of no
 * concern). Of the events that arrive together only the last counts, but a status without results
 * does not replace one with them: a relay that writes a completed status and its results together
 * saves the results request.
 */
export async function followStream(
  ctx: SubscribeContext,
  request: typeof Request,
  read: (event: ServerEvent) => TaskSnapshot | undefined,
  emit: (snapshot: TaskSnapshot) => void,
): Promise<never> {
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (ctx.lastEventId !== undefined) headers['Last-Event-ID'] = ctx.lastEventId;
  const response = await request(ctx.streamUrl ?? '', ctx, { headers });
  if (!response.body || !/^text\/event-stream\b/i.test(response.headers.get('Content-Type') ?? '')) {
    throw new Error('The stream is not text/event-stream.');
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
}

/**
 * Reads `body` until it ends (which throws) or its request is aborted, passing on the events of
 * each chunk as they arrive, with the last event id as of then. Any text, a `:` comment too, is
 * passed on: it shows the stream is alive.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  take: (events: ServerEvent[], lastEventId: string | undefined) => void,
): Promise<never> {
  const reader = body.getReader();
  // It drops a byte order mark at the start, as the format asks, and keeps a character split
  // across chunks for the next.
  const decoder = new TextDecoder();
  const parse = eventParser();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('The stream closed.');
    take(...parse(decoder.decode(value, { stream: true })));
  }
}

/**
 * The format's parsing (HTML, "Server-sent events"), fed text in chunks as it arrives: a line may
 * be split across chunks and end in CR, LF or CRLF (its CR and LF in two chunks too); an event ends
 * at a blank line. Returns the events each chunk completed, and the last event id as of then.
 */
export function eventParser(): (chunk: string) => [ServerEvent[], string | undefined] {
  let rest = '';
  let endedInCR = false;
  let data = '';
  let type = '';
  let id: string | undefined;
  let lastEventId: string | undefined;
  return (chunk) => {
    // A CRLF split across two chunks is one line end, not two.
    const text = endedInCR && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    endedInCR = text.endsWith('\r');
    const lines = (rest + text).split(/\r\n|\r|\n/);
    rest = lines.pop() ?? '';
    const events: ServerEvent[] = [];
    for (const line of lines) {
      if (!line) {
        lastEventId = id;
        if (data) events.push({ type: type || 'message', data: data.slice(0, -1) });
        data = type = '';
        continue;
      }
      const colon = line.indexOf(':');
      if (colon === 0) continue; // a comment
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data += `${value}\n`;
      else if (field === 'event') type = value;
      else if (field === 'id' && !value.includes('\0')) id = value;
    }
    return [events, lastEventId];
  };
}
