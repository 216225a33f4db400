// The demo's "server": what an app's own backend does for <task-progress>. It starts a task with the
// secret key and answers the page only `{ taskId, publicAccessToken }`.
//
// - Mock mode (no key): `POST /api/generate {scenario, prompt}` registers a named scenario on the
//   mock task API; `POST /api/token {taskId}` mints a fresh token for the expiring-token scenario;
//   `GET /api/tasks/:id/stream` relays the task as a live event stream (the element's `stream-url`).
// - Real mode (`mynthApiKey` set): `POST /api/generate {prompt}` calls Mynth's
//   `POST /image/generate` with the key; the key never leaves this module.
// - `GET /api/config` tells the page which mode it is in (nothing secret).

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */
/** @typedef {(error?: unknown) => void} Next */
/** @typedef {ReturnType<typeof import('../mock/task-api.js').createTaskApi>} TaskApi */

import { createScenario, isScenarioName } from '../mock/scenarios.js';
import { readBody, sendJson } from './http.js';

export const DEFAULT_MYNTH_API_URL = 'https://api.mynth.io';
/** Lets Mynth pick the model. */
export const DEFAULT_MYNTH_MODEL = 'auto';

const MAX_BODY_BYTES = 16 * 1024;
const MAX_PROMPT_LENGTH = 2000;
const UPSTREAM_TIMEOUT_MS = 30_000;
/** A `:` comment this often keeps proxies and load balancers from closing an idle stream. */
const STREAM_KEEP_ALIVE_MS = 15_000;
/**
 * The relay asks the mock for the task's status as often as the page would poll it: most scenarios
 * hold a status for a number of polls. A real relay is told by the API's webhook instead.
 */
const RELAY_POLL_MS = 1000;

/**
 * @typedef {object} DemoApiOptions
 * @property {Pick<TaskApi, 'createTask' | 'mintToken' | 'relay'>} api The mock task API (mock mode).
 * @property {string} [mynthApiKey] Secret key; when set, tasks are started on Mynth (real mode).
 * @property {string} [mynthApiUrl] Mynth's origin, `https://api.mynth.io` by default.
 * @property {string} [mynthModel] The model asked for, `auto` by default.
 */

/**
 * @typedef {object} DemoConfig What the page learns from `GET /api/config`.
 * @property {'mock' | 'mynth'} mode
 * @property {string} [baseUrl] Real mode with a custom API origin: where the element follows the task.
 * @property {string} [model] Real mode: the model tasks are started with.
 */

/** An error answered with its HTTP status and message. */
class HttpError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   * @param {Record<string, string>} [headers]
   */
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/**
 * A connect-style handler for `/api/*`; other requests go to `next`.
 * @param {DemoApiOptions} options
 * @returns {(req: Req, res: Res, next: Next) => void}
 */
export function createDemoApi({ api, mynthApiKey, mynthApiUrl, mynthModel }) {
  const key = mynthApiKey?.trim() || undefined;
  const apiUrl = (mynthApiUrl?.trim() || DEFAULT_MYNTH_API_URL).replace(/\/+$/, '');
  const model = mynthModel?.trim() || DEFAULT_MYNTH_MODEL;

  /** @type {DemoConfig} */
  const config = key
    ? { mode: 'mynth', model, ...(mynthApiUrl?.trim() ? { baseUrl: apiUrl } : {}) }
    : { mode: 'mock' };

  /**
   * @param {Req} req
   * @param {Res} res
   */
  async function route(req, res) {
    const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
    if (path === '/api/config') {
      allow(req, 'GET');
      return sendJson(res, 200, config);
    }
    if (path === '/api/generate') {
      allow(req, 'POST');
      const body = await readJson(req);
      return sendJson(res, 200, key ? await generateOnMynth(body) : generateOnMock(req, body));
    }
    if (path === '/api/token') {
      allow(req, 'POST');
      return sendJson(res, 200, mintToken(await readJson(req)));
    }
    const streamed = path.match(/^\/api\/tasks\/([^/]+)\/stream$/);
    if (streamed) {
      allow(req, 'GET');
      if (key) throw new HttpError(404, 'Streams are relayed only for tasks of the mock API.');
      return api.relay(req, res, decodeSegment(streamed[1]), {
        connection: { live: true, pollMs: RELAY_POLL_MS },
        keepAliveMs: STREAM_KEEP_ALIVE_MS,
      });
    }
    throw new HttpError(404, `No route ${path}.`);
  }

  /**
   * @param {Req} req
   * @param {Record<string, unknown>} body
   */
  function generateOnMock(req, body) {
    const name = body.scenario;
    if (typeof name !== 'string' || !isScenarioName(name)) {
      throw new HttpError(400, `Unknown scenario ${JSON.stringify(name)}.`);
    }
    readPrompt(body, false);
    const { taskId, publicAccessToken } = api.createTask(createScenario(name, originOf(req)));
    return { taskId, publicAccessToken };
  }

  /** @param {Record<string, unknown>} body */
  function mintToken(body) {
    if (key) throw new HttpError(404, 'Tokens are refreshed only for tasks of the mock API.');
    const token = typeof body.taskId === 'string' ? api.mintToken(body.taskId, true) : null;
    if (!token) throw new HttpError(404, 'No such task.');
    return { publicAccessToken: token };
  }

  /** @param {Record<string, unknown>} body */
  async function generateOnMynth(body) {
    const prompt = readPrompt(body, true);
    /** @type {Response} */
    let response;
    try {
      response = await fetch(`${apiUrl}/image/generate`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${key}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify({ prompt, model }),
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      });
    } catch (error) {
      throw upstreamError(`could not be reached (${error instanceof Error ? error.message : error})`);
    }
    const text = await response.text().catch(() => '');
    /** @type {unknown} */
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const detail = errorMessageOf(json);
      throw upstreamError(`answered ${response.status}${detail ? `: ${detail}` : ''}`);
    }
    const task = readTask(json);
    if (!task) throw upstreamError('answered without a task id and access token');
    return task;
  }

  /**
   * A 502 for a failed call to Mynth; never repeats the key.
   * @param {string} what
   */
  function upstreamError(what) {
    const message = `The Mynth API ${what}.`.slice(0, 300);
    return new HttpError(502, key ? message.split(key).join('…') : message);
  }

  return (req, res, next) => {
    if (!(req.url ?? '').startsWith('/api/')) return next();
    route(req, res).catch((error) => {
      if (!(error instanceof HttpError)) console.error(error);
      const known = error instanceof HttpError ? error : new HttpError(500, 'The demo server failed.');
      sendJson(res, known.status, { error: known.message }, known.headers);
    });
  };
}

