// The app's own proxy for the gateway (mindproxy) dialect: the page's <task-progress base-url>
// points here and only this server holds the gateway key. It forwards exactly the three requests
// the element makes and refuses everything else, so the page can't use the key for anything more.
//
//   GATEWAY_API_KEY=… [GATEWAY_URL=https://gateway.mindproxy.ai] [PORT=8788] node demo/proxy.js
//
// A real app would also check that the signed-in user owns the task before forwarding.
import { createServer } from 'node:http';
import { readBody, sendJson } from './http.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

/**
 * @typedef {object} ProxyOptions
 * @property {string} upstream The gateway's origin, optionally with a path prefix.
 * @property {string} apiKey The gateway key, sent upstream as `Authorization: Bearer …`.
 * @property {string} [allowOrigin] The page origin CORS allows; any by default.
 * @property {number} [timeoutMs] How long an upstream request may take.
 */

/** @typedef {{ taskId: string, suffix: '' | '/events' | '/cancel', method: 'GET' | 'POST' }} Route */

/** Task ids are passed on verbatim, so they may not hold anything a URL would interpret. */
const TASK_ID = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$/;
const ROUTE = /^\/v1\/tasks\/([^/]+)(\/events|\/cancel)?$/;
const MAX_BODY_BYTES = 16 * 1024;

/**
 * A request handler for `node:http` that forwards `GET /v1/tasks/:id`,
 * `GET /v1/tasks/:id/events?limit=&offset=` and `POST /v1/tasks/:id/cancel` to `upstream` with
 * the key, and answers every other request itself (404, or 405 for a wrong method).
 * @param {ProxyOptions} options
 * @returns {(req: Req, res: Res) => Promise<void>}
 */
export function createProxy({ upstream, apiKey, allowOrigin = '*', timeoutMs = 30_000 }) {
  if (!upstream) throw new TypeError('createProxy: `upstream` is required.');
  if (!apiKey) throw new TypeError('createProxy: `apiKey` is required.');
  const base = upstream.replace(/\/+$/, '');

  return async function proxy(req, res) {
    setCors(res, allowOrigin);
    const target = (req.url ?? '/').split('#')[0];
    const queryAt = target.indexOf('?');
    const pathname = queryAt === -1 ? target : target.slice(0, queryAt);
    const route = matchRoute(pathname);
    if (!route) return sendJson(res, 404, { error: 'not found' });
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Max-Age', '600');
      res.writeHead(204).end();
      return;
    }
    if (req.method !== route.method) {
      res.setHeader('Allow', `${route.method}, OPTIONS`);
      return sendJson(res, 405, { error: 'method not allowed' });
    }

    let url = `${base}/v1/tasks/${route.taskId}${route.suffix}`;
    if (route.suffix === '/events') {
      url += eventsQuery(new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1)));
    }
    /** @type {Buffer | undefined} */
    let body;
    if (route.method === 'POST') {
      const read = await readBody(req, MAX_BODY_BYTES);
      if (!read) return sendJson(res, 413, { error: 'request body too large' });
      body = read;
    }

    // The page going away (the element aborts what it no longer needs) ends the upstream call too.
    const pageGone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) pageGone.abort();
    });
    /** @type {Record<string, string>} */
    const headers = { Accept: 'application/json', Authorization: `Bearer ${apiKey}` };
    if (body) headers['Content-Type'] = 'application/json';
    try {
      const answer = await fetch(url, {
        method: route.method,
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.any([pageGone.signal, AbortSignal.timeout(timeoutMs)]),
      });
      const payload = Buffer.from(await answer.arrayBuffer());
      /** @type {Record<string, string>} */
      const passed = {
        'Content-Type': answer.headers.get('Content-Type') ?? 'application/json',
        'Cache-Control': 'no-store',
      };
      const retryAfter = answer.headers.get('Retry-After');
      if (retryAfter) passed['Retry-After'] = retryAfter;
      res.writeHead(answer.status, passed).end(payload);
    } catch (error) {
      if (pageGone.signal.aborted) return;
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      sendJson(res, timedOut ? 504 : 502, { error: timedOut ? 'gateway timeout' : 'bad gateway' });
    }
  };
}

/**
 * @param {string} pathname
 * @returns {Route | null}
 */
function matchRoute(pathname) {
  const match = ROUTE.exec(pathname);
  if (!match || !TASK_ID.test(match[1])) return null;
  const suffix = /** @type {Route['suffix']} */ (match[2] ?? '');
  return { taskId: match[1], suffix, method: suffix === '/cancel' ? 'POST' : 'GET' };
}

/**
 * The paging parameters of the events route, and nothing else the page may have added.
 * @param {URLSearchParams} query
 */
function eventsQuery(query) {
  const kept = new URLSearchParams();
  for (const name of ['limit', 'offset']) {
    const value = query.get(name);
    if (value !== null && /^\d{1,9}$/.test(value)) kept.set(name, value);
  }
  const search = kept.toString();
  return search ? `?${search}` : '';
}

/**
 * @param {Res} res
 * @param {string} allowOrigin
 */
function setCors(res, allowOrigin) {
  res.setHeader('Access-Control-Allow-Origin', allowOrigin);
  if (allowOrigin !== '*') res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  // The element sends a bearer token when it has one; it is accepted and then ignored.
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { GATEWAY_URL = 'https://gateway.mindproxy.ai', GATEWAY_API_KEY, PORT = '8788' } = process.env;
  if (!GATEWAY_API_KEY) {
    console.error('Set GATEWAY_API_KEY to the gateway key (and GATEWAY_URL, PORT if needed).');
    process.exit(1);
  }
  const proxy = createProxy({ upstream: GATEWAY_URL, apiKey: GATEWAY_API_KEY });
  const server = createServer((req, res) => {
    proxy(req, res).catch(() => sendJson(res, 500, { error: 'proxy error' }));
  });
  server.listen(Number(PORT), '127.0.0.1', () => {
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    console.log(`gateway proxy on http://127.0.0.1:${address.port} -> ${GATEWAY_URL}`);
  });
}
