// A scriptable mock of the two task APIs the element speaks (docs/behaviour.md, Providers), and of a
// diffusion server's job route that the demo follows through an adapter of its own, as plain Node request
// middleware. The browser tests serve it from its own origin, so CORS is exercised for real; the demo
// mounts it as dev-server middleware. Written as JavaScript with JSDoc types so that Node, Vite and
// the test runner's config can all load it without a build step.

/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./types.js').MockResponse} MockResponse */
/** @typedef {import('./types.js').MockStep} MockStep */
/** @typedef {import('./types.js').LoggedRequest} LoggedRequest */

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
 */

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

import { readFile } from 'node:fs/promises';
import { text as readText } from 'node:stream/consumers';
import { diffusionJob, mindproxyTask } from './bodies.js';
import { quickTask } from './scenarios.js';

export const CONTROL_PREFIX = '/__mock';

let nextId = 1;
const randomPart = () => Math.random().toString(36).slice(2, 10);

/** Creates an independent mock API with its own task store. */
export function createTaskApi() {
  /** @type {Map<string, MockTask>} */
  const tasks = new Map();
  /** @type {{ authorization: string | null }[]} */
  const generateLog = [];
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

    const task = tasks.get(route.taskId);
    const entry = log(task, req, url);
    if (req.method === 'POST') {
      entry.contentType = req.headers['content-type'] ?? null;
      entry.cookie = req.headers.cookie ?? null;
      entry.body = await readText(req);
    }
    res.on('close', () => {
      if (!res.writableFinished) entry.aborted = true;
    });

    if (!task || !isProviderRoute(task, route)) {
      await send(res, { status: 404, json: { error: 'not found' } });
      return true;
    }
    if (!authorized(task, req.headers.authorization)) {
      await send(res, { status: 401, json: { error: 'unauthorized' } });
      return true;
    }
    if (route.provider === 'diffusion') {
      await send(res, {
        json: diffusionJob(
          /** @type {import('./types.js').DiffusionJob} */ (task.scenario.diffusion),
          entry.at,
        ),
      });
      return true;
    }
    if (route.name === 'events') {
      await send(res, eventsPage(task, url.searchParams));
      return true;
    }
    if (route.name === 'cancel' && !task.scenario.cancel) {
      acceptCancel(task);
      await send(res, { json: { task_id: task.id, status: 6 } });
      return true;
    }
    if (route.name === 'status' && task.cancelled) {
      if (task.cancelPollsLeft === 0) {
        await send(res, { json: mindproxyTask(task.id, { status: 6 }) });
        return true;
      }
      task.cancelPollsLeft--;
    }
    const step = nextStep(task, route.name);
    if (!step) {
      await send(res, { status: 404, json: { error: 'not found' } });
      return true;
    }
    if (route.name === 'cancel' && (step.status ?? 200) < 300) acceptCancel(task);
    await send(res, step);
    return true;
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
   * Picks the step that answers this request and advances the route's cursor.
   * @param {MockTask} task
   * @param {Exclude<RouteName, 'events'>} name
   * @returns {MockStep | undefined}
   */
  function nextStep(task, name) {
    const steps = task.scenario[name];
    if (!steps?.length) return undefined;
    const now = Date.now();
    const cursor = task.cursors.get(name) ?? { index: 0, served: 0, startedAt: now };
    task.cursors.set(name, cursor);
    for (;;) {
      const step = steps[cursor.index];
      const last = cursor.index === steps.length - 1;
      const used =
        (step.times !== undefined && cursor.served >= step.times) ||
        (step.forMs !== undefined && now - cursor.startedAt >= step.forMs);
      if (last || !used) break;
      cursor.index++;
      cursor.served = 0;
      cursor.startedAt = now;
    }
    cursor.served++;
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
    createTask,
    mintToken,
    /** @param {string} id */
    requests: (id) => tasks.get(id)?.log ?? [],
    /** The `Authorization` of every `POST /image/generate`. */
    generateRequests: () => generateLog,
  };
}

/** @typedef {'status' | 'results' | 'result' | 'events' | 'cancel' | 'start'} RouteName */
/** @typedef {{ name: RouteName, provider: 'mynth' | 'mindproxy' | 'diffusion' }} TaskRoute */

/**
 * @param {string} method
 * @param {string} path
 * @returns {{ kind: 'task', name: RouteName, taskId: string, provider: TaskRoute['provider'] }
 *   | { kind: 'control', parts: string[] } | { kind: 'image', parts: string[] } | { kind: 'video' }
 *   | { kind: 'release', name: string } | { kind: 'generate' } | null}
 */
function matchRoute(method, path) {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (path.startsWith(`${CONTROL_PREFIX}/images/`)) return { kind: 'image', parts: segments.slice(2) };
  if (path.startsWith(`${CONTROL_PREFIX}/videos/`)) return { kind: 'video' };
  if (path.startsWith(`${CONTROL_PREFIX}/holds/`) && (method === 'POST' || method === 'OPTIONS'))
    return { kind: 'release', name: segments[2] ?? '' };
  if (path.startsWith(`${CONTROL_PREFIX}/tasks`)) return { kind: 'control', parts: segments.slice(1) };
  if (path === '/image/generate' && (method === 'POST' || method === 'OPTIONS')) return { kind: 'generate' };
  const get = method === 'GET' || method === 'OPTIONS';
  const post = method === 'POST' || method === 'OPTIONS';
  const [a, b, c, d] = segments;
  if (segments.length === 2 && a === 'start' && post)
    return { kind: 'task', name: 'start', taskId: b, provider: 'mynth' };
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
  if (name === 'start') return true;
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
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
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
