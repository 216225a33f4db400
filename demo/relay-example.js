// A relay for `<task-progress stream-url="/api/tasks/{id}/stream">`, fed by the API's webhook, in
// plain Node (docs/guide.md, "Push: results the moment the task ends", quotes it). The element
// opens the stream with the task's public access token; your webhook handler calls
// `taskChanged(taskId)` when it is told a task changed, and every open stream of that task gets
// the task's status at once, or its results once it completed.
import { createServer } from 'node:http';

/** A `:` comment this often keeps proxies and load balancers from closing an idle stream. */
const KEEP_ALIVE_MS = 15_000;

/** Where each event id stands in a task's life (none yet: 0; a status not listed: running). */
const STAGES = { pending: 1, completed: 2, failed: 2, results: 3 };
/** @param {string} id */
const stageOf = (id) => (id ? (STAGES[/** @type {keyof STAGES} */ (id)] ?? 1) : 0);

/**
 * @param {{ apiUrl: string, apiKey: string }} options Mynth's origin and your server's key.
 */
export function createRelay({ apiUrl, apiKey }) {
  /**
   * The open streams of each task, with the id of the last event each one got.
   * @type {Map<string, Map<import('node:http').ServerResponse, string>>}
   */
  const streams = new Map();

  /**
   * The task's status as an event whose id is the status itself; once completed, its results as
   * one event `results` instead (the element then asks for nothing): a status is the whole state,
   * so a stream that has the latest needs nothing older.
   * @param {string} taskId
   * @param {string} authorization
   */
  async function taskEvents(taskId, authorization) {
    /** @param {string} route */
    const get = (route) =>
      fetch(`${apiUrl}/tasks/${encodeURIComponent(taskId)}/${route}`, {
        headers: { Authorization: authorization },
      });
    const response = await get('status');
    if (!response.ok) return { refused: response.status, events: [] };
    const status = /** @type {{ status: string }} */ (await response.json());
    const results = status.status === 'completed' ? await get('results') : undefined;
    const event = results?.ok
      ? { id: 'results', event: 'results', data: JSON.stringify(await results.json()) }
      : { id: status.status, data: JSON.stringify(status) };
    return { refused: 0, events: [event] };
  }

  /**
   * Writes the events that come after the one a stream got last (never an older status, even from
   * answers that arrive out of order); returns the id of its last event.
   * @param {import('node:http').ServerResponse} res
   * @param {string} lastId
   * @param {{ id: string, event?: string, data: string }[]} events
   */
  function send(res, lastId, events) {
    const fresh = events.filter((event) => stageOf(event.id) > stageOf(lastId));
    for (const { id, event, data } of fresh) {
      res.write(`id: ${id}\n${event ? `event: ${event}\n` : ''}data: ${data}\n\n`);
    }
    return fresh.at(-1)?.id ?? lastId;
  }

  /**
   * `GET /api/tasks/:id/stream`: the element's bearer token is checked by asking the API for the
   * task's status with it, which is also the stream's first event.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} segment the task id as the URL has it
   */
  async function openStream(req, res, segment) {
    const taskId = decodeURIComponent(segment);
    const { refused, events } = await taskEvents(taskId, req.headers.authorization ?? '');
    // The API's refusal of the token (or of the task id) is the element's; anything else is ours.
    if (refused) return void res.writeHead([401, 403, 404].includes(refused) ? refused : 502).end();
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      // nginx passes the stream on as it is written, not once its buffer is full.
      'X-Accel-Buffering': 'no',
    });
    const lastEventId = req.headers['last-event-id'];
    const open = streams.get(taskId) ?? new Map();
    streams.set(taskId, open);
    open.set(res, send(res, typeof lastEventId === 'string' ? lastEventId : '', events));
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    res.on('close', () => {
      clearInterval(keepAlive);
      open.delete(res);
      if (!open.size) streams.delete(taskId);
    });
  }

  return {
    /** @type {import('node:http').RequestListener} */
    handle(req, res) {
      const match = req.url?.match(/^\/api\/tasks\/([^/?]+)\/stream$/);
      if (req.method !== 'GET' || !match) return void res.writeHead(404).end();
      openStream(req, res, match[1]).catch(() => res.writeHead(502).end());
    },

    /**
     * Call from your webhook handler when it is told a task changed.
     * @param {string} taskId
     */
    async taskChanged(taskId) {
      const open = streams.get(taskId);
      if (!open) return;
      const { events } = await taskEvents(taskId, `Bearer ${apiKey}`);
      for (const [res, lastId] of open) open.set(res, send(res, lastId, events));
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const relay = createRelay({
    apiUrl: process.env.MYNTH_API_URL ?? 'https://api.mynth.io',
    apiKey: process.env.MYNTH_API_KEY ?? '',
  });
  createServer(relay.handle).listen(Number(process.env.PORT ?? 8080));
}
