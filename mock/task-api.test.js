import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diffusionJob } from './bodies.js';
import { eventsOf, readStream } from './read-stream.js';
import { startMockServer } from './server.js';

/** @type {Awaited<ReturnType<typeof startMockServer>>} */
let mock;
before(async () => {
  mock = await startMockServer();
});
after(() => mock.close());

/** @param {import('./task-api.js').Scenario} scenario */
async function createTask(scenario) {
  const res = await fetch(`${mock.url}/__mock/tasks`, { method: 'POST', body: JSON.stringify(scenario) });
  assert.equal(res.status, 201);
  return /** @type {Promise<{ taskId: string, publicAccessToken: string }>} */ (res.json());
}

/**
 * @param {Response} res
 * @returns {Promise<any>}
 */
const json = (res) => res.json();

/**
 * @param {string} path
 * @param {string | null} token
 * @param {RequestInit} [init]
 */
function get(path, token, init = {}) {
  return fetch(`${mock.url}${path}`, {
    ...init,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

describe('mock task API', () => {
  it('plays a status script in order and repeats its last step', async () => {
    const { taskId, publicAccessToken } = await createTask({
      status: [{ times: 2, json: { status: 'pending' } }, { json: { status: 'completed' } }],
    });
    const seen = [];
    for (let i = 0; i < 4; i++) {
      const res = await get(`/tasks/${taskId}/status`, publicAccessToken);
      seen.push((await json(res)).status);
    }
    assert.deepEqual(seen, ['pending', 'pending', 'completed', 'completed']);
  });

  it('holds a step for a span of time with forMs', async () => {
    const { taskId, publicAccessToken } = await createTask({
      status: [{ forMs: 150, json: { status: 'pending' } }, { json: { status: 'completed' } }],
    });
    const first = await json(await get(`/tasks/${taskId}/status`, publicAccessToken));
    await new Promise((r) => setTimeout(r, 200));
    const later = await json(await get(`/tasks/${taskId}/status`, publicAccessToken));
    assert.deepEqual([first.status, later.status], ['pending', 'completed']);
  });

  it('ends each timed step at its exact end, however seldom the route is asked', async () => {
    const { taskId, publicAccessToken } = await createTask({
      status: [
        { forMs: 40, json: { status: 'pending' } },
        { forMs: 40, json: { status: 'pending', n: 2 } },
        { json: { status: 'completed' } },
      ],
    });
    const first = await json(await get(`/tasks/${taskId}/status`, publicAccessToken));
    await new Promise((r) => setTimeout(r, 100));
    const later = await json(await get(`/tasks/${taskId}/status`, publicAccessToken));
    assert.deepEqual([first.status, later.status], ['pending', 'completed']);
  });

  it('answers 401 without the right bearer token and logs every request', async () => {
    const { taskId, publicAccessToken } = await createTask({ status: [{ json: { status: 'pending' } }] });
    assert.equal((await get(`/tasks/${taskId}/status`, null)).status, 401);
    assert.equal((await get(`/tasks/${taskId}/status`, 'pat_wrong')).status, 401);
    assert.equal((await get(`/tasks/${taskId}/status`, publicAccessToken)).status, 200);
    const log = await json(await fetch(`${mock.url}/__mock/tasks/${taskId}/requests`));
    assert.deepEqual(
      log.map((/** @type {{ authorization: string | null }} */ r) => r.authorization),
      [null, 'Bearer pat_wrong', `Bearer ${publicAccessToken}`],
    );
  });

  it('expires a token after tokenUses requests and accepts a newly minted one', async () => {
    const { taskId, publicAccessToken } = await createTask({
      tokenUses: 1,
      status: [{ json: { status: 'pending' } }],
    });
    assert.equal((await get(`/tasks/${taskId}/status`, publicAccessToken)).status, 200);
    assert.equal((await get(`/tasks/${taskId}/status`, publicAccessToken)).status, 401);
    const minted = await json(await fetch(`${mock.url}/__mock/tasks/${taskId}/token`, { method: 'POST' }));
    assert.notEqual(minted.publicAccessToken, publicAccessToken);
    assert.equal((await get(`/tasks/${taskId}/status`, minted.publicAccessToken)).status, 200);
    assert.equal((await get(`/tasks/${taskId}/status`, publicAccessToken)).status, 401);
  });

  it('answers CORS preflights allowing Authorization and exposes Retry-After and Date', async () => {
    const { taskId } = await createTask({ status: [{ json: { status: 'pending' } }] });
    const preflight = await fetch(`${mock.url}/tasks/${taskId}/status`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://page.test', 'Access-Control-Request-Headers': 'authorization' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://page.test');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.equal(preflight.headers.get('access-control-expose-headers'), 'Retry-After, Date');
  });

  it('sends scripted errors, headers, malformed bodies and delays', async () => {
    const { taskId, publicAccessToken } = await createTask({
      status: [
        { times: 1, status: 429, headers: { 'Retry-After': '2' }, json: { error: 'slow down' } },
        { times: 1, status: 503 },
        { times: 1, body: '<html>not json' },
        { delay: 120, json: { status: 'pending' } },
      ],
    });
    const limited = await get(`/tasks/${taskId}/status`, publicAccessToken);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '2');
    assert.equal((await get(`/tasks/${taskId}/status`, publicAccessToken)).status, 503);
    assert.equal(await (await get(`/tasks/${taskId}/status`, publicAccessToken)).text(), '<html>not json');
    const started = Date.now();
    await get(`/tasks/${taskId}/status`, publicAccessToken);
    assert.ok(Date.now() - started >= 110);
  });

  it('marks a request the client abandoned as aborted', async () => {
    const { taskId, publicAccessToken } = await createTask({
      status: [{ delay: 300, json: { status: 'pending' } }],
    });
    const controller = new AbortController();
    const pending = get(`/tasks/${taskId}/status`, publicAccessToken, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(mock.api.requests(taskId)[0].aborted, true);
  });

  it('keeps each provider to its own routes', async () => {
    const mynth = await createTask({ status: [{ json: { status: 'pending' } }] });
    const gateway = await createTask({
      provider: 'mindproxy',
      token: null,
      status: [{ json: { status: 1 } }],
    });
    assert.equal((await get(`/v1/tasks/${mynth.taskId}/events`, mynth.publicAccessToken)).status, 404);
    assert.equal((await get(`/tasks/${gateway.taskId}/results`, null)).status, 404);
    assert.equal((await get(`/tasks/${mynth.taskId}/results`, mynth.publicAccessToken)).status, 404);
    assert.equal((await get(`/v1/tasks/${gateway.taskId}`, null)).status, 200);
    assert.equal((await get('/tasks/tsk_missing/status', 'x')).status, 404);
  });

  it('pages mindproxy events by offset and limit', async () => {
    const events = Array.from({ length: 60 }, (_, i) => ({
      task_event_id: `ev_${i}`,
      event_type: 'progress',
      status: 3,
      message: `step ${i}`,
      created_at: new Date(0).toISOString(),
    }));
    const { taskId } = await createTask({ provider: 'mindproxy', token: null, events });
    const page1 = await json(await get(`/v1/tasks/${taskId}/events?limit=50&offset=0`, null));
    const page2 = await json(await get(`/v1/tasks/${taskId}/events?limit=50&offset=50`, null));
    assert.equal(page1.task_events.length, 50);
    assert.deepEqual(
      page2.task_events.map((/** @type {{ task_event_id: string }} */ e) => e.task_event_id),
      events.slice(50).map((e) => e.task_event_id),
    );
  });

  it('cancels a mindproxy task: later polls report status 6', async () => {
    const { taskId } = await createTask({
      provider: 'mindproxy',
      token: null,
      status: [{ json: { status: 3 } }],
    });
    const res = await fetch(`${mock.url}/v1/tasks/${taskId}/cancel`, {
      method: 'POST',
      body: '{"reason":"x"}',
    });
    assert.equal(res.status, 200);
    assert.equal((await json(await get(`/v1/tasks/${taskId}`, null))).status, 6);
  });

  it('confirms a cancel only after the polls the scenario holds it back for', async () => {
    const { taskId } = await createTask({
      provider: 'mindproxy',
      token: null,
      status: [{ json: { status: 3 } }],
      cancelConfirmedAfter: 2,
    });
    await fetch(`${mock.url}/v1/tasks/${taskId}/cancel`, { method: 'POST', body: '{"reason":"x"}' });
    /** @type {number[]} */
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await json(await get(`/v1/tasks/${taskId}`, null))).status);
    assert.deepEqual(statuses, [3, 3, 6, 6]);
  });

  it('draws placeholder images as SVG, labelled with their name unless told otherwise', async () => {
    const res = await fetch(`${mock.url}/__mock/images/7.svg?w=64&h=32`);
    assert.equal(res.headers.get('content-type'), 'image/svg+xml');
    const svg = await res.text();
    assert.match(svg, /width="64" height="32"/);
    assert.match(svg, />7<\/text>/);
    const unlabelled = await (await fetch(`${mock.url}/__mock/images/poster.svg?label=`)).text();
    assert.match(unlabelled, /><\/text>/);
  });

  it('holds media named by ?hold= until the test releases that name, and only that name', async () => {
    /** @type {string[]} */
    const arrived = [];
    const fetched = (/** @type {string} */ name) =>
      fetch(`${mock.url}/__mock/images/${name}.svg?w=8&hold=${name}`).then(async (res) => {
        await res.text();
        arrived.push(name);
      });
    const first = fetched('first');
    const second = fetched('second');
    const release = (/** @type {string} */ name) =>
      fetch(`${mock.url}/__mock/holds/${name}`, { method: 'POST' });
    assert.equal((await release('first')).status, 204);
    await first;
    assert.deepEqual(arrived, ['first']);
    await release('second');
    await second;
    assert.deepEqual(arrived, ['first', 'second']);
    await fetched('first'); // released for good
  });

  it("logs a task's media requests with it, and answers without CORS headers when told", async () => {
    const { taskId } = await createTask({ status: [{ json: { status: 'completed' } }] });
    const image = await get(`/__mock/images/1.svg?task=${taskId}`, 'pat_x', {});
    assert.equal(image.headers.get('access-control-allow-origin'), '*');
    const refused = await fetch(`${mock.url}/__mock/images/2.svg?no-cors&task=${taskId}`, {
      headers: { Cookie: 'session=1' },
    });
    assert.equal(refused.status, 200);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const log = await json(await fetch(`${mock.url}/__mock/tasks/${taskId}/requests`));
    assert.deepEqual(
      log.map((/** @type {import('./types.js').LoggedRequest} */ r) => [r.url, r.authorization, r.cookie]),
      [
        [`/__mock/images/1.svg?task=${taskId}`, 'Bearer pat_x', null],
        [`/__mock/images/2.svg?no-cors&task=${taskId}`, null, 'session=1'],
      ],
    );
  });

  it('serves a playable clip for every video', async () => {
    const res = await fetch(`${mock.url}/__mock/videos/gw_1.webm`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'video/webm');
    // The EBML header every WebM file starts with.
    assert.deepEqual([...new Uint8Array(await res.arrayBuffer()).slice(0, 4)], [0x1a, 0x45, 0xdf, 0xa3]);
  });

  it('reveals scheduled events only once their time has come', async () => {
    const at = (/** @type {number} */ atMs, /** @type {string} */ id) => ({
      task_event_id: id,
      event_type: 'progress',
      status: 3,
      message: id,
      created_at: new Date(0).toISOString(),
      atMs,
    });
    const { taskId } = await createTask({
      provider: 'mindproxy',
      token: null,
      events: [at(0, 'a'), at(150, 'b')],
    });
    const early = await json(await get(`/v1/tasks/${taskId}/events?limit=50&offset=0`, null));
    await new Promise((r) => setTimeout(r, 200));
    const later = await json(await get(`/v1/tasks/${taskId}/events?limit=50&offset=0`, null));
    assert.deepEqual(
      early.task_events.map((/** @type {{ task_event_id: string }} */ e) => e.task_event_id),
      ['a'],
    );
    assert.equal('atMs' in early.task_events[0], false);
    assert.equal(later.task_events.length, 2);
  });

  it('plays a diffusion job: its place in the queue, then progress by sampling step with a clearing preview, then its images', () => {
    const job = { ahead: 2, queueStepMs: 1000, runMs: 4000, steps: 4, images: ['/1.svg?w=8', '/2.svg?w=8'] };
    assert.deepEqual(
      [0, 999, 1000, 2999, 3000, 4999, 5000, 6999, 7000, 9000].map((elapsed) => diffusionJob(job, elapsed)),
      [
        { state: 'queued', queue_position: 2 },
        { state: 'queued', queue_position: 2 },
        { state: 'queued', queue_position: 1 },
        { state: 'queued', queue_position: 0 },
        { state: 'running', progress: 0, preview_url: '/1.svg?w=8&noise=1' },
        { state: 'running', progress: 0.25, preview_url: '/1.svg?w=8&noise=0.75' },
        { state: 'running', progress: 0.5, preview_url: '/1.svg?w=8&noise=0.5' },
        { state: 'running', progress: 0.75, preview_url: '/1.svg?w=8&noise=0.25' },
        { state: 'done', images: job.images },
        { state: 'done', images: job.images },
      ],
    );
  });

  it('answers a diffusion job at GET /diffusion/jobs/:id with the bearer token, and at no other route', async () => {
    const images = [`${mock.url}/__mock/images/1.svg?w=8`];
    const queued = await createTask({
      provider: 'diffusion',
      diffusion: { ahead: 3, queueStepMs: 60_000, runMs: 1000, steps: 10, images },
    });
    const done = await createTask({
      provider: 'diffusion',
      diffusion: { ahead: 0, queueStepMs: 0, runMs: 0, steps: 10, images },
    });
    assert.equal((await get(`/diffusion/jobs/${queued.taskId}`, null)).status, 401);
    assert.deepEqual(await json(await get(`/diffusion/jobs/${queued.taskId}`, queued.publicAccessToken)), {
      state: 'queued',
      queue_position: 3,
    });
    assert.deepEqual(await json(await get(`/diffusion/jobs/${done.taskId}`, done.publicAccessToken)), {
      state: 'done',
      images,
    });
    assert.equal((await get(`/tasks/${done.taskId}/status`, done.publicAccessToken)).status, 404);
    const mynth = await createTask({ status: [{ json: { status: 'pending' } }] });
    assert.equal((await get(`/diffusion/jobs/${mynth.taskId}`, mynth.publicAccessToken)).status, 404);
  });

  it('draws an image under noise for a preview, and the same image without it', async () => {
    const noisy = await (await fetch(`${mock.url}/__mock/images/1.svg?w=64&noise=0.5`)).text();
    assert.match(noisy, /<feTurbulence/);
    assert.match(noisy, /filter="url\(#n\)" opacity="0.5"/);
    const clear = await (await fetch(`${mock.url}/__mock/images/1.svg?w=64`)).text();
    assert.doesNotMatch(clear, /filter/);
    assert.match(clear, />1<\/text>/);
  });

  it('starts a task on POST /image/generate with a key, as Mynth does for a server', async () => {
    const refused = await fetch(`${mock.url}/image/generate`, { method: 'POST', body: '{"prompt":"x"}' });
    assert.equal(refused.status, 401);
    const res = await fetch(`${mock.url}/image/generate`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test' },
      body: JSON.stringify({ prompt: 'a lighthouse', model: 'mock' }),
    });
    const { data } = await json(res);
    assert.match(data.taskId, /^tsk_/);
    const status = await get(`/tasks/${data.taskId}/status`, data.access.publicAccessToken);
    assert.equal(status.status, 200);
  });
});

/**
 * Opens a task's event stream, with the task's token unless told otherwise.
 * @param {string} taskId
 * @param {string | null} token
 * @param {Record<string, string>} [headers]
 * @param {AbortSignal} [signal]
 */
function openStream(taskId, token, headers = {}, signal) {
  return fetch(`${mock.url}/streams/${taskId}`, {
    headers: {
      Accept: 'text/event-stream',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    signal,
  });
}

/** @param {string} taskId */
const requestsOf = (taskId) => mock.api.requests(taskId);

describe('mock task API: event streams', { timeout: 10_000 }, () => {
  it('sends scripted frames as events, raw text exactly, then stays open, with the headers a relay sends', async () => {
    const raw = '\uFEFF: hello\r\nda';
    const { taskId, publicAccessToken } = await createTask({
      stream: [
        {
          frames: [
            { id: '7', json: { status: 'pending' } },
            { event: 'results', json: { images: [] } },
            { delay: 10 },
            { raw, delay: 10 },
            { raw: 'ta: {"status":\ndata: "completed"}\r\n\r\n' },
          ],
        },
      ],
    });
    const res = await openStream(taskId, publicAccessToken);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/event-stream');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    assert.equal(res.headers.get('x-accel-buffering'), 'no');
    const { text, ended } = await readStream(res, (t) => t.endsWith('\r\n\r\n'));
    assert.equal(
      text,
      'id: 7\ndata: {"status":"pending"}\n\n' +
        'event: results\ndata: {"images":[]}\n\n' +
        '\uFEFF: hello\r\ndata: {"status":\ndata: "completed"}\r\n\r\n',
    );
    assert.equal(ended, false);
  });

  it('closes the connection at a close frame, and plays each connection its own entry, the last repeating', async () => {
    const { taskId, publicAccessToken } = await createTask({
      stream: [
        { times: 1, frames: [{ json: { status: 'pending' } }, { close: true }] },
        { times: 1, status: 503 },
        { json: { status: 'pending' } },
      ],
    });
    const first = await readStream(await openStream(taskId, publicAccessToken));
    assert.deepEqual(first, { text: 'data: {"status":"pending"}\n\n', ended: true });
    const refused = await openStream(taskId, publicAccessToken);
    assert.equal(refused.status, 503);
    await refused.text();
    for (let i = 0; i < 2; i++) {
      const plain = await openStream(taskId, publicAccessToken);
      assert.equal(plain.status, 200);
      assert.equal(plain.headers.get('content-type'), 'application/json');
      assert.deepEqual(await plain.json(), { status: 'pending' });
    }
    assert.equal(requestsOf(taskId)[0].aborted, false, 'the server closed it');
  });

  it('answers 404 for a task without a stream script, 401 without its token, and any request when its token is null', async () => {
    const scripted = await createTask({ stream: [{ frames: [{ close: true }] }] });
    assert.equal((await openStream(scripted.taskId, 'pat_wrong')).status, 401);
    assert.equal((await openStream(scripted.taskId, null)).status, 401);
    const open = await createTask({ token: null, stream: [{ frames: [{ close: true }] }] });
    const res = await openStream(open.taskId, null);
    assert.equal(res.status, 200);
    await res.text();
    const unscripted = await createTask({ status: [{ json: { status: 'pending' } }] });
    assert.equal((await openStream(unscripted.taskId, unscripted.publicAccessToken)).status, 404);
  });

  it('follows a live task: each new status as an event with a growing id, completed as the results, then silence', async () => {
    const results = { images: [{ status: 'succeeded', id: 'img_1', url: 'https://x.test/1.png' }] };
    const { taskId, publicAccessToken } = await createTask({
      status: [{ forMs: 60, json: { status: 'pending' } }, { json: { status: 'completed' } }],
      results: [{ json: results }],
      stream: [{ live: true }],
    });
    const res = await openStream(taskId, publicAccessToken);
    const { text } = await readStream(res, (t) => t.includes('event: results'));
    assert.deepEqual(eventsOf(text), [
      { id: '1', event: undefined, data: { status: 'pending' } },
      { id: '2', event: 'results', data: results },
    ]);
    assert.deepEqual(
      requestsOf(taskId).map((r) => r.url),
      [`/streams/${taskId}`],
      'the stream asked no route of its own',
    );
  });

  it('watches steps held for a number of requests without using them up: the status route still answers them', async () => {
    const { taskId, publicAccessToken } = await createTask({
      status: [{ times: 1, json: { status: 'pending' } }, { json: { status: 'failed', error: 'no' } }],
      stream: [{ live: true }],
    });
    const res = await openStream(taskId, publicAccessToken);
    const reading = readStream(res, (t) => t.includes('failed'));
    const polled = await json(await get(`/tasks/${taskId}/status`, publicAccessToken));
    assert.deepEqual(polled, { status: 'pending' });
    const { text } = await reading;
    assert.deepEqual(
      eventsOf(text).map((e) => e.data.status),
      ['pending', 'failed'],
    );
  });

  it('asks the status route itself every pollMs when told, as a relay polling the API, until it is terminal', async () => {
    const { taskId, publicAccessToken } = await createTask({
      provider: 'mindproxy',
      status: [
        { times: 2, json: { task_id: 'gw', status: 2 } },
        { json: { task_id: 'gw', status: 4, result_assets_json: '' } },
      ],
      stream: [{ live: true, pollMs: 10 }],
    });
    const { text } = await readStream(await openStream(taskId, publicAccessToken), (t) =>
      t.includes('"status":4'),
    );
    assert.deepEqual(
      eventsOf(text).map((e) => [e.id, e.event, e.data.status]),
      [
        ['1', undefined, 2],
        ['2', undefined, 4],
      ],
      'no results event in the gateway dialect',
    );
    assert.deepEqual(await json(await get(`/v1/tasks/${taskId}`, publicAccessToken)), {
      task_id: 'gw',
      status: 4,
      result_assets_json: '',
    });
  });

  it("logs Last-Event-ID and Accept, and resends only a live stream's events after that id", async () => {
    const { taskId, publicAccessToken } = await createTask({
      status: [{ forMs: 30, json: { status: 'pending' } }, { json: { status: 'failed', error: 'no' } }],
      stream: [{ live: true }],
    });
    const first = await readStream(await openStream(taskId, publicAccessToken), (t) => t.includes('failed'));
    assert.deepEqual(
      eventsOf(first.text).map((e) => e.id),
      ['1', '2'],
    );
    const again = await readStream(
      await openStream(taskId, publicAccessToken, { 'Last-Event-ID': '1' }),
      (t) => t.includes('failed'),
    );
    assert.deepEqual(eventsOf(again.text), [
      { id: '2', event: undefined, data: { status: 'failed', error: 'no' } },
    ]);
    assert.deepEqual(
      requestsOf(taskId).map((r) => [r.lastEventId, r.accept]),
      [
        [null, 'text/event-stream'],
        ['1', 'text/event-stream'],
      ],
    );
  });

  it('writes a keep-alive comment every streamKeepAliveMs on an open stream', async () => {
    const { taskId, publicAccessToken } = await createTask({ streamKeepAliveMs: 10, stream: [{}] });
    const comment = ': keep-alive\n\n';
    const { text } = await readStream(
      await openStream(taskId, publicAccessToken),
      (t) => t.length >= comment.length * 2,
    );
    assert.ok(text.startsWith(comment + comment), JSON.stringify(text));
  });

  it('answers CORS preflights for a stream allowing Authorization and Last-Event-ID', async () => {
    const { taskId } = await createTask({ stream: [{}] });
    const preflight = await fetch(`${mock.url}/streams/${taskId}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://page.test',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,last-event-id',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://page.test');
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/);
    assert.ok(allowed.includes('authorization') && allowed.includes('last-event-id'), allowed.join());
  });

  it('logs a stream the client went away from as aborted', async () => {
    const { taskId, publicAccessToken } = await createTask({
      stream: [{ frames: [{ json: { status: 'pending' } }] }],
    });
    const controller = new AbortController();
    const res = await openStream(taskId, publicAccessToken, {}, controller.signal);
    await readStream(res, (t) => t.includes('pending'));
    for (let i = 0; i < 100 && !requestsOf(taskId)[0].aborted; i++)
      await new Promise((r) => setTimeout(r, 10));
    assert.equal(requestsOf(taskId)[0].aborted, true);
  });

  it('drops every open stream on POST /__mock/streams/drop and refuses new ones with 503 for refuseMs', async () => {
    const tasks = await Promise.all(
      [1, 2].map(() => createTask({ stream: [{ frames: [{ json: { n: 1 } }] }] })),
    );
    const streams = await Promise.all(tasks.map((t) => openStream(t.taskId, t.publicAccessToken)));
    const reads = streams.map((res) => readStream(res));
    const drop = await fetch(`${mock.url}/__mock/streams/drop?refuseMs=150`, { method: 'POST' });
    const { dropped } = await json(drop);
    assert.ok(dropped >= 2, `dropped ${dropped}`);
    for (const read of await Promise.all(reads))
      assert.deepEqual(read, { text: 'data: {"n":1}\n\n', ended: true });
    const refused = await openStream(tasks[0].taskId, tasks[0].publicAccessToken);
    assert.equal(refused.status, 503);
    await refused.text();
    await new Promise((r) => setTimeout(r, 200));
    const back = await openStream(tasks[0].taskId, tasks[0].publicAccessToken);
    assert.equal(back.status, 200);
    await readStream(back, (t) => t.includes('"n":1'));
  });
});
