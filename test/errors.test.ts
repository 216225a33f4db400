// docs/behaviour.md, Errors, against the mock task API over real HTTP: one describe per row of the
// errors table, then unsafe URLs, server text, the token, and the Mynth wire format (Providers).
import { expect } from '@open-wc/testing';
import { defaultStrings } from '../src/index.js';
import type { TaskCompleteDetail, TaskErrorDetail, TaskFailedDetail } from '../src/index.js';
import {
  completed,
  follow,
  mount,
  parts,
  pending,
  results,
  shadow,
  untilFirstStatus,
  untilState,
} from './helpers/element.js';
import { HOUR, type Watched, realClock, watchedClock } from './helpers/fake-clock.js';
import type { Mounted } from './helpers/element.js';
import { createTask, mintToken, mockApiUrl, requestsOf, statusRequestsOf } from './helpers/mock-api.js';
import { until } from './helpers/until.js';

/** The `maxPollInterval` the test mount uses unless told otherwise. */
const MAX_INTERVAL = 200;

/** Each task-error as `[code, httpStatus or null, willRetry]`, for compact comparisons. */
function errorsOf(mounted: Pick<Mounted, 'details'>) {
  return mounted
    .details<TaskErrorDetail>('task-error')
    .map((d) => [d.error.code, d.error.httpStatus ?? null, d.willRetry]);
}

function statesOf(mounted: Pick<Mounted, 'details'>) {
  return mounted.details<{ state: string }>('task-state-change').map((d) => d.state);
}

afterEach(realClock);

/** Nothing more is sent while the fake clock moves past every wait the element could have set. */
async function expectNoMoreRequests({ env, sent }: Watched, ms = HOUR) {
  const before = sent.length;
  await env.advance(ms);
  expect(sent.slice(before), 'requests after the element stopped').to.deep.equal([]);
}

/**
 * On the fake clock, a task whose every answer fails: each time every request sent has failed,
 * the clock moves to the retry (no longer than `max-poll-interval`), until the element gives up.
 */
async function untilGivenUp(mounted: Pick<Mounted, 'el' | 'details'>, { env, sent }: Watched) {
  await until(async () => {
    if (mounted.el.state === 'pending' && errorsOf(mounted).length === sent.length) {
      await env.advance(MAX_INTERVAL);
    }
    return mounted.el.state === 'error';
  }, 'the element gave up');
  await mounted.el.updateComplete;
}