/**
 * `{taskId, publicAccessToken}` from Mynth's answer, flat or wrapped in `{data: …}`.
 * @param {unknown} json
 */
function readTask(json) {
  const body = /** @type {{ data?: unknown } | undefined} */ (json);
  const data = /** @type {{ taskId?: unknown, access?: { publicAccessToken?: unknown } } | undefined} */ (
    body && typeof body === 'object' && body.data && typeof body.data === 'object' ? body.data : body
  );
  const taskId = data?.taskId;
  const publicAccessToken = data?.access?.publicAccessToken;
  if (typeof taskId !== 'string' || !taskId || typeof publicAccessToken !== 'string' || !publicAccessToken)
    return undefined;
  return { taskId, publicAccessToken };
}

/**
 * The message of an error body such as `{error: "…"}`, `{message: "…"}` or `{error: {message}}`.
 * @param {unknown} json
 */
function errorMessageOf(json) {
  if (!json || typeof json !== 'object') return '';
  const body = /** @type {{ error?: unknown, message?: unknown }} */ (json);
  const error = /** @type {{ message?: unknown } | undefined} */ (
    body.error && typeof body.error === 'object' ? body.error : undefined
  );
  const message = typeof body.error === 'string' ? body.error : (error?.message ?? body.message);
  return typeof message === 'string' ? message.slice(0, 200) : '';
}

/**
 * The prompt of a generate request; Mynth needs one, the mock only shows it.
 * @param {Record<string, unknown>} body
 * @param {boolean} required
 */
function readPrompt(body, required) {
  const prompt = typeof body.prompt === 'string' ? body.prompt.trim() : '';
  if (required && !prompt) throw new HttpError(400, 'A prompt is required.');
  if (prompt.length > MAX_PROMPT_LENGTH)
    throw new HttpError(400, `The prompt is longer than ${MAX_PROMPT_LENGTH} characters.`);
  return prompt;
}

/**
 * The page's origin, for the mock's image URLs.
 * @param {Req} req
 */
function originOf(req) {
  const secure = 'encrypted' in req.socket && req.socket.encrypted;
  return `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
}

/**
 * A path segment's text; a malformed escape is the client's error.
 * @param {string} segment
 */
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'The task id is not a valid URL segment.');
  }
}

/**
 * @param {Req} req
 * @param {string} method
 */
function allow(req, method) {
  if (req.method !== method) throw new HttpError(405, 'Method not allowed.', { Allow: method });
}

/**
 * A JSON object body (empty: `{}`).
 * @param {Req} req
 * @returns {Promise<Record<string, unknown>>}
 */
async function readJson(req) {
  const body = await readBody(req, MAX_BODY_BYTES);
  if (!body) throw new HttpError(413, 'The request body is too large.');
  // Decoded once, whole: a character may be split across chunks.
  const text = body.toString('utf8');
  if (!text) return {};
  /** @type {unknown} */
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not JSON.');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new HttpError(400, 'The request body must be a JSON object.');
  return /** @type {Record<string, unknown>} */ (json);
}
