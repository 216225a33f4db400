// A scriptable mock of the two task APIs the element speaks (docs/behaviour.md, Providers), and of a
// diffusion server's job route that the demo follows through an adapter of its own, as plain Node request
// middleware. The browser tests serve it from its own origin, so CORS is exercised for real; the demo
// mounts it as dev-server middleware. Written as JavaScript with JSDoc types so that Node, Vite and
// the test runner's config can all load it without a build step.

/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./types.js').MockResponse} MockResponse */
/** @typedef {import('./types.js').MockStep} MockStep */
/** @typedef {import('./types.js').LoggedRequest} LoggedRequest */
/** @typedef {import('./types.js').StreamConnection} StreamConnection */

/**
 * @typedef {object} RouteCursor
 * @property {number} index
 * @property {number} served
 * @property {number} startedAt
 */

/**
 * @typedef {object} MockTask
 * @property {string} id
 * @property {Scenario} scenario
 * @property {Set<string>} tokens
 * @property {number} createdAt
 * @property {number} tokenUses
 * @property {boolean} cancelled
 * @property {number} cancelPollsLeft status polls still to answer as running after the cancel
 * @property {Map<string, RouteCursor>} cursors
 * @property {LoggedRequest[]} log
 * @property {LiveEvent[]} liveEvents what its live streams have told, in order: event `n` has id `n`
 * @property {boolean} liveEnded a terminal status is among them
 */

/** @typedef {{ event?: string, data: string }} LiveEvent */

/**
 * How another server relays a task over its own route (the demo's): the connection it answers
 * with, and its keep-alive comments.
 * @typedef {{ connection: StreamConnection, keepAliveMs?: number }} Relay
 */

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

import { readFile } from 'node:fs/promises';
import { text as readText } from 'node:stream/consumers';
import { diffusionJob, mindproxyTask } from './bodies.js';
import { quickTask } from './scenarios.js';

export const CONTROL_PREFIX = '/__mock';

/** A live stream looks at its task this often (and at the exact end of a timed step). */
const LIVE_CHECK_MS = 25;

let nextId = 1;
const randomPart = () => Math.random().toString(36).slice(2, 10);

