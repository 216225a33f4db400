// Push over the wire (docs/behaviour.md, "Push"): the element follows a task through a real
// `text/event-stream` from the mock (another origin, so CORS too), with the token only in a header,
// and polls only while the stream cannot be trusted. The exact waits, silence and backoff are
// tested on the engine's fake clock (test/engine/push.test.ts).
import { expect } from '@open-wc/testing';
import { mindproxyTask, mynthResults } from '../mock/bodies.js';
import type { LoggedRequest, Scenario, StreamConnection } from '../mock/types.js';
import { completed, follow, parts, pending, results, untilState } from './helpers/element.js';
import { mockApiUrl, requestsOf, statusOf } from './helpers/mock-api.js';
import { until } from './helpers/until.js';

const STREAM_URL = `${mockApiUrl}/streams/{id}`;
const streamsOf = (log: LoggedRequest[]) => log.filter((request) => request.url.startsWith('/streams/'));
const resultsOf = (log: LoggedRequest[]) => log.filter((request) => request.url.endsWith('/results'));

/**
 * A first poll interval far longer than a local stream takes to open: while the stream is trusted,
 * there is no poll to count.
 */
const PUSHED = { streamUrl: STREAM_URL, pollInterval: 10_000, maxPollInterval: 10_000 };

/** A mynth task pending for `ms`, then completed with two images. */
const timed = (ms: number): Scenario => ({
  status: [{ forMs: ms, ...pending }, completed],
  results: results(2),
});

describe('push: a stream that shows life', () => {
  it('follows the task through the stream alone: the token in a header, no poll, the results from the stream', async () => {
    const { el, taskId, publicAccessToken } = await follow(
      { ...timed(300), stream: [{ live: true }] },
      PUSHED,
    );
    await untilState(el, 'completed');
    expect(parts(el, 'image')).to.have.length(2);
    const log = await requestsOf(taskId);
    expect(statusOf(log), 'status polls').to.deep.equal([]);
    expect(resultsOf(log), 'results requests').to.deep.equal([]);
    const [stream, ...more] = streamsOf(log);
    expect(more, 'one stream').to.deep.equal([]);
    expect(stream.url).to.equal(`/streams/${taskId}`);
    expect(stream.authorization).to.equal(`Bearer ${publicAccessToken}`);
    expect(stream.accept).to.equal('text/event-stream');
    expect(stream.lastEventId ?? null).to.equal(null);
    for (const request of log) expect(request.url).not.to.include(publicAccessToken);
    // Closed at the terminal state.
    await until(async () => streamsOf(await requestsOf(taskId))[0].aborted, 'the stream closed');
  });

  it('asks for the results once when the stream tells only the completed status', async () => {
    const { el, taskId } = await follow(
      {
        // Pending for the polls meanwhile: only the stream, once connected again, ends the task.
        ...timed(60_000),
        stream: [{ frames: [{ json: { status: 'pending' } }, { delay: 50, json: { status: 'completed' } }] }],
      },
      PUSHED,
    );
    await untilState(el, 'completed');
    const log = await requestsOf(taskId);
    expect(statusOf(log)).to.deep.equal([]);
    expect(resultsOf(log)).to.have.length(1);
    expect(parts(el, 'image')).to.have.length(2);
  });

  it('follows a gateway task through the stream (the task body as each event)', async () => {
    const taskId = `mp_push_${Date.now().toString(36)}`;
    const image = `${mockApiUrl}/__mock/images/a.svg?w=64&h=64`;
    const { el } = await follow(
      {
        provider: 'mindproxy',
        taskId,
        token: null,
        status: [
          { forMs: 300, json: mindproxyTask(taskId, { status: 3 }) },
          { json: mindproxyTask(taskId, { status: 4, assets: { image_url: image } }) },
        ],
        stream: [{ live: true }],
      },
      { ...PUSHED, provider: 'mindproxy' },
    );
    await untilState(el, 'completed');
    const log = await requestsOf(taskId);
    expect(
      log.filter((request) => request.url === `/v1/tasks/${taskId}`),
      'status polls',
    ).to.deep.equal([]);
    expect(streamsOf(log)).to.have.length(1);
    expect(parts(el, 'image')).to.have.length(1);
  });

  it('resolves a stream URL without a scheme against the page, and puts the encoded task id in it', async () => {
    const relative = STREAM_URL.replace(/^https?:/, '');
    const { el, taskId } = await follow(
      { ...timed(0), stream: [{ live: true }] },
      { ...PUSHED, streamUrl: relative },
    );
    await untilState(el, 'completed');
    expect(streamsOf(await requestsOf(taskId)).map((request) => request.url)).to.deep.equal([
      `/streams/${taskId}`,
    ]);
  });

  it('closes the stream when the element leaves the page', async () => {
    const { el, taskId } = await follow({ ...timed(60_000), stream: [{ live: true }] }, PUSHED);
    await until(async () => streamsOf(await requestsOf(taskId)).length === 1, 'the stream opened');
    el.remove();
    await until(async () => streamsOf(await requestsOf(taskId))[0].aborted, 'the stream closed');
  });
});

