// The demo's server routes: mock mode plays every named scenario; real mode starts a task on Mynth's
// API (here the mock's `POST /image/generate`) with the key, and hands the page only the task id and
// its public token.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { text as readText } from 'node:stream/consumers';
import { after, before, describe, it } from 'node:test';
import { eventsOf, readStream } from '../mock/read-stream.js';
import { listen, serveTaskApi, startMockServer } from '../mock/server.js';
import { scenarioList, scenarioNames } from '../mock/scenarios.js';
import { createTaskApi } from '../mock/task-api.js';
import { DEFAULT_MYNTH_MODEL, createDemoApi } from './server.js';

const KEY = 'mak_test_secret_key';

/**
 * The demo's routes in front of a mock task API, mounted as the dev server mounts them.
 * @param {Omit<Parameters<typeof createDemoApi>[0], 'api'>} [options]
 */
async function serveDemo(options = {}) {
  const api = createTaskApi();
  const demo = createDemoApi({ api, ...options });
  const mock = serveTaskApi(api);
  const server = await listen((req, res) => demo(req, res, () => mock(req, res)));
  return { ...server, api };
}

/**
 * @param {string} url
 * @param {unknown} [body]
 */
async function post(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : undefined };
}

/**
 * A stand-in for Mynth that records each request and answers with `answer`.
 * @param {(body: any) => { status: number, json?: unknown, body?: string }} answer
 */
async function fakeMynth(answer) {
  /** @type {{ url: string | undefined, authorization: string | undefined, body: any }[]} */
  const requests = [];
  const server = await listen(async (req, res) => {
    const text = await readText(req);
    const body = text ? JSON.parse(text) : undefined;
    requests.push({ url: req.url, authorization: req.headers.authorization, body });
    const reply = answer(body);
    res.writeHead(reply.status, { 'Content-Type': 'application/json' });
    res.end(reply.body ?? JSON.stringify(reply.json));
  });
  return { ...server, requests };
}

describe('real mode: POST /api/generate with MYNTH_API_KEY', () => {
  /** @type {Awaited<ReturnType<typeof startMockServer>>} */
  let mynth;
  /** @type {Awaited<ReturnType<typeof serveDemo>>} */
  let demo;

  before(async () => {
    mynth = await startMockServer();
    demo = await serveDemo({ mynthApiKey: KEY, mynthApiUrl: mynth.url });
  });

  after(async () => {
    await demo?.close();
    await mynth?.close();
  });

  it('starts the task upstream with the key and answers only taskId and publicAccessToken', async () => {
    const before = mynth.api.generateRequests().length;
    const { status, json, text } = await post(`${demo.url}/api/generate`, { prompt: 'A lighthouse at dusk' });
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(json).sort(), ['publicAccessToken', 'taskId']);
    assert.match(json.taskId, /^tsk_/);
    assert.equal(typeof json.publicAccessToken, 'string');
    assert.ok(!text.includes(KEY), 'the key never reaches the page');

    const sent = mynth.api.generateRequests().slice(before);
    assert.deepEqual(sent, [{ authorization: `Bearer ${KEY}` }]);

    const taskStatus = await fetch(`${mynth.url}/tasks/${json.taskId}/status`, {
      headers: { Authorization: `Bearer ${json.publicAccessToken}` },
    });
    assert.equal(taskStatus.status, 200, 'the page can follow the task with the token it got');
  });

  it('tells the page it is in real mode, without the key', async () => {
    const response = await fetch(`${demo.url}/api/config`);
    const text = await response.text();
    assert.deepEqual(JSON.parse(text), { mode: 'mynth', model: DEFAULT_MYNTH_MODEL, baseUrl: mynth.url });
    assert.ok(!text.includes(KEY));
  });

  it('requires a prompt before calling upstream', async () => {
    const before = mynth.api.generateRequests().length;
    const { status, json } = await post(`${demo.url}/api/generate`, { prompt: '  ' });
    assert.equal(status, 400);
    assert.match(json.error, /prompt/i);
    assert.equal(mynth.api.generateRequests().length, before);
  });

  it('has no token route: real tokens come from Mynth', async () => {
    const { status } = await post(`${demo.url}/api/token`, { taskId: 'tsk_1' });
    assert.equal(status, 404);
  });

  it('relays no stream: a real task would be relayed from its webhook', async () => {
    const response = await fetch(`${demo.url}/api/tasks/tsk_1/stream`);
    assert.equal(response.status, 404);
    const { error } = /** @type {{ error: string }} */ (await response.json());
    assert.match(error, /only for tasks of the mock/);
  });
});

