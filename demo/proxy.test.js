// The gateway proxy against the mock task API: the three routes of the element reach the gateway
// with the key (never the page's token), and nothing else reaches it at all.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { once } from 'node:events';
import { text as readText } from 'node:stream/consumers';
import { mindproxyTask } from '../mock/bodies.js';
import { listen, startMockServer } from '../mock/server.js';
import { createProxy } from './proxy.js';

const KEY = 'gw_secret_key';
const PAGE_TOKEN = 'pat_from_the_page';

/** @typedef {{ status: number, headers: import('node:http').IncomingHttpHeaders, body: string }} Answer */
/** @typedef {{ method: string, url: string, headers: import('node:http').IncomingHttpHeaders, body: string }} Seen */

/**
 * A request sent as written: the path is not normalized, unlike with `fetch`.
 * @param {string} base
 * @param {string} method
 * @param {string} path
 * @param {{ headers?: Record<string, string>, body?: string }} [options]
 * @returns {Promise<Answer>}
 */
function send(base, method, path, { headers = {}, body } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const fromPage = {
  Origin: 'http://app.example',
  Authorization: `Bearer ${PAGE_TOKEN}`,
  Cookie: 'session=page-session',
};

/** @type {Awaited<ReturnType<typeof startMockServer>>} */
let mock;
/** @type {Awaited<ReturnType<typeof listen>>} */
let proxy;
/** @type {Awaited<ReturnType<typeof listen>>} */
let recorder;
/** @type {Awaited<ReturnType<typeof listen>>} */
let recordingProxy;
/** @type {Seen[]} */
const seen = [];

before(async () => {
  mock = await startMockServer();
  const forward = createProxy({ upstream: mock.url, apiKey: KEY });
  proxy = await listen((req, res) => void forward(req, res));
  // An upstream that records every request it gets, body included.
  recorder = await listen(async (req, res) => {
    const body = await readText(req);
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
  });
  const forwardToRecorder = createProxy({ upstream: `${recorder.url}/`, apiKey: KEY });
  recordingProxy = await listen((req, res) => void forwardToRecorder(req, res));
});

after(async () => {
  await Promise.all([proxy.close(), recordingProxy.close(), recorder.close(), mock.close()]);
});

let nextId = 0;
/**
 * A gateway task that only the key may read.
 * @param {Omit<import('../mock/types.js').Scenario, 'provider' | 'taskId' | 'token'>} [scenario]
 */
function gatewayTask(scenario = {}) {
  const taskId = `mp_proxy_${nextId++}`;
  mock.api.createTask({
    provider: 'mindproxy',
    taskId,
    token: KEY,
    status: [{ json: mindproxyTask(taskId, { status: 3 }) }],
    ...scenario,
  });
  return taskId;
}

/** @param {string} taskId */
const logOf = (taskId) => mock.api.requests(taskId);

/** @param {Answer} answer */
function assertCors(answer) {
  assert.equal(answer.headers['access-control-allow-origin'], '*');
  assert.match(String(answer.headers['access-control-expose-headers']), /\bRetry-After\b/i);
}

describe('gateway proxy', () => {
  it('the mock refuses the page token, so only the key gets through', async () => {
    const taskId = gatewayTask();
    const direct = await send(mock.url, 'GET', `/v1/tasks/${taskId}`, { headers: fromPage });
    assert.equal(direct.status, 401);
  });

  it('forwards GET /v1/tasks/:id with the key instead of the page token', async () => {
    const taskId = gatewayTask();
    const answer = await send(proxy.url, 'GET', `/v1/tasks/${taskId}`, { headers: fromPage });
    assert.equal(answer.status, 200);
    assertCors(answer);
    assert.match(String(answer.headers['content-type']), /^application\/json/);
    const body = JSON.parse(answer.body);
    assert.equal(body.task_id, taskId);
    assert.equal(body.status, 3);
    assert.deepEqual(
      logOf(taskId).map(({ method, url, authorization }) => ({ method, url, authorization })),
      [{ method: 'GET', url: `/v1/tasks/${taskId}`, authorization: `Bearer ${KEY}` }],
    );
  });

  it('forwards GET /v1/tasks/:id/events with its paging query', async () => {
    const events = Array.from({ length: 4 }, (_, i) => ({
      task_event_id: `ev_${i}`,
      event_type: 'progress',
      status: 3,
      message: `Step ${i}`,
      created_at: '2025-01-01T00:00:00.000Z',
    }));
    const taskId = gatewayTask({ events });
    const answer = await send(proxy.url, 'GET', `/v1/tasks/${taskId}/events?limit=2&offset=1&debug=1`, {
      headers: fromPage,
    });
    assert.equal(answer.status, 200);
    assertCors(answer);
    assert.deepEqual(JSON.parse(answer.body), { task_events: events.slice(1, 3) });
    const [logged] = logOf(taskId);
    assert.equal(logged.url, `/v1/tasks/${taskId}/events?limit=2&offset=1`);
    assert.equal(logged.authorization, `Bearer ${KEY}`);
  });

  it('forwards POST /v1/tasks/:id/cancel, and the task is cancelled', async () => {
    const taskId = gatewayTask();
    const answer = await send(proxy.url, 'POST', `/v1/tasks/${taskId}/cancel`, {
      headers: { ...fromPage, 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'Cancelled by the user' }),
    });
    assert.equal(answer.status, 200);
    assertCors(answer);
    assert.deepEqual(JSON.parse(answer.body), { task_id: taskId, status: 6 });
    const status = await send(proxy.url, 'GET', `/v1/tasks/${taskId}`, { headers: fromPage });
    assert.equal(JSON.parse(status.body).status, 6);
    assert.deepEqual(
      logOf(taskId).map(({ method, url, authorization }) => ({ method, url, authorization })),
      [
        { method: 'POST', url: `/v1/tasks/${taskId}/cancel`, authorization: `Bearer ${KEY}` },
        { method: 'GET', url: `/v1/tasks/${taskId}`, authorization: `Bearer ${KEY}` },
      ],
    );
  });

  it('sends the cancel body as it came, with the key and none of the page’s credentials', async () => {
    seen.length = 0;
    const body = JSON.stringify({ reason: 'Cancelled by the user: “too slow”' });
    const answer = await send(recordingProxy.url, 'POST', '/v1/tasks/tsk_42/cancel', {
      headers: { ...fromPage, 'Content-Type': 'application/json' },
      body,
    });
    assert.equal(answer.status, 200);
    assert.equal(seen.length, 1);
    const [upstream] = seen;
    assert.equal(upstream.method, 'POST');
    assert.equal(upstream.url, '/v1/tasks/tsk_42/cancel');
    assert.equal(upstream.body, body);
    assert.match(String(upstream.headers['content-type']), /^application\/json/);
    assert.equal(upstream.headers.authorization, `Bearer ${KEY}`);
    assert.equal(upstream.headers.cookie, undefined);
    assert.doesNotMatch(JSON.stringify(upstream.headers), new RegExp(PAGE_TOKEN));
  });

  it('passes the status, body and Retry-After of a refusal back', async () => {
    const taskId = gatewayTask({
      status: [{ status: 429, headers: { 'Retry-After': '7' }, json: { error: 'slow down' } }],
    });
    const answer = await send(proxy.url, 'GET', `/v1/tasks/${taskId}`, { headers: fromPage });
    assert.equal(answer.status, 429);
    assert.equal(answer.headers['retry-after'], '7');
    assert.deepEqual(JSON.parse(answer.body), { error: 'slow down' });
    assertCors(answer);

    const broken = gatewayTask({ status: [{ status: 500, body: 'upstream broke' }] });
    const failed = await send(proxy.url, 'GET', `/v1/tasks/${broken}`, { headers: fromPage });
    assert.equal(failed.status, 500);
    assert.equal(failed.body, 'upstream broke');
  });

  it('answers the CORS preflight itself', async () => {
    const taskId = gatewayTask();
    const answer = await send(proxy.url, 'OPTIONS', `/v1/tasks/${taskId}/cancel`, {
      headers: {
        Origin: 'http://app.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });
    assert.equal(answer.status, 204);
    assertCors(answer);
    assert.match(String(answer.headers['access-control-allow-methods']), /\bPOST\b/);
    const allowed = String(answer.headers['access-control-allow-headers']).toLowerCase();
    assert.match(allowed, /\bauthorization\b/);
    assert.match(allowed, /\bcontent-type\b/);
    assert.deepEqual(logOf(taskId), []);
  });

  it('refuses every other path and method without calling upstream', async () => {
    const taskId = gatewayTask();
    /** @type {[string, string, number][]} */
    const refused = [
      ['GET', '/', 404],
      ['GET', '/v1/tasks', 404],
      ['GET', '/v1/tasks/', 404],
      ['GET', `/v1/tasks/${taskId}/`, 404],
      ['GET', `/v1/tasks/${taskId}/results`, 404],
      ['GET', `/v1/tasks/${taskId}/events/1`, 404],
      ['GET', `/tasks/${taskId}/status`, 404],
      ['GET', `/__mock/tasks/${taskId}/requests`, 404],
      ['POST', '/__mock/tasks', 404],
      ['GET', '/v1/tasks/..', 404],
      ['GET', '/v1/tasks/%2e%2e/cancel', 404],
      ['GET', `/v1/tasks/${taskId}%2Fcancel`, 404],
      ['GET', `/v1/tasks/..%2F..%2F__mock%2Ftasks%2F${taskId}%2Frequests`, 404],
      ['GET', `/v1/tasks/${taskId}?x=/../../__mock/tasks`, 200],
      ['POST', `/v1/tasks/${taskId}`, 405],
      ['DELETE', `/v1/tasks/${taskId}`, 405],
      ['HEAD', `/v1/tasks/${taskId}`, 405],
      ['GET', `/v1/tasks/${taskId}/cancel`, 405],
      ['PUT', `/v1/tasks/${taskId}/cancel`, 405],
      ['POST', `/v1/tasks/${taskId}/events`, 405],
    ];
    for (const [method, path, status] of refused) {
      const answer = await send(proxy.url, method, path, { headers: fromPage });
      assert.equal(answer.status, status, `${method} ${path}`);
      if (status === 405) assert.match(String(answer.headers.allow), /^(GET|POST), OPTIONS$/);
    }
    // Only the one allowed request (its query is not part of the path) reached the mock.
    assert.deepEqual(
      logOf(taskId).map((r) => r.url),
      [`/v1/tasks/${taskId}`],
    );

    seen.length = 0;
    for (const [method, path, status] of refused) {
      if (status === 200) continue;
      const answer = await send(recordingProxy.url, method, path, { headers: fromPage });
      assert.equal(answer.status, status, `${method} ${path}`);
    }
    assert.deepEqual(seen, []);
  });

  it('refuses a cancel body over 16 KiB without calling upstream', async () => {
    seen.length = 0;
    const answer = await send(recordingProxy.url, 'POST', '/v1/tasks/tsk_42/cancel', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'x'.repeat(20_000) }),
    });
    assert.equal(answer.status, 413);
    assert.deepEqual(seen, []);
  });

  it('answers 502 when the gateway cannot be reached', async () => {
    const closed = await listen(() => undefined);
    await closed.close();
    const forward = createProxy({ upstream: closed.url, apiKey: KEY });
    const server = await listen((req, res) => void forward(req, res));
    try {
      const answer = await send(server.url, 'GET', '/v1/tasks/tsk_1');
      assert.equal(answer.status, 502);
      assertCors(answer);
    } finally {
      await server.close();
    }
  });

  it('runs from the command line with GATEWAY_URL, GATEWAY_API_KEY and PORT', async () => {
    const taskId = gatewayTask();
    const child = spawn(process.execPath, [new URL('./proxy.js', import.meta.url).pathname], {
      env: { ...process.env, GATEWAY_URL: mock.url, GATEWAY_API_KEY: KEY, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [line] = await once(child.stdout, 'data');
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(String(line))?.[0];
      assert.ok(url, `no address in ${line}`);
      assert.doesNotMatch(String(line), new RegExp(KEY));
      const answer = await send(url, 'GET', `/v1/tasks/${taskId}`, { headers: fromPage });
      assert.equal(answer.status, 200);
      assert.equal(logOf(taskId)[0].authorization, `Bearer ${KEY}`);
    } finally {
      child.kill();
    }
  });

  it('exits with an error without GATEWAY_API_KEY', async () => {
    /** @type {NodeJS.ProcessEnv} */
    const env = { ...process.env, GATEWAY_URL: mock.url, PORT: '0' };
    delete env.GATEWAY_API_KEY;
    const child = spawn(process.execPath, [new URL('./proxy.js', import.meta.url).pathname], {
      env,
      stdio: 'ignore',
    });
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
  });
});