/** Creates an independent mock API with its own task store. */
export function createTaskApi() {
  /** @type {Map<string, MockTask>} */
  const tasks = new Map();
  /** @type {{ authorization: string | null }[]} */
  const generateLog = [];
  /** The event streams open now, which `POST /__mock/streams/drop` ends. @type {Set<Res>} */
  const openStreams = new Set();
  /** Until then, new stream connections are refused with 503 (a server restarting). */
  let refuseStreamsUntil = 0;
  /**
   * Media held back (`?hold=` a name the test picks) until `POST /__mock/holds/<name>` releases
   * them: a test that measures what is shown before the media arrive decides when they arrive.
   * @type {Map<string, { released: Promise<void>, release: () => void }>}
   */
  const holds = new Map();
  /** @param {string} name */
  function hold(name) {
    let entry = holds.get(name);
    if (!entry) {
      /** @type {() => void} */
      let release = () => {};
      const released = new Promise((resolve) => (release = () => resolve(undefined)));
      entry = { released, release };
      holds.set(name, entry);
    }
    return entry;
  }

  /**
   * Registers a task and returns what a server would hand the page.
   * @param {Scenario} scenario
   */
  function createTask(scenario) {
    const id = scenario.taskId ?? `tsk_${nextId++}${randomPart()}`;
    const token = scenario.token === undefined ? `pat_${randomPart()}${randomPart()}` : scenario.token;
    tasks.set(id, {
      id,
      scenario,
      tokens: new Set(token ? [token] : []),
      createdAt: Date.now(),
      tokenUses: 0,
      cancelled: false,
      cancelPollsLeft: 0,
      cursors: new Map(),
      log: [],
      liveEvents: [],
      liveEnded: false,
    });
    return { taskId: id, publicAccessToken: token };
  }

  /**
   * Issues a new token for a task; with `revoke`, the old ones stop working.
   * @param {string} id
   * @param {boolean} revoke
   */
  function mintToken(id, revoke) {
    const task = tasks.get(id);
    if (!task) return null;
    const token = `pat_${randomPart()}${randomPart()}`;
    if (revoke) task.tokens.clear();
    task.tokens.add(token);
    task.tokenUses = 0;
    task.scenario = { ...task.scenario, tokenUses: undefined };
    return token;
  }

  /**
   * Handles a request if it belongs to the mock; resolves `false` when it does not.
   * @param {Req} req
   * @param {Res} res
   * @returns {Promise<boolean>}
   */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://mock.invalid');
    const route = matchRoute(req.method ?? 'GET', url.pathname);
    if (!route) return false;

    // `?no-cors`: a host that does not let the page read its answers (an image still shows).
    if (!url.searchParams.has('no-cors')) setCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return true;
    }
    if (route.kind === 'control') {
      await handleControl(req, res, route.parts);
      return true;
    }
    if (route.kind === 'release') {
      hold(route.name).release();
      res.writeHead(204).end();
      return true;
    }
    if (route.kind === 'image' || route.kind === 'video') {
      // The media of a task (`?task=` its id) is logged with its requests, to see what was sent.
      const task = tasks.get(url.searchParams.get('task') ?? '');
      if (task) log(task, req, url).cookie = req.headers.cookie ?? null;
      const held = url.searchParams.get('hold');
      if (held) await hold(held).released;
      if (route.kind === 'image') await serveImage(res, route.parts[0], url.searchParams);
      else await serveVideo(res);
      return true;
    }
    if (route.kind === 'generate') {
      await generate(req, res);
      return true;
    }
    if (route.kind === 'drop') {
      const dropped = dropStreams(Number(url.searchParams.get('refuseMs') ?? 0));
      await send(res, { json: { dropped } });
      return true;
    }
    await answerTask(req, res, url, route);
    return true;
  }

  /**
   * A request to a task's route, logged with the task; `relay` answers a stream request as
   * another server's route does.
   * @param {Req} req
   * @param {Res} res
   * @param {URL} url
   * @param {TaskRoute & { taskId: string }} route
   * @param {Relay} [relay]
   */
  async function answerTask(req, res, url, route, relay) {
    const task = tasks.get(route.taskId);
    const entry = log(task, req, url);
    if (req.method === 'POST') {
      entry.contentType = req.headers['content-type'] ?? null;
      entry.cookie = req.headers.cookie ?? null;
      entry.body = await readText(req);
    }
    if (route.name === 'stream') {
      const lastEventId = req.headers['last-event-id'];
      entry.lastEventId = typeof lastEventId === 'string' ? lastEventId : null;
      entry.accept = req.headers.accept ?? null;
    }
    res.on('close', () => {
      if (!res.writableFinished) entry.aborted = true;
    });

    if (route.name === 'stream' && Date.now() < refuseStreamsUntil) {
      return send(res, { status: 503, json: { error: 'restarting' } });
    }
    if (!task || !isProviderRoute(task, route)) {
      return send(res, { status: 404, json: { error: 'not found' } });
    }
    if (!authorized(task, req.headers.authorization)) {
      return send(res, { status: 401, json: { error: 'unauthorized' } });
    }
    if (route.name === 'events') return send(res, eventsPage(task, url.searchParams));
    if (route.name === 'cancel' && !task.scenario.cancel) {
      acceptCancel(task);
      return send(res, { json: { task_id: task.id, status: 6 } });
    }
    if (route.name === 'stream') {
      const connection = relay?.connection ?? nextStep(task, 'stream');
      if (!connection) return send(res, { status: 404, json: { error: 'not found' } });
      return serveStream(task, req, res, connection, relay?.keepAliveMs ?? task.scenario.streamKeepAliveMs);
    }
    const step = route.name === 'status' ? statusAnswer(task, true) : nextStep(task, route.name);
    if (!step) return send(res, { status: 404, json: { error: 'not found' } });
    if (route.name === 'cancel' && (step.status ?? 200) < 300) acceptCancel(task);
    return send(res, step);
  }

  /**
   * What the status route answers now. `consume`: as a request to it, which moves it on; otherwise
   * as a look that uses up no step held for a number of requests (a live stream watching it).
   * @param {MockTask} task
   * @param {boolean} consume
   * @returns {MockStep | undefined}
   */
  function statusAnswer(task, consume) {
    const { diffusion } = task.scenario;
    if (diffusion) return { json: diffusionJob(diffusion, Date.now() - task.createdAt) };
    if (task.cancelled) {
      if (task.cancelPollsLeft === 0) return { json: mindproxyTask(task.id, { status: 6 }) };
      if (consume) task.cancelPollsLeft--;
    }
    return nextStep(task, 'status', consume);
  }

  /**
   * Answers a stream connection: an ordinary answer, or an event stream of its frames, then of the
   * task as it runs (`live`), left open until the client goes or the streams are dropped.
   * @param {MockTask} task
   * @param {Req} req
   * @param {Res} res
   * @param {StreamConnection} connection
   * @param {number | undefined} keepAliveMs
   */
  async function serveStream(task, req, res, connection, keepAliveMs) {
    const { frames = [], live, pollMs, ...response } = connection;
    const status = response.status ?? 200;
    if (response.body !== undefined || response.json !== undefined || status < 200 || status >= 300) {
      return send(res, response);
    }
    if (response.delay) await sleep(response.delay);
    if (res.destroyed) return;
    res.writeHead(status, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
      ...response.headers,
    });
    res.flushHeaders();
    const stream = openStream(res, keepAliveMs);
    for (const frame of frames) {
      if (frame.delay) await stream.pause(frame.delay);
      if (!stream.open) return;
      if (frame.close) return void res.end();
      if (frame.raw !== undefined) stream.write(frame.raw);
      else if (frame.json !== undefined || frame.id !== undefined || frame.event !== undefined)
        stream.write(
          eventText({ ...frame, data: frame.json === undefined ? '' : JSON.stringify(frame.json) }),
        );
    }
    if (live) await followLive(task, stream, lastEventIdOf(req), pollMs);
  }

  /**
   * An event stream being written: open until the client goes, the answer ends or the streams are
   * dropped, with a `:` comment every `keepAliveMs` meanwhile.
   * @param {Res} res
   * @param {number | undefined} keepAliveMs
   */
  function openStream(res, keepAliveMs) {
    let open = true;
    /** @param {string} text */
    const write = (text) => {
      if (open && !res.writableEnded) res.write(text);
    };
    const keepAlive = keepAliveMs ? setInterval(() => write(': keep-alive\n\n'), keepAliveMs) : undefined;
    openStreams.add(res);
    res.once('close', () => {
      open = false;
      clearInterval(keepAlive);
      openStreams.delete(res);
    });
    return {
      get open() {
        return open && !res.writableEnded;
      },
      write,
      /**
       * Waits `ms`, or less when the stream closes meanwhile.
       * @param {number} ms
       * @returns {Promise<void>}
       */
      pause: (ms) =>
        new Promise((resolve) => {
          const done = () => {
            clearTimeout(timer);
            res.off('close', done);
            resolve();
          };
          const timer = setTimeout(done, ms);
          res.once('close', done);
        }),
    };
  }

  /**
   * Sends the task's status as it changes, from the event after `after` on, until it is terminal.
   * @param {MockTask} task
   * @param {ReturnType<typeof openStream>} stream
   * @param {number} after the id of the last event the client saw
   * @param {number | undefined} pollMs
   */
  async function followLive(task, stream, after, pollMs) {
    let sent = after;
    let nextPoll = Date.now();
    while (stream.open) {
      const poll = pollMs !== undefined && Date.now() >= nextPoll;
      if (poll) nextPoll = Date.now() + pollMs;
      if (!task.liveEnded) recordLive(task, statusAnswer(task, poll));
      for (; sent < task.liveEvents.length; sent++) {
        stream.write(eventText({ id: String(sent + 1), ...task.liveEvents[sent] }));
      }
      if (task.liveEnded) return;
      const untilPoll = pollMs === undefined ? Infinity : nextPoll - Date.now();
      await stream.pause(Math.max(0, Math.min(LIVE_CHECK_MS, untilTimedStepEnds(task), untilPoll)));
    }
  }

  /**
   * Adds a status answer to the task's live events when its body is new (an error answer is
   * skipped, as a relay would retry it); a terminal one ends them. A mynth task that completed is
   * told as one event `results`, the results route's answer (completed, with its results), when
   * there is one: a status and its results as two events may reach the page apart.
   * @param {MockTask} task
   * @param {MockStep | undefined} answer
   */
  function recordLive(task, answer) {
    if (!answer || (answer.status ?? 200) >= 300 || answer.json === undefined) return;
    const data = JSON.stringify(answer.json);
    if (data === task.liveEvents.at(-1)?.data) return;
    const provider = task.scenario.provider ?? 'mynth';
    const { status, state } = /** @type {{ status?: unknown, state?: unknown }} */ (answer.json);
    task.liveEnded =
      provider === 'mynth'
        ? status === 'completed' || status === 'failed'
        : provider === 'mindproxy'
          ? typeof status === 'number' && status >= 4
          : state === 'done';
    const results = provider === 'mynth' && status === 'completed' ? nextStep(task, 'results') : undefined;
    if (results && (results.status ?? 200) < 300 && results.json !== undefined) {
      task.liveEvents.push({ event: 'results', data: JSON.stringify(results.json) });
    } else task.liveEvents.push({ data });
  }

  /**
   * Ms until the status route's timed step ends (Infinity when it holds no timed step).
   * @param {MockTask} task
   */
  function untilTimedStepEnds(task) {
    const steps = task.scenario.status ?? [];
    const cursor = task.cursors.get('status');
    const step = cursor && steps[cursor.index];
    if (!cursor || !step || step.forMs === undefined || cursor.index === steps.length - 1) return Infinity;
    return cursor.startedAt + step.forMs - Date.now();
  }

  /**
   * Ends every open stream, as a restarting server's connections close, and refuses new ones for
   * `refuseMs`; returns how many it ended.
   * @param {number} refuseMs
   */
  function dropStreams(refuseMs) {
    refuseStreamsUntil = Date.now() + refuseMs;
    const dropped = openStreams.size;
    for (const res of openStreams) res.end();
    openStreams.clear();
    return dropped;
  }

  /**
   * Adds a request to the log of its task, when there is one.
   * @param {MockTask | undefined} task
   * @param {Req} req
   * @param {URL} url
   */
  function log(task, req, url) {
    /** @type {LoggedRequest} */
    const entry = {
      method: req.method ?? 'GET',
      url: url.pathname + url.search,
      authorization: req.headers.authorization ?? null,
      at: task ? Date.now() - task.createdAt : 0,
      aborted: false,
    };
    task?.log.push(entry);
    return entry;
  }

  /**
   * @param {Req} req
   * @param {Res} res
   * @param {string[]} parts
   */
  async function handleControl(req, res, parts) {
    const [, id, action] = parts;
    if (req.method === 'POST' && parts.length === 1) {
      const scenario = /** @type {Scenario} */ (await readJson(req));
      await send(res, { status: 201, json: createTask(scenario) });
      return;
    }
    const task = id ? tasks.get(id) : undefined;
    if (!task) {
      await send(res, { status: 404, json: { error: 'no such task' } });
    } else if (req.method === 'GET' && action === 'requests') {
      await send(res, { json: task.log });
    } else if (req.method === 'POST' && action === 'token') {
      const { revoke = true } = /** @type {{ revoke?: boolean }} */ ((await readJson(req)) ?? {});
      await send(res, { json: { publicAccessToken: mintToken(task.id, revoke) } });
    } else {
      await send(res, { status: 404, json: { error: 'unknown control route' } });
    }
  }

  /**
   * Mynth's `POST /image/generate`, as a server calls it with its secret key: starts a quick task.
   * @param {Req} req
   * @param {Res} res
   */
  async function generate(req, res) {
    const key = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    generateLog.push({ authorization: req.headers.authorization ?? null });
    if (!key) return send(res, { status: 401, json: { error: 'an API key is required' } });
    const body = /** @type {{ prompt?: unknown }} */ ((await readJson(req)) ?? {});
    if (typeof body.prompt !== 'string' || !body.prompt) {
      return send(res, { status: 400, json: { error: 'prompt is required' } });
    }
    const origin = `http://${req.headers.host}`;
    const { taskId, publicAccessToken } = createTask(quickTask(origin, 300));
    await send(res, { json: { data: { taskId, access: { publicAccessToken } } } });
  }

  /** @param {MockTask} task */
  function acceptCancel(task) {
    task.cancelled = true;
    task.cancelPollsLeft = task.scenario.cancelConfirmedAfter ?? 0;
  }

  /**
   * @param {MockTask} task
   * @param {string | undefined} header
   */
  function authorized(task, header) {
    if (task.scenario.token === null) return true;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
    if (!task.tokens.has(token)) return false;
    const limit = task.scenario.tokenUses;
    if (limit !== undefined && task.tokenUses >= limit) return false;
    task.tokenUses++;
    return true;
  }

  /**
   * Picks the step that answers a route at this moment, moving its cursor past each timed step that
   * has ended (at its exact end, so that a task's timeline does not hang on when it is asked) and
   * each step whose requests came; `count`: as a request, which counts towards its step's `times`.
   * The route's first request (or a live stream's first look) starts the cursor.
   * @param {MockTask} task
   * @param {Exclude<RouteName, 'events'>} name
   * @param {boolean} [count]
   * @returns {MockStep | undefined}
   */
  function nextStep(task, name, count = true) {
    const steps = task.scenario[name];
    if (!steps?.length) return undefined;
    const now = Date.now();
    const cursor = task.cursors.get(name) ?? { index: 0, served: 0, startedAt: now };
    task.cursors.set(name, cursor);
    for (;;) {
      const step = steps[cursor.index];
      if (cursor.index === steps.length - 1) break;
      if (step.forMs !== undefined && now - cursor.startedAt >= step.forMs) cursor.startedAt += step.forMs;
      else if (step.times !== undefined && cursor.served >= step.times) cursor.startedAt = now;
      else break;
      cursor.index++;
      cursor.served = 0;
    }
    if (count) cursor.served++;
    return steps[cursor.index];
  }

  /**
   * @param {MockTask} task
   * @param {URLSearchParams} query
   * @returns {MockResponse}
   */
  function eventsPage(task, query) {
    const limit = Number(query.get('limit') ?? 50);
    const offset = Number(query.get('offset') ?? 0);
    const age = Date.now() - task.createdAt;
    const events = (task.scenario.events ?? [])
      .filter((event) => (event.atMs ?? 0) <= age)
      .map(({ atMs: _, ...event }) => event);
    return { json: { task_events: events.slice(offset, offset + limit) } };
  }

  /**
   * `handle` as connect-style middleware (Vite's dev server): what the mock does not handle, and
   * its errors, go to `next`.
   * @param {Req} req
   * @param {Res} res
   * @param {(error?: unknown) => void} next
   */
  function middleware(req, res, next) {
    handle(req, res).then((handled) => handled || next(), next);
  }

  return {
    middleware,
    /**
     * Answers a stream request on another server's route as `GET /streams/:taskId` would, with
     * `relay`'s connection in place of the task's script.
     * @param {Req} req
     * @param {Res} res
     * @param {string} taskId
     * @param {Relay} relay
     */
    relay: (req, res, taskId, relay) =>
      answerTask(req, res, new URL(req.url ?? '/', 'http://mock.invalid'), { name: 'stream', taskId }, relay),
    createTask,
    mintToken,
    /** @param {string} id */
    requests: (id) => tasks.get(id)?.log ?? [],
    /** The `Authorization` of every `POST /image/generate`. */
    generateRequests: () => generateLog,
  };
}

