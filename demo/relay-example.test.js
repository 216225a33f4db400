// The guide's relay (demo/relay-example.js) in front of the mock API, which stands in for Mynth: a
// token the mock minted for the task stands in for the server's key.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { eventsOf, readStream } from '../mock/read-stream.js';
import { listen, startMockServer } from '../mock/server.js';
import { createRelay } from './relay-example.js';

/** @type {Awaited<ReturnType<typeof startMockServer>>} */
let mynth;
before(async () => {
  mynth = await startMockServer();
});
after(() => mynth.close());

const results = { images: [{ status: 'succeeded', id: 'img_1', url: 'https://x.test/1.png' }] };

/** A pending task, completed from its second status request on, and the guide's relay for it. */
async function relayedTask() {
  const { taskId, publicAccessToken } = mynth.api.createTask({
    status: [{ times: 1, json: { status: 'pending' } }, { json: { status: 'completed' } }],
    results: [{ json: results }],
  });
  const relay = createRelay({
    apiUrl: mynth.url,
    apiKey: /** @type {string} */ (mynth.api.mintToken(taskId, false)),
  });
  const server = await listen(relay.handle);
  /**
   * @param {string | null} token
   * @param {Record<string, string>} [headers]
   */
  const open = (token, headers = {}) =>
    fetch(`${server.url}/api/tasks/${taskId}/stream`, {
      headers: {
        Accept: 'text/event-stream',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
    });
  return { taskId, publicAccessToken, relay, server, open };
}

describe("the guide's relay", { timeout: 10_000 }, () => {
  // First: a stream of an earlier test that closes late would be cleared with the mocked timers.
  it('writes a keep-alive comment every 15 s', async (t) => {
    t.mock.timers.enable({ apis: ['setInterval'] });
    const { publicAccessToken, server, open } = await relayedTask();
    try {
      const reading = readStream(await open(publicAccessToken), (text) => text.includes(': keep-alive'));
      // Nothing changes without a webhook: after the status, only a keep-alive can come.
      t.mock.timers.tick(15_000);
      assert.equal((await reading).text, 'id: pending\ndata: {"status":"pending"}\n\n: keep-alive\n\n');
    } finally {
      await server.close();
    }
  });

  it('streams the status at once, and what the webhook says changed: a completed task as its results', async () => {
    const { taskId, publicAccessToken, relay, server, open } = await relayedTask();
    try {
      const response = await open(publicAccessToken);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/event-stream');
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.equal(response.headers.get('x-accel-buffering'), 'no');
      const reading = readStream(response, (text) => text.includes('event: results'));
      await relay.taskChanged(taskId);
      assert.deepEqual(eventsOf((await reading).text), [
        { id: 'pending', event: undefined, data: { status: 'pending' } },
        { id: 'results', event: 'results', data: results },
      ]);
      const keys = mynth.api.requests(taskId).map((r) => r.authorization === `Bearer ${publicAccessToken}`);
      assert.deepEqual(keys, [true, false, false], "the element's token once, then the server's key");
    } finally {
      await server.close();
    }
  });

  it("refuses a stream without the task's token, as the API refuses the token", async () => {
    const { server, open } = await relayedTask();
    try {
      assert.equal((await open('pat_wrong')).status, 401);
      assert.equal((await open(null)).status, 401);
      assert.equal((await fetch(`${server.url}/api/tasks/%E0/stream`)).status, 502, 'and goes on serving');
      assert.equal((await fetch(`${server.url}/api/tasks/tsk_missing/stream`)).status, 404);
    } finally {
      await server.close();
    }
  });

  it('sends a reconnecting stream only the events after its Last-Event-ID', async () => {
    const { publicAccessToken, server, open } = await relayedTask();
    try {
      /** @param {string} lastEventId */
      const resumed = async (lastEventId) => {
        const response = await open(publicAccessToken, { 'Last-Event-ID': lastEventId });
        return eventsOf((await readStream(response, (text) => text.includes('event: results'))).text);
      };
      // The first request was the token's one pending answer: the task is completed from here on.
      await (await open(publicAccessToken)).body?.cancel();
      assert.deepEqual(
        (await resumed('pending')).map((event) => event.id),
        ['results'],
      );
      assert.deepEqual(
        (await resumed('completed')).map((event) => event.id),
        ['results'],
      );
    } finally {
      await server.close();
    }
  });

  it('is what the guide quotes: every line of its relay code is a line of this file', () => {
    const guide = readFileSync(new URL('../docs/guide.md', import.meta.url), 'utf8');
    const block = guide.slice(guide.indexOf('## Push:')).match(/```js\n([\s\S]*?)```/)?.[1] ?? '';
    const quoted = block
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && line !== '// …');
    const file = readFileSync(new URL('./relay-example.js', import.meta.url), 'utf8');
    const lines = new Set(file.split('\n').map((line) => line.trim()));
    assert.ok(quoted.length > 20, `the guide quotes ${quoted.length} lines`);
    assert.deepEqual(
      quoted.filter((line) => !lines.has(line)),
      [],
    );
  });
});
