// The start request of the zero-JS start (docs/behaviour.md, "Zero-JS start") with a fake fetch on
// the fake clock: what it sends, the answers it accepts, the ones it refuses, and its timeout.
import { expect } from '@open-wc/testing';
import { TaskApiError } from '../src/errors.js';
import { requestTimeout } from '../src/engine/index.js';
import { startTask } from '../src/form-start.js';
import { startKit } from '../src/start-loader.js';
import { hang } from './helpers/answers.js';
import { FakeEnvironment } from './helpers/fake-environment.js';

const URL = 'https://app.example/start';
const TIMEOUT = requestTimeout({ pollInterval: 2000, maxPollInterval: 5000 });

interface Sent {
  url: string;
  init: RequestInit;
}

/** A fetch answering `response` (or never), recording what it was sent. */
function fakeFetch(response: Response | Promise<Response>) {
  const sent: Sent[] = [];
  const fetcher = ((url: string, init: RequestInit) => {
    sent.push({ url, init });
    return response;
  }) as typeof fetch;
  return { fetcher, sent };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Starts with `response`; resolves the task, or the error it was refused with. */
async function start(response: Response | Promise<Response>, body: unknown = { prompt: 'a fox' }) {
  const env = new FakeEnvironment();
  const { fetcher, sent } = fakeFetch(response);
  const result = await startTask(
    startKit,
    env,
    fetcher,
    URL,
    body,
    TIMEOUT,
    new AbortController().signal,
  ).catch((error: unknown) => error);
  return { result, sent };
}

/** The error of a refused start, as `[code, message, httpStatus]`. */
async function refused(response: Response) {
  const { result } = await start(response);
  expect(result).to.be.instanceOf(TaskApiError);
  const error = result as TaskApiError;
  return [error.code, error.message, error.httpStatus];
}

describe('engine: starting a task', () => {
  it('posts the body as JSON, same-origin credentials, and nothing else', async () => {
    const { result, sent } = await start(json({ taskId: 'tsk_1', publicAccessToken: 'pat_1' }), {
      prompt: 'a fox',
      tags: ['a', 'b'],
    });
    expect(result).to.deep.equal({ taskId: 'tsk_1', token: 'pat_1' });
    expect(sent.length).to.equal(1);
    const [{ url, init }] = sent;
    expect(url).to.equal(URL);
    expect(init.method).to.equal('POST');
    expect(init.credentials).to.equal('same-origin');
    expect(init.headers).to.deep.equal({ 'Content-Type': 'application/json' });
    expect(JSON.parse(init.body as string)).to.deep.equal({ prompt: 'a fox', tags: ['a', 'b'] });
  });

  it('accepts task_id and public_access_token', async () => {
    const { result } = await start(json({ task_id: 'tsk_2', public_access_token: 'pat_2', extra: 1 }));
    expect(result).to.deep.equal({ taskId: 'tsk_2', token: 'pat_2' });
  });

  it('refuses an answer without a usable task id or token, with no message of its own', async () => {
    const answers = [
      { publicAccessToken: 'pat' },
      { taskId: 'tsk' },
      { taskId: 'tsk', publicAccessToken: '' },
      { taskId: 7, publicAccessToken: 'pat' },
      { taskId: '', publicAccessToken: 'pat' },
      { taskId: '  ', publicAccessToken: 'pat' },
      { taskId: '.', publicAccessToken: 'pat' },
      { taskId: '..', publicAccessToken: 'pat' },
      { taskId: 'tsk\n1', publicAccessToken: 'pat' },
      { taskId: 'tsk\u007f', publicAccessToken: 'pat' },
      [],
      null,
    ];
    for (const answer of answers) {
      expect(await refused(json(answer)), JSON.stringify(answer)).to.deep.equal(['start-failed', '', 200]);
    }
  });

  it('refuses a success that is not JSON: HTML, or nothing', async () => {
    const html = new Response('<!doctype html><p>Welcome', { headers: { 'Content-Type': 'text/html' } });
    expect(await refused(html)).to.deep.equal(['start-failed', '', 200]);
    expect(await refused(new Response(null, { status: 204 }))).to.deep.equal(['start-failed', '', 204]);
  });

  it("carries the server's message from {error}, {message} or plain text", async () => {
    expect(await refused(json({ error: 'The prompt is empty.' }, 400))).to.deep.equal([
      'start-failed',
      'The prompt is empty.',
      400,
    ]);
    expect(await refused(json({ message: 'Quota exceeded' }, 429))).to.deep.equal([
      'start-failed',
      'Quota exceeded',
      429,
    ]);
    const text = new Response('Service Unavailable', {
      status: 503,
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(await refused(text)).to.deep.equal(['start-failed', 'Service Unavailable', 503]);
  });

  it('reads an answer labelled text/plain as JSON when it is JSON', async () => {
    const plain = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'text/plain' } });
    const { result } = await start(plain({ taskId: 'tsk_3', publicAccessToken: 'pat_3' }));
    expect(result).to.deep.equal({ taskId: 'tsk_3', token: 'pat_3' });
    expect(await refused(plain({ error: 'The prompt is too long.' }, 400))).to.deep.equal([
      'start-failed',
      'The prompt is too long.',
      400,
    ]);
  });

  it('shows no HTML error page, nor an error that is not a string', async () => {
    const page = new Response('<html><h1>502 Bad Gateway</h1></html>', {
      status: 502,
      headers: { 'Content-Type': 'text/html' },
    });
    expect(await refused(page)).to.deep.equal(['start-failed', '', 502]);
    expect(await refused(json({ error: { code: 1 } }, 500))).to.deep.equal(['start-failed', '', 500]);
  });

  it('keeps a long message to 300 characters', async () => {
    const [, message] = await refused(json({ error: 'x'.repeat(5000) }, 500));
    expect(message).to.equal('x'.repeat(300));
  });

  it('times out after the request timeout, exactly, and aborts the request', async () => {
    const env = new FakeEnvironment();
    const { fetcher, sent } = fakeFetch(hang());
    let outcome: unknown;
    void startTask(startKit, env, fetcher, URL, {}, TIMEOUT, new AbortController().signal).catch(
      (error: unknown) => (outcome = error),
    );
    await env.advance(TIMEOUT - 1);
    expect(outcome).to.equal(undefined);
    expect(sent[0].init.signal?.aborted).to.equal(false);
    await env.advance(1);
    expect(outcome).to.be.instanceOf(TaskApiError);
    expect((outcome as TaskApiError).message).to.equal('Timed out.');
    expect(sent[0].init.signal?.aborted).to.equal(true);
    expect(env.pendingTimers).to.deep.equal([]);
  });

  it('stops at once when its signal aborts, with no timer left', async () => {
    const env = new FakeEnvironment();
    const { fetcher } = fakeFetch(hang());
    const run = new AbortController();
    let outcome: unknown;
    void startTask(startKit, env, fetcher, URL, {}, TIMEOUT, run.signal).catch(
      (error: unknown) => (outcome = error),
    );
    run.abort();
    await env.flush();
    expect((outcome as Error).name).to.equal('AbortError');
    expect(env.pendingTimers).to.deep.equal([]);
  });
});