/** @typedef {'status' | 'results' | 'result' | 'events' | 'cancel' | 'start' | 'stream'} RouteName */
/** @typedef {{ name: RouteName, provider?: 'mynth' | 'mindproxy' | 'diffusion' }} TaskRoute */

/**
 * @param {string} method
 * @param {string} path
 * @returns {{ kind: 'task', name: RouteName, taskId: string, provider?: TaskRoute['provider'] }
 *   | { kind: 'control', parts: string[] } | { kind: 'image', parts: string[] } | { kind: 'video' }
 *   | { kind: 'release', name: string } | { kind: 'generate' } | { kind: 'drop' } | null}
 */
function matchRoute(method, path) {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (path.startsWith(`${CONTROL_PREFIX}/images/`)) return { kind: 'image', parts: segments.slice(2) };
  if (path.startsWith(`${CONTROL_PREFIX}/videos/`)) return { kind: 'video' };
  if (path.startsWith(`${CONTROL_PREFIX}/holds/`) && (method === 'POST' || method === 'OPTIONS'))
    return { kind: 'release', name: segments[2] ?? '' };
  if (path.startsWith(`${CONTROL_PREFIX}/tasks`)) return { kind: 'control', parts: segments.slice(1) };
  if (path === `${CONTROL_PREFIX}/streams/drop` && (method === 'POST' || method === 'OPTIONS'))
    return { kind: 'drop' };
  if (path === '/image/generate' && (method === 'POST' || method === 'OPTIONS')) return { kind: 'generate' };
  const get = method === 'GET' || method === 'OPTIONS';
  const post = method === 'POST' || method === 'OPTIONS';
  const [a, b, c, d] = segments;
  if (segments.length === 2 && a === 'start' && post)
    return { kind: 'task', name: 'start', taskId: b, provider: 'mynth' };
  // Any provider's task: the event stream a relay of the app's would serve.
  if (segments.length === 2 && a === 'streams' && get) return { kind: 'task', name: 'stream', taskId: b };
  if (segments.length === 3 && a === 'tasks' && get && ['status', 'results', 'result'].includes(c))
    return { kind: 'task', name: /** @type {RouteName} */ (c), taskId: b, provider: 'mynth' };
  if (segments.length === 3 && a === 'diffusion' && b === 'jobs' && get)
    return { kind: 'task', name: 'status', taskId: c, provider: 'diffusion' };
  if (a === 'v1' && b === 'tasks' && c) {
    if (segments.length === 3 && get)
      return { kind: 'task', name: 'status', taskId: c, provider: 'mindproxy' };
    if (segments.length === 4 && d === 'events' && get)
      return { kind: 'task', name: 'events', taskId: c, provider: 'mindproxy' };
    if (segments.length === 4 && d === 'cancel' && post)
      return { kind: 'task', name: 'cancel', taskId: c, provider: 'mindproxy' };
  }
  return null;
}