/** Records uncaught errors and unhandled rejections until stopped. */
function watchUncaught() {
  const seen: unknown[] = [];
  const onError = (event: ErrorEvent) => seen.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => seen.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    seen,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** An unsigned JWT with these claims, base64url-encoded as a real one. */
function jwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJl`;
}

describe('network error, request timeout, 5xx: retried with backoff', () => {
  it('reports an unreachable server as a network error and keeps trying', async () => {
    const mounted = await mount({
      taskId: 'tsk_unreachable',
      publicAccessToken: 'pat_unreachable',
      baseUrl: 'http://127.0.0.1:9',
      maxRetries: 100,
    });
    await until(() => mounted.details('task-error').length >= 2, 'two network errors');
    const [first, second] = mounted.details<TaskErrorDetail>('task-error');
    expect(first.taskId).to.equal('tsk_unreachable');
    expect(first.error.code).to.equal('network');
    expect(first.error).to.not.have.property('httpStatus');
    expect(first.willRetry).to.equal(true);
    expect(second.error.code).to.equal('network');
    expect(mounted.el.state).to.equal('pending');
  });

  it('recovers to completed when the server answers again after a network error and a 500', async () => {
    // A response the browser may not read (CORS) fails the fetch exactly like a lost connection.
    const mounted = await follow({
      status: [
        { times: 1, ...pending, headers: { 'Access-Control-Allow-Origin': 'https://elsewhere.example' } },
        { times: 1, status: 500 },
        { times: 1, ...pending },
        completed,
      ],
      results: results(2),
    });
    await untilState(mounted.el, 'completed');
    expect(errorsOf(mounted)).to.deep.equal([
      ['network', null, true],
      ['http', 500, true],
    ]);
    expect(statesOf(mounted)).to.deep.equal(['pending', 'completed']);
    expect(parts(mounted.el, 'image')).to.have.length(2);
    expect(await statusRequestsOf(mounted.taskId)).to.have.length(4);
  });

  it('retries 5xx answers as http errors, then completes', async () => {
    const mounted = await follow({
      status: [{ times: 1, status: 500 }, { times: 1, status: 502 }, { times: 1, status: 503 }, completed],
      results: results(2),
    });
    await untilState(mounted.el, 'completed');
    expect(errorsOf(mounted)).to.deep.equal([
      ['http', 500, true],
      ['http', 502, true],
      ['http', 503, true],
    ]);
    expect(await statusRequestsOf(mounted.taskId)).to.have.length(4);
    expect(statesOf(mounted)).to.deep.equal(['pending', 'completed']);
  });

  it('gives up after max-retries failures in a row, and then sends nothing', async () => {
    const watching = watchedClock();
    const mounted = await follow({ status: [{ status: 500 }] }, { maxRetries: 2 });
    await untilGivenUp(mounted, watching);
    expect(mounted.el.error).to.include({ code: 'http', httpStatus: 500 });
    expect(errorsOf(mounted)).to.deep.equal([
      ['http', 500, true],
      ['http', 500, true],
      ['http', 500, false],
    ]);
    expect(await requestsOf(mounted.taskId)).to.have.length(3);
    await expectNoMoreRequests(watching);
    expect(statesOf(mounted)).to.deep.equal(['pending', 'error']);
  });

  it('aborts a request slower than 10 s as a network error, then recovers', async function () {
    this.timeout(25000);
    const mounted = await follow({
      status: [{ times: 1, delay: 12000, ...pending }, completed],
      results: results(2),
    });
    await until(() => mounted.details('task-error').length > 0, 'a task-error');
    expect(errorsOf(mounted)).to.deep.equal([['network', null, true]]);
    await untilState(mounted.el, 'completed');
    const [slow, ...rest] = await statusRequestsOf(mounted.taskId);
    expect(slow.aborted, 'the slow request was aborted').to.equal(true);
    expect(rest.map((r) => r.aborted)).to.deep.equal([false]);
  });
});

describe('429 / 503 with Retry-After: rate-limited', () => {
  // Retry-After of a minute, read through CORS: only `refresh()` brings the retry within the test.
  // The exact waits are tested on the engine's fake clock (test/engine).
  async function expectWaitedOut(status: number, retryAfter: string) {
    const watching = watchedClock();
    const mounted = await follow({
      status: [{ times: 1, status, headers: { 'Retry-After': retryAfter } }, completed],
      results: results(2),
    });
    await until(() => mounted.details('task-error').length > 0, 'a task-error');
    expect(errorsOf(mounted)).to.deep.equal([['rate-limited', status, true]]);
    await expectNoMoreRequests(watching, 59_000); // a second short of the minute asked
    mounted.el.refresh();
    await untilState(mounted.el, 'completed');
    expect(await statusRequestsOf(mounted.taskId)).to.have.length(2);
  }

  it('waits the seconds of Retry-After after a 429', () => expectWaitedOut(429, '60'));

  // An HTTP date has whole seconds and is read against the wall clock when the answer arrives: a
  // date 90 s ahead leaves more than 59 s however long the answer takes on a loaded machine.
  it('waits until the HTTP date of Retry-After after a 429', () =>
    expectWaitedOut(429, new Date(Date.now() + 90_000).toUTCString()));

  it('treats a 503 with Retry-After as rate-limited and waits as long', () => expectWaitedOut(503, '60'));

  it('waits out a Retry-After longer than a timer holds (3,000,000 s)', () =>
    expectWaitedOut(429, '3000000'));
});

describe('401 / 403: unauthorized', () => {
  it('stops at once on a 401 without a tokenProvider, and a new token resumes it', async () => {
    const { taskId } = await createTask({ status: [completed], results: results(2) });
    const watching = watchedClock();
    const mounted = await mount({ taskId, publicAccessToken: 'pat_refused' });
    await untilState(mounted.el, 'error');
    expect(mounted.el.error).to.include({ code: 'unauthorized', httpStatus: 401 });
    expect(errorsOf(mounted)).to.deep.equal([['unauthorized', 401, false]]);
    await expectNoMoreRequests(watching);
    expect(await requestsOf(taskId)).to.have.length(1);

    const token = await mintToken(taskId);
    mounted.el.publicAccessToken = token;
    await untilState(mounted.el, 'completed');
    const [refused, ...later] = await requestsOf(taskId);
    expect(refused.authorization).to.equal('Bearer pat_refused');
    expect(later).to.have.length.above(0);
    for (const request of later) expect(request.authorization).to.equal(`Bearer ${token}`);
    expect(parts(mounted.el, 'image')).to.have.length(2);
  });

  it('stops at once on a 403 likewise, and a new token resumes it', async () => {
    const watching = watchedClock();
    const mounted = await follow({ status: [{ times: 1, status: 403 }, completed], results: results(2) });
    await untilState(mounted.el, 'error');
    expect(mounted.el.error).to.include({ code: 'unauthorized', httpStatus: 403 });
    expect(errorsOf(mounted)).to.deep.equal([['unauthorized', 403, false]]);
    await expectNoMoreRequests(watching);
    expect(await requestsOf(mounted.taskId)).to.have.length(1);

    mounted.el.publicAccessToken = await mintToken(mounted.taskId);
    await untilState(mounted.el, 'completed');
    expect(parts(mounted.el, 'image')).to.have.length(2);
  });

  it('asks the tokenProvider once on a 401 and goes on with the new token', async () => {
    const { taskId, publicAccessToken } = await createTask({
      tokenUses: 1,
      status: [{ times: 1, ...pending }, completed],
      results: results(2),
    });
    const minted: string[] = [];
    const tokenProvider = async () => {
      const token = await mintToken(taskId);
      minted.push(token);
      return token;
    };
    const mounted = await mount({ taskId, publicAccessToken, tokenProvider });
    await untilState(mounted.el, 'completed');
    expect(minted).to.have.length(1);
    const log = await requestsOf(taskId);
    expect(log.map((r) => r.url)).to.deep.equal([
      `/tasks/${taskId}/status`,
      `/tasks/${taskId}/status`,
      `/tasks/${taskId}/status`,
      `/tasks/${taskId}/results`,
    ]);
    expect(log.map((r) => r.authorization)).to.deep.equal([
      `Bearer ${publicAccessToken}`,
      `Bearer ${publicAccessToken}`,
      `Bearer ${minted[0]}`,
      `Bearer ${minted[0]}`,
    ]);
    expect(statesOf(mounted)).to.deep.equal(['pending', 'completed']);
  });

  it('gives up with unauthorized when the new token is refused too', async () => {
    const { taskId, publicAccessToken } = await createTask({ tokenUses: 1, status: [pending] });
    let calls = 0;
    const tokenProvider = async () => {
      calls++;
      return 'pat_also_refused';
    };
    const watching = watchedClock();
    const mounted = await mount({ taskId, publicAccessToken, tokenProvider });
    await untilFirstStatus(mounted.el);
    await watching.env.advance(MAX_INTERVAL); // to the second poll, which is refused
    await until(() => errorsOf(mounted).length > 0, 'a task-error');
    expect(errorsOf(mounted)).to.deep.equal([['unauthorized', 401, false]]);
    await mounted.el.updateComplete;
    expect(mounted.el.state).to.equal('error');
    expect(mounted.el.error).to.include({ code: 'unauthorized', httpStatus: 401 });
    await expectNoMoreRequests(watching);
    expect(calls).to.equal(1);
    expect(errorsOf(mounted)).to.have.length(1);
    expect((await requestsOf(taskId)).map((r) => r.authorization)).to.deep.equal([
      `Bearer ${publicAccessToken}`,
      `Bearer ${publicAccessToken}`,
      'Bearer pat_also_refused',
    ]);
  });

  it('asks the tokenProvider in the background when the JWT expires within 30 s, polling on with it meanwhile', async () => {
    const token = jwt({ sub: 'user?>~\u00ff', exp: Math.floor(Date.now() / 1000) + 20 });
    expect(token.split('.')[1], 'a base64url payload').to.match(/[-_]/);
    const { taskId } = await createTask({
      token,
      status: [{ times: 3, ...pending }, completed],
      results: results(2),
    });
    const minted: string[] = [];
    const tokenProvider = async () => {
      // The current token stays valid until it expires: the new one does not revoke it.
      const fresh = await mintToken(taskId, false);
      minted.push(fresh);
      return fresh;
    };
    const mounted = await mount({ taskId, publicAccessToken: token, tokenProvider, pollInterval: 100 });
    await untilState(mounted.el, 'completed');
    expect(minted).to.have.length(1);
    const sent = (await requestsOf(taskId)).map((r) => r.authorization);
    expect(sent[0], 'the first request does not wait for the provider').to.equal(`Bearer ${token}`);
    expect(sent.at(-1)).to.equal(`Bearer ${minted[0]}`);
  });

  it('does not ask the tokenProvider before every poll when its JWTs are short-lived too', async () => {
    const shortLived = () => jwt({ sub: 'user', exp: Math.floor(Date.now() / 1000) + 20 });
    const token = shortLived();
    const { taskId } = await createTask({
      token: null,
      status: [{ times: 5, ...pending }, completed],
      results: results(2),
    });
    let calls = 0;
    const tokenProvider = async () => {
      calls++;
      return shortLived();
    };
    const mounted = await mount({ taskId, publicAccessToken: token, tokenProvider });
    await untilState(mounted.el, 'completed');
    expect((await requestsOf(taskId)).length, 'status and results requests').to.equal(7);
    expect(calls).to.equal(1);
  });

  it('keeps a JWT that expires later than 30 s from now', async () => {
    const token = jwt({ sub: 'user', exp: Math.floor(Date.now() / 1000) + 3600 });
    const { taskId } = await createTask({ token, status: [completed], results: results(2) });
    let calls = 0;
    const tokenProvider = async () => {
      calls++;
      return mintToken(taskId);
    };
    const mounted = await mount({ taskId, publicAccessToken: token, tokenProvider });
    await untilState(mounted.el, 'completed');
    expect(calls).to.equal(0);
    expect((await requestsOf(taskId)).map((r) => r.authorization)).to.deep.equal([
      `Bearer ${token}`,
      `Bearer ${token}`,
    ]);
  });
});

describe('404: not-found', () => {
  it('stops at once on a 404 of the status', async () => {
    const watching = watchedClock();
    const mounted = await follow({ status: [{ status: 404, json: { error: 'not found' } }] });
    await untilState(mounted.el, 'error');
    expect(mounted.el.error).to.include({ code: 'not-found', httpStatus: 404 });
    expect(errorsOf(mounted)).to.deep.equal([['not-found', 404, false]]);
    await expectNoMoreRequests(watching);
    expect(await requestsOf(mounted.taskId)).to.have.length(1);
  });

  it('asks /result once when /results answers 404, and shows its images', async () => {
    const mounted = await follow({ status: [completed], result: results(3) });
    await untilState(mounted.el, 'completed');
    expect(parts(mounted.el, 'image')).to.have.length(3);
    expect(mounted.el.images).to.have.length(3);
    expect(errorsOf(mounted)).to.deep.equal([]);
    const { taskId } = mounted;
    expect((await requestsOf(taskId)).map((r) => r.url)).to.deep.equal([
      `/tasks/${taskId}/status`,
      `/tasks/${taskId}/results`,
      `/tasks/${taskId}/result`,
    ]);
  });

  it('stops with not-found when both /results and /result answer 404', async () => {
    const watching = watchedClock();
    const mounted = await follow({ status: [completed] });
    await untilState(mounted.el, 'error');
    expect(mounted.el.error).to.include({ code: 'not-found', httpStatus: 404 });
    expect(errorsOf(mounted)).to.deep.equal([['not-found', 404, false]]);
    await expectNoMoreRequests(watching);
    const { taskId } = mounted;
    expect((await requestsOf(taskId)).map((r) => r.url)).to.deep.equal([
      `/tasks/${taskId}/status`,
      `/tasks/${taskId}/results`,
      `/tasks/${taskId}/result`,
    ]);
  });
});

describe('body not JSON or not the schema: invalid-response', () => {
  it('retries bodies that are not JSON or not the schema, recovers, and never throws', async () => {
    const uncaught = watchUncaught();
    const last = new Error('the last rejection');
    try {
      const mounted = await follow({
        status: [
          { times: 1, body: '<html>Bad gateway</html>' },
          { times: 1, json: { status: 42 } },
          { times: 1, json: { state: 'pending' } },
          { times: 1, ...pending },
          completed,
        ],
        results: [
          { times: 1, json: { images: [{ status: 'succeeded', id: 'img_1', size: '64x64' }] } },
          { times: 1, json: { images: 'none' } },
          { times: 1, body: '{"images": [' },
          ...results(2),
        ],
      });
      await untilState(mounted.el, 'completed');
      expect(errorsOf(mounted).map(([code, , willRetry]) => [code, willRetry])).to.deep.equal(
        Array.from({ length: 6 }, () => ['invalid-response', true]),
      );
      expect(statesOf(mounted)).to.deep.equal(['pending', 'completed']);
      expect(parts(mounted.el, 'image')).to.have.length(2);
      // Unhandled rejections are reported in the order they happen, a task later: once this one
      // is reported, any the element left before it has been too.
      const onPurpose = Promise.reject(last);
      // The test runner logs each unhandled rejection through its promise's `catch`: not this one.
      onPurpose.catch = () => onPurpose;
      await until(() => uncaught.seen.includes(last), 'the last rejection reported');
    } finally {
      uncaught.stop();
    }
    expect(uncaught.seen).to.deep.equal([last]);
  });

  it('gives up with invalid-response after max-retries bad bodies in a row', async () => {
    const watching = watchedClock();
    const mounted = await follow({ status: [{ json: { status: 'done' } }] }, { maxRetries: 1 });
    await untilGivenUp(mounted, watching);
    expect(mounted.el.error?.code).to.equal('invalid-response');
    expect(errorsOf(mounted).map(([code, , willRetry]) => [code, willRetry])).to.deep.equal([
      ['invalid-response', true],
      ['invalid-response', false],
    ]);
    await expectNoMoreRequests(watching);
    expect(await requestsOf(mounted.taskId)).to.have.length(2);
  });
});

describe('timeout: the task took too long', () => {
  it('gives up with timeout while the task stays pending, and sends nothing more', async () => {
    const watching = watchedClock();
    // The next poll is due after the task's timeout: the first status is the only request.
    const mounted = await follow(
      { status: [pending] },
      { timeout: 300, pollInterval: 1000, maxPollInterval: 1000 },
    );
    await untilFirstStatus(mounted.el);
    await watching.env.advance(300);
    await untilState(mounted.el, 'error');
    expect(mounted.el.error?.code).to.equal('timeout');
    expect(mounted.events.filter((e) => e.type === 'task-error')).to.have.length(1);
    expect(errorsOf(mounted)).to.deep.equal([['timeout', null, false]]);
    expect(watching.sent).to.have.length(1);
    await expectNoMoreRequests(watching);
    expect(statesOf(mounted)).to.deep.equal(['pending', 'error']);
  });
});

describe('unsafe URLs and server text', () => {
  const png =
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
  const payload = '<img src=x onerror=alert(1)>';

  it('shows results with unsafe URLs as failed tiles, never in src or href', async () => {
    const blob = URL.createObjectURL(
      new Blob(['<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'], { type: 'image/svg+xml' }),
    );
    const unsafe = [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      ' JavaScript:alert(2)',
    ];
    try {
      const mounted = await follow({
        status: [completed],
        results: [
          {
            json: {
              images: [
                ...unsafe.map((url, i) => ({ status: 'succeeded', id: `bad_${i}`, url })),
                { status: 'succeeded', id: 'png', url: png },
                { status: 'succeeded', id: 'blob', url: blob },
              ],
            },
          },
        ],
      });
      await untilState(mounted.el, 'completed');
      const { el } = mounted;

      const failed = parts(el, 'image-failed');
      expect(failed).to.have.length(3);
      for (const tile of failed) expect(tile.textContent).to.include(defaultStrings.unsafeUrl);
      for (const image of el.images.slice(0, 3))
        expect(image).to.include({ status: 'failed', code: 'unsafe-url' });

      const images = parts(el, 'image') as HTMLImageElement[];
      expect(images.map((img) => img.getAttribute('src'))).to.deep.equal([png, blob]);
      const links = [...shadow(el).querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([png, blob]);
      for (const node of shadow(el).querySelectorAll('*')) {
        for (const attr of node.attributes) {
          expect(attr.value, `${node.localName}[${attr.name}]`).to.not.match(/javascript:|data:text/i);
        }
      }
      expect(mounted.details<TaskCompleteDetail>('task-complete')[0].urls).to.deep.equal([png, blob]);
    } finally {
      URL.revokeObjectURL(blob);
    }
  });

  it("renders a failed image's error as text", async () => {
    const mounted = await follow({
      status: [completed],
      results: [
        {
          json: {
            images: [
              { status: 'failed', error: payload },
              { status: 'failed', error: { message: payload } },
            ],
          },
        },
      ],
    });
    await untilState(mounted.el, 'completed');
    const failed = parts(mounted.el, 'image-failed');
    expect(failed).to.have.length(2);
    for (const tile of failed) {
      const texts = [...tile.querySelectorAll('*')].map((node) => node.textContent.trim());
      expect(texts).to.include(payload);
    }
    expect(shadow(mounted.el).querySelectorAll('img')).to.have.length(0);
    expect(shadow(mounted.el).querySelector('[onerror]')).to.equal(null);
  });

  it("renders a failed task's error message as text", async () => {
    const mounted = await follow({ status: [{ json: { status: 'failed', error: payload } }] });
    await untilState(mounted.el, 'failed');
    const [error] = parts(mounted.el, 'error');
    expect(error.textContent.trim()).to.equal(payload);
    expect(mounted.details<TaskFailedDetail>('task-failed')[0].error?.message).to.equal(payload);
    expect(shadow(mounted.el).querySelectorAll('img')).to.have.length(0);
    expect(shadow(mounted.el).querySelector('[onerror]')).to.equal(null);
  });
});

describe('the token', () => {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;

  function show(value: unknown): string {
    if (value instanceof Error) return `${value.message} ${value.stack ?? ''}`;
    if (typeof value === 'string') return value;
    try {
      return `${String(value)} ${JSON.stringify(value)}`;
    } catch {
      return String(value);
    }
  }

  it('goes only in the Authorization header: never in a URL, an event, the DOM or the console', async () => {
    const printed: string[] = [];
    const originals = methods.map((method) => console[method]);
    methods.forEach((method, i) => {
      console[method] = (...args: unknown[]) => {
        printed.push(args.map(show).join(' '));
        originals[i].apply(console, args);
      };
    });
    const resourcesBefore = performance.getEntriesByType('resource').length;
    try {
      const good = await follow({
        status: [{ times: 1, status: 500 }, { times: 1, ...pending }, completed],
        results: results(2),
      });
      await untilState(good.el, 'completed');
      expect(errorsOf(good)).to.deep.equal([['http', 500, true]]);

      const refusedToken = 'pat_refused_f00dcafe';
      const { taskId: refusedId } = await createTask({ status: [pending] });
      const refused = await mount({ taskId: refusedId, publicAccessToken: refusedToken });
      await untilState(refused.el, 'error');
      expect(errorsOf(refused)).to.deep.equal([['unauthorized', 401, false]]);

      const runs = [
        { ...good, token: good.publicAccessToken },
        { ...refused, taskId: refusedId, token: refusedToken },
      ];
      const resources = performance
        .getEntriesByType('resource')
        .slice(resourcesBefore)
        .map((entry) => decodeURIComponent(entry.name));
      for (const { el, taskId, token, events } of runs) {
        const log = await requestsOf(taskId);
        expect(log).to.have.length.above(0);
        for (const request of log) {
          expect(decodeURIComponent(request.url)).to.not.include(token);
          expect(request.authorization).to.equal(`Bearer ${token}`);
        }
        for (const name of resources) expect(name).to.not.include(token);
        expect(events).to.have.length.above(0);
        for (const event of events) expect(JSON.stringify(event.detail), event.type).to.not.include(token);
        expect(el.hasAttribute('public-access-token')).to.equal(false);
        expect(el.outerHTML).to.not.include(token);
        expect(shadow(el).innerHTML).to.not.include(token);
        expect(printed.join('\n')).to.not.include(token);
      }
    } finally {
      methods.forEach((method, i) => {
        console[method] = originals[i];
      });
    }
  });
});

describe('Mynth wire format', () => {
  const image = (n: number) => `${mockApiUrl}/__mock/images/${n}.svg?w=64`;

  it('reads wrapped bodies, "success", mynth_url, absent and unknown fields, and size', async () => {
    const mounted = await follow({
      status: [
        { times: 1, json: { data: { status: 'pending' } } },
        { json: { data: { status: 'completed' } } },
      ],
      results: [
        {
          json: {
            data: {
              images: [
                {
                  status: 'success',
                  url: null,
                  mynth_url: image(1),
                  size: '1024x1024',
                  providerId: 'prov_1',
                  content_rating: 'safe',
                },
                {
                  status: 'succeeded',
                  url: image(2),
                  providerId: 'prov_2',
                  content_rating: { adult: false },
                },
              ],
            },
          },
        },
      ],
    });
    await untilState(mounted.el, 'completed');
    expect(errorsOf(mounted)).to.deep.equal([]);
    expect(statesOf(mounted)).to.deep.equal(['pending', 'completed']);
    expect(mounted.details('task-state-change')[1]).to.include({ status: 'completed' });

    const images = parts(mounted.el, 'image') as HTMLImageElement[];
    expect(images.map((img) => img.getAttribute('src'))).to.deep.equal([image(1), image(2)]);
    expect(images[0].getAttribute('width')).to.equal('1024');
    expect(images[0].getAttribute('height')).to.equal('1024');
    expect(images[1].hasAttribute('width')).to.equal(false);
    expect(mounted.el.images.map((img) => img.status)).to.deep.equal(['succeeded', 'succeeded']);
    expect(mounted.details<TaskCompleteDetail>('task-complete')[0].urls).to.deep.equal([image(1), image(2)]);
  });

  it('reads a wrapped failed status with its error message', async () => {
    const mounted = await follow({
      status: [{ json: { data: { status: 'failed', error: 'Out of credits' } } }],
    });
    await untilState(mounted.el, 'failed');
    expect(mounted.details<TaskFailedDetail>('task-failed')[0]).to.deep.include({ state: 'failed' });
    expect(parts(mounted.el, 'error')[0].textContent.trim()).to.equal('Out of credits');
    expect(errorsOf(mounted)).to.deep.equal([]);
  });
});