describe('push: a stream that cannot be trusted', () => {
  const untrusted: [string, StreamConnection][] = [
    ['answers 404', { status: 404 }],
    ['answers 200 with JSON, not an event stream', { json: { status: 'completed' } }],
    ['sends a body not in the dialect', { frames: [{ json: { state: 'done' } }] }],
  ];
  for (const [name, connection] of untrusted) {
    it(`polls when the stream ${name}, and completes`, async () => {
      const { el, taskId } = await follow(
        { status: [{ times: 1, ...pending }, completed], results: results(2), stream: [connection] },
        { streamUrl: STREAM_URL },
      );
      await untilState(el, 'completed');
      const log = await requestsOf(taskId);
      expect(statusOf(log).length, 'status polls').to.be.at.least(2);
      expect(streamsOf(log).length, 'streams').to.be.at.least(1);
      expect(parts(el, 'image')).to.have.length(2);
      expect(el.error, 'no error shown').to.equal(null);
    });
  }

  it('ignores a stream URL that is not http(s), and polls', async () => {
    const { el, taskId } = await follow(
      { status: [{ times: 1, ...pending }, completed], results: results(2), stream: [{ live: true }] },
      { streamUrl: 'javascript:alert(1)//{id}' },
    );
    await untilState(el, 'completed');
    const log = await requestsOf(taskId);
    expect(streamsOf(log)).to.deep.equal([]);
    expect(statusOf(log)).to.have.length(2);
  });

  it('connects again after the stream closes, with the last event id it saw', async () => {
    const { el, taskId } = await follow(
      {
        // Pending for the polls meanwhile: only the stream, once connected again, ends the task.
        ...timed(60_000),
        stream: [
          {
            times: 1,
            frames: [
              { id: '1', json: { status: 'pending' } },
              { id: '2', json: { status: 'pending' } },
              { close: true },
            ],
          },
          {
            frames: [
              { id: '3', json: { status: 'completed' } },
              { event: 'results', json: mynthResults(mockApiUrl, 2) },
            ],
          },
        ],
      },
      PUSHED,
    );
    await untilState(el, 'completed');
    const streams = streamsOf(await requestsOf(taskId));
    expect(streams.map((request) => request.lastEventId ?? null)).to.deep.equal([null, '2']);
    expect(parts(el, 'image')).to.have.length(2);
  });

  it('treats a refused token on the stream as on a poll: without a new token, the element stops', async () => {
    const { el, taskId } = await follow(
      { status: [pending], results: results(2), stream: [{ status: 401 }], tokenUses: 0 },
      { streamUrl: STREAM_URL },
    );
    await untilState(el, 'error');
    expect(el.error).to.include({ code: 'unauthorized', httpStatus: 401 });
    const log = await requestsOf(taskId);
    expect(streamsOf(log)[0]).to.include({ url: `/streams/${taskId}` });
  });
});