/**
 * A route exists only in its own provider's dialect; a diffusion job has its one route alone.
 * @param {MockTask} task
 * @param {TaskRoute} route
 */
function isProviderRoute(task, { name, provider: dialect }) {
  const provider = task.scenario.provider ?? 'mynth';
  const mynthRoute = name === 'results' || name === 'result';
  const gatewayRoute = name === 'events' || name === 'cancel';
  if (name === 'start' || name === 'stream') return true;
  if (provider === 'diffusion' || dialect === 'diffusion')
    return provider === dialect && task.scenario.diffusion !== undefined;
  return provider === 'mynth' ? !gatewayRoute : !mynthRoute;
}

/**
 * Allows any page to call the mock with a bearer token, and lets it read `Retry-After`.
 * @param {Req} req
 * @param {Res} res
 */
function setCors(req, res) {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  // `Last-Event-ID`: a stream reconnecting says where it left off.
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Last-Event-ID');
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Date');
  res.setHeader('Access-Control-Max-Age', '600');
}

/**
 * @param {Res} res
 * @param {MockResponse} response
 */
async function send(res, response) {
  if (response.delay) await sleep(response.delay);
  if (res.destroyed) return;
  const body = response.body ?? (response.json === undefined ? '' : JSON.stringify(response.json));
  res.writeHead(response.status ?? 200, {
    'Content-Type': response.body === undefined ? 'application/json' : 'text/plain',
    'Cache-Control': 'no-store',
    ...response.headers,
  });
  res.end(body);
}