describe('real mode: what is sent and how upstream answers are read', () => {
  it('posts {prompt, model} to /image/generate, MYNTH_MODEL or the default, and reads a flat answer', async () => {
    const upstream = await fakeMynth(() => ({
      status: 200,
      json: { taskId: 'tsk_flat', access: { publicAccessToken: 'pat_flat' }, extra: 'ignored' },
    }));
    const withModel = await serveDemo({
      mynthApiKey: KEY,
      mynthApiUrl: `${upstream.url}/`,
      mynthModel: 'm/1',
    });
    const withDefault = await serveDemo({ mynthApiKey: KEY, mynthApiUrl: upstream.url });
    try {
      const first = await post(`${withModel.url}/api/generate`, { prompt: 'a fox', scenario: 'failed' });
      assert.deepEqual(first.json, { taskId: 'tsk_flat', publicAccessToken: 'pat_flat' });
      await post(`${withDefault.url}/api/generate`, { prompt: 'a fox' });
      assert.deepEqual(
        upstream.requests.map(({ url, authorization, body }) => ({ url, authorization, body })),
        [
          { url: '/image/generate', authorization: `Bearer ${KEY}`, body: { prompt: 'a fox', model: 'm/1' } },
          {
            url: '/image/generate',
            authorization: `Bearer ${KEY}`,
            body: { prompt: 'a fox', model: DEFAULT_MYNTH_MODEL },
          },
        ],
      );
    } finally {
      await withModel.close();
      await withDefault.close();
      await upstream.close();
    }
  });

  /** @type {[string, (body: any) => { status: number, json?: unknown, body?: string }, RegExp][]} */
  const failures = [
    [
      'a refused key',
      () => ({ status: 401, json: { error: 'Invalid API key' } }),
      /answered 401: Invalid API key/,
    ],
    [
      'a nested error message',
      () => ({ status: 422, json: { error: { message: 'Unknown model' } } }),
      /answered 422: Unknown model/,
    ],
    ['a server error without a body', () => ({ status: 500, body: '' }), /answered 500/],
    ['an answer that is not JSON', () => ({ status: 200, body: '<html>' }), /without a task id/],
    [
      'an answer without a token',
      () => ({ status: 200, json: { data: { taskId: 'tsk_1' } } }),
      /without a task id/,
    ],
    [
      'an error that repeats the key',
      () => ({ status: 403, json: { message: `key ${KEY} is revoked` } }),
      /answered 403: key … is revoked/,
    ],
  ];
  for (const [name, answer, message] of failures) {
    it(`surfaces ${name} as a 502 with a message`, async () => {
      const upstream = await fakeMynth(answer);
      const demo = await serveDemo({ mynthApiKey: KEY, mynthApiUrl: upstream.url });
      try {
        const { status, json, text } = await post(`${demo.url}/api/generate`, { prompt: 'a fox' });
        assert.equal(status, 502);
        assert.deepEqual(Object.keys(json), ['error']);
        assert.match(json.error, message);
        assert.ok(!text.includes(KEY), 'the key never reaches the page');
      } finally {
        await demo.close();
        await upstream.close();
      }
    });
  }

  it('reads a body with a multi-byte character split across two chunks', async () => {
    const upstream = await fakeMynth(() => ({
      status: 200,
      json: { taskId: 'tsk_split', access: { publicAccessToken: 'pat_split' } },
    }));
    const demo = await serveDemo({ mynthApiKey: KEY, mynthApiUrl: upstream.url });
    try {
      const body = Buffer.from(JSON.stringify({ prompt: 'café au lait' }));
      const half = body.indexOf('é') + 1; // between the two bytes of 'é'
      const status = await new Promise((resolve, reject) => {
        const req = request(`${demo.url}/api/generate`, { method: 'POST' }, (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject);
        req.write(body.subarray(0, half));
        // Later, so that the server reads the halves as two chunks.
        setTimeout(() => {
          req.write(body.subarray(half));
          req.end();
        }, 50);
      });
      assert.equal(status, 200);
      assert.equal(upstream.requests[0].body.prompt, 'café au lait');
    } finally {
      await demo.close();
      await upstream.close();
    }
  });

  it('surfaces a 404 from the mock (a wrong MYNTH_API_URL) as a 502', async () => {
    const mynth = await startMockServer();
    const demo = await serveDemo({ mynthApiKey: KEY, mynthApiUrl: `${mynth.url}/wrong` });
    try {
      const { status, json } = await post(`${demo.url}/api/generate`, { prompt: 'a fox' });
      assert.equal(status, 502);
      assert.match(json.error, /The Mynth API answered 404/);
    } finally {
      await demo.close();
      await mynth.close();
    }
  });

  it('surfaces an unreachable API as a 502', async () => {
    const closed = await listen((_req, res) => res.end());
    await closed.close();
    const demo = await serveDemo({ mynthApiKey: KEY, mynthApiUrl: closed.url });
    try {
      const { status, json } = await post(`${demo.url}/api/generate`, { prompt: 'a fox' });
      assert.equal(status, 502);
      assert.match(json.error, /could not be reached/);
    } finally {
      await demo.close();
    }
  });
});

describe('mock mode (no key)', () => {
  /** @type {Awaited<ReturnType<typeof serveDemo>>} */
  let demo;

  before(async () => {
    demo = await serveDemo();
  });

  after(async () => {
    await demo?.close();
  });

  it('tells the page it is in mock mode', async () => {
    assert.deepEqual(await (await fetch(`${demo.url}/api/config`)).json(), { mode: 'mock' });
  });

  for (const scenario of scenarioList) {
    it(`starts "${scenario.name}" on the mock and answers only taskId and publicAccessToken`, async () => {
      const { status, json } = await post(`${demo.url}/api/generate`, {
        scenario: scenario.name,
        prompt: 'A lighthouse at dusk',
      });
      assert.equal(status, 200);
      assert.deepEqual(Object.keys(json).sort(), ['publicAccessToken', 'taskId']);

      const gateway = 'provider' in scenario.element && scenario.element.provider === 'mindproxy';
      const diffusion = 'adapter' in scenario.element && scenario.element.adapter === 'diffusion';
      const statusUrl = gateway
        ? `${demo.url}/v1/tasks/${json.taskId}`
        : diffusion
          ? `${demo.url}/diffusion/jobs/${json.taskId}`
          : `${demo.url}/tasks/${json.taskId}/status`;
      const response = await fetch(statusUrl, {
        headers: { Authorization: `Bearer ${json.publicAccessToken}` },
      });
      if (scenario.name === 'rate-limited') {
        assert.equal(response.status, 429);
        assert.equal(response.headers.get('retry-after'), '2');
        return;
      }
      assert.equal(response.status, 200);
      const body = /** @type {any} */ (await response.json());
      if (gateway) {
        assert.equal(body.task_id, json.taskId);
        assert.equal(body.status, 1);
      } else if (diffusion) {
        assert.deepEqual(body, { state: 'queued', queue_position: 2 });
      } else {
        assert.equal(body.status, 'pending');
      }
    });
  }

  it('points result images at the page’s origin', async () => {
    const { json } = await post(`${demo.url}/api/generate`, { scenario: 'quick-success' });
    const auth = { Authorization: `Bearer ${json.publicAccessToken}` };
    for (let i = 0; i < 3; i++) await fetch(`${demo.url}/tasks/${json.taskId}/status`, { headers: auth });
    const results = await fetch(`${demo.url}/tasks/${json.taskId}/results`, { headers: auth });
    const { images } = /** @type {{ images: { url: string }[] }} */ (await results.json());
    assert.equal(images.length, 4);
    for (const image of images) assert.ok(image.url.startsWith(`${demo.url}/__mock/images/`));
    const picture = await fetch(images[0].url);
    assert.equal(picture.headers.get('content-type'), 'image/svg+xml');
  });

  it('mints a new token for the expiring-token scenario on POST /api/token', async () => {
    const { json } = await post(`${demo.url}/api/generate`, { scenario: 'expiring-token' });
    const statusOf = (/** @type {string} */ token) =>
      fetch(`${demo.url}/tasks/${json.taskId}/status`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal((await statusOf(json.publicAccessToken)).status, 200);
    assert.equal((await statusOf(json.publicAccessToken)).status, 200);
    assert.equal((await statusOf(json.publicAccessToken)).status, 401, 'the first token is used up');

    const minted = await post(`${demo.url}/api/token`, { taskId: json.taskId });
    assert.equal(minted.status, 200);
    assert.deepEqual(Object.keys(minted.json), ['publicAccessToken']);
    assert.notEqual(minted.json.publicAccessToken, json.publicAccessToken);
    assert.equal((await statusOf(minted.json.publicAccessToken)).status, 200);
    assert.equal((await statusOf(json.publicAccessToken)).status, 401, 'the old token is revoked');
  });

  /**
   * Starts a scenario and opens its relayed stream with `token` (the task's own by default).
   * @param {string} scenario
   * @param {string | null} [token]
   */
  async function relayed(scenario, token) {
    const { json } = await post(`${demo.url}/api/generate`, { scenario });
    const bearer = token === undefined ? json.publicAccessToken : token;
    const response = await fetch(`${demo.url}/api/tasks/${encodeURIComponent(json.taskId)}/stream`, {
      headers: { Accept: 'text/event-stream', ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) },
    });
    return { taskId: /** @type {string} */ (json.taskId), response };
  }

  // Before the other streams: one of theirs that closes late would be cleared with the mocked timers.
  it('writes a keep-alive comment every 15 s on an open relayed stream', { timeout: 10_000 }, async (t) => {
    t.mock.timers.enable({ apis: ['setInterval'] });
    const { response } = await relayed('never-finishes');
    const reading = readStream(response, (text) => text.includes(': keep-alive'));
    // The task stays pending: after its status, only a keep-alive can come.
    t.mock.timers.tick(15_000);
    assert.equal((await reading).text, 'id: 1\ndata: {"status":"pending"}\n\n: keep-alive\n\n');
  });

  it('relays a task as a live event stream, with the headers that keep it flowing through proxies', async () => {
    const { taskId, response } = await relayed('quick-success');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/event-stream');
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.equal(response.headers.get('x-accel-buffering'), 'no');
    const { text } = await readStream(response, (t) => t.includes('event: results'));
    const events = eventsOf(text);
    assert.deepEqual(
      events.map((event) => [event.id, event.event, event.data.status]),
      [
        ['1', undefined, 'pending'],
        ['2', 'results', undefined],
      ],
    );
    assert.equal(events[1].data.images.length, 4);
    assert.deepEqual(
      demo.api.requests(taskId).map((r) => r.url),
      [`/api/tasks/${taskId}/stream`],
      'the page asked nothing else',
    );
  });

  it('relays only with the task’s token, and only known tasks', async () => {
    assert.equal((await relayed('quick-success', 'pat_wrong')).response.status, 401);
    assert.equal((await relayed('quick-success', null)).response.status, 401);
    const unknown = await fetch(`${demo.url}/api/tasks/tsk_missing/stream`, {
      headers: { Authorization: 'Bearer pat_x' },
    });
    assert.equal(unknown.status, 404);
    assert.equal((await fetch(`${demo.url}/api/tasks/%E0/stream`)).status, 400);
    const posted = await fetch(`${demo.url}/api/tasks/tsk_missing/stream`, { method: 'POST' });
    assert.equal(posted.status, 405);
  });

  it('refuses unknown scenarios, unknown tasks, bad bodies and wrong methods', async () => {
    const unknown = await post(`${demo.url}/api/generate`, { scenario: 'nope' });
    assert.equal(unknown.status, 400);
    assert.match(unknown.json.error, /Unknown scenario "nope"/);
    assert.equal((await post(`${demo.url}/api/generate`, {})).status, 400);
    assert.equal((await post(`${demo.url}/api/token`, { taskId: 'tsk_missing' })).status, 404);

    const notJson = await fetch(`${demo.url}/api/generate`, { method: 'POST', body: '{' });
    assert.equal(notJson.status, 400);
    const tooLong = await post(`${demo.url}/api/generate`, { scenario: 'failed', prompt: 'x'.repeat(2001) });
    assert.equal(tooLong.status, 400);

    const get = await fetch(`${demo.url}/api/generate`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    assert.equal((await fetch(`${demo.url}/api/nothing`)).status, 404);
  });

  it('limits the body in bytes, not characters', async () => {
    // 9,000 two-byte characters: under 16 KiB as a string, over it as UTF-8.
    const { status } = await post(`${demo.url}/api/generate`, {
      scenario: 'failed',
      prompt: 'é'.repeat(9000),
    });
    assert.equal(status, 413);
  });

  it('leaves every other path to the next handler', async () => {
    const response = await fetch(`${demo.url}/somewhere-else`);
    assert.equal(response.status, 404);
    assert.equal(await response.text(), 'not found');
  });

  it('knows every scenario by name', () => {
    assert.equal(scenarioNames.length, 19);
    assert.equal(new Set(scenarioNames).size, scenarioNames.length);
  });
});