/**
 * Draws a placeholder image locally: a gradient with the image's number.
 * `?w=&h=` set its size, `?delay=` how long it takes to arrive, `?label=` the text (the file's name
 * by default; empty for none), `?noise=` (0–1) how much noise covers it, as a diffusion preview's;
 * `?expired` answers 410, as an expired signed URL does. A task's media (`?task=`) is logged with
 * its requests.
 * @param {Res} res
 * @param {string | undefined} name
 * @param {URLSearchParams} query
 */
async function serveImage(res, name, query) {
  const width = Number(query.get('w') ?? 512);
  const height = Number(query.get('h') ?? width);
  // A signed URL past its expiry: the image is refused.
  const delay = Number(query.get('delay') ?? 0);
  if (query.has('expired')) return send(res, { status: 410, body: 'This link has expired.', delay });
  const label = query.get('label') ?? (name ?? '').replace(/\.svg$/, '');
  const hue = [...label].reduce((sum, ch) => sum + ch.charCodeAt(0) * 37, 0) % 360;
  const noise = Math.min(1, Math.max(0, Number(query.get('noise') ?? 0) || 0));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="hsl(${hue} 70% 55%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360} 70% 35%)"/>
</linearGradient>${noise ? noiseFilters(noise * (height / 24)) : ''}</defs>
<rect width="100%" height="100%" fill="url(#g)"/>
<text x="50%" y="50%" fill="#fff" font-family="sans-serif" font-size="${Math.round(height / 6)}" text-anchor="middle" dominant-baseline="middle"${noise ? ' filter="url(#b)"' : ''}>${escapeXml(label)}</text>
${noise ? `<rect width="100%" height="100%" filter="url(#n)" opacity="${noise}"/>` : ''}
</svg>`;
  await send(res, {
    body: svg,
    delay,
    headers: { 'Content-Type': 'image/svg+xml' },
  });
}

/**
 * A grey noise to lay over an image, and a blur of `blur` px for what is under it.
 * @param {number} blur
 */
function noiseFilters(blur) {
  return `<filter id="n"><feTurbulence type="fractalNoise" baseFrequency="0.7" numOctaves="2"/><feColorMatrix type="saturate" values="0"/></filter>
<filter id="b"><feGaussianBlur stdDeviation="${blur}"/></filter>`;
}

/**
 * Every mock video is the same few seconds of a moving gradient (recorded once in Chromium, VP9
 * WebM), so a video tile plays as it would with a real result.
 * @param {Res} res
 */
async function serveVideo(res) {
  const body = await readFile(new URL('./clip.webm', import.meta.url));
  res.writeHead(200, { 'Content-Type': 'video/webm', 'Cache-Control': 'no-store' }).end(body);
}

/** @param {string} text */
function escapeXml(text) {
  return text.replace(/[<>&"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * An event's text: its `id:` and `event:` lines when it has them, and one `data:` line.
 * @param {{ id?: string, event?: string, data: string }} event
 */
function eventText({ id, event, data }) {
  return `${id === undefined ? '' : `id: ${id}\n`}${event ? `event: ${event}\n` : ''}data: ${data}\n\n`;
}

/**
 * The `Last-Event-ID` a stream request sent, as a live event id (0 when none).
 * @param {Req} req
 */
function lastEventIdOf(req) {
  const id = Number(req.headers['last-event-id']);
  return Number.isInteger(id) && id > 0 ? id : 0;
}

/** @param {Req} req */
async function readJson(req) {
  // Decoded as a stream of UTF-8, so a character split across chunks stays whole.
  const body = await readText(req);
  return body ? JSON.parse(body) : undefined;
}

/** @param {number} ms */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
