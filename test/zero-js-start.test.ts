// The zero-JS start in a real browser against the mock (docs/behaviour.md, "Zero-JS start"): a
// form and `start-url` start a task, the element follows it; bad answers end in `start-failed`.
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import type { TaskProgress } from '../src/index.js';
import type { MockStep, Scenario } from '../mock/types.js';
import { createTask, startEndpoint, statusRequestsOf } from './helpers/mock-api.js';
import { completed, mount, parts, pending, results, shadow, untilState } from './helpers/element.js';
import { HOUR, fakeClock, realClock } from './helpers/fake-clock.js';
import { countFetches } from './helpers/fetches.js';
import { until } from './helpers/until.js';

afterEach(realClock);
const quick: Scenario = { status: [{ times: 1, ...pending }, completed], results: results(1) };

/** A start endpoint answering a new task of `scenario`, in this spelling. */
async function answering(scenario: Scenario = quick, spelling: 'camel' | 'snake' = 'camel') {
  const task = await createTask(scenario);
  const json =
    spelling === 'camel'
      ? task
      : { task_id: task.taskId, public_access_token: task.publicAccessToken, status: 'queued' };
  return { task, endpoint: await startEndpoint([{ json }]) };
}

/** A page form `gen` with a prompt, two tags and a submit button, in a fresh container. */
async function form(id = 'gen') {
  const container = await fixture<HTMLDivElement>(
    html`<div>
      <form id=${id}>
        <input name="prompt" value="A fox" />
        <input name="tag" value="red" /><input name="tag" value="small" />
        <input type="file" name="file" />
        <button name="action" value="go">Generate</button>
      </form>
    </div>`,
  );
  return { container, form: container.querySelector('form') as HTMLFormElement };
}

/** An element wired to form `gen` and `startUrl`, in `container`. */
async function element(container: HTMLElement, startUrl: string, formId = 'gen') {
  const mounted = await mount({ startUrl }, container);
  mounted.el.setAttribute('form', formId);
  return mounted;
}

const submit = (target: HTMLFormElement) => target.querySelector('button')?.click();
const bodies = async (requests: () => Promise<{ body?: string }[]>) =>
  (await requests()).map((request): unknown => JSON.parse(request.body ?? 'null'));
const errorText = (el: TaskProgress) => parts(el, 'error')[0]?.textContent;
/** The fields of an event's detail that the tests below write down. */
type Summary = { taskId: string; state?: string };

describe('zero-JS start', () => {
  it('posts the form as JSON on submit, follows the answered task and fires task-start', async () => {
    const { task, endpoint } = await answering();
    const { container, form: gen } = await form();
    const { el, events, details } = await element(container, endpoint.url);
    submit(gen);
    await untilState(el, 'completed');
    expect(el.taskId).to.equal(task.taskId);
    const [request] = await endpoint.requests();
    expect(request.method).to.equal('POST');
    expect(request.contentType).to.equal('application/json');
    expect(request.authorization).to.equal(null);
    expect(JSON.parse(request.body ?? '')).to.deep.equal({
      prompt: 'A fox',
      tag: ['red', 'small'],
      action: 'go',
    });
    expect(details('task-start')).to.deep.equal([{ taskId: task.taskId }]);
    const order = events.map(
      (event: CustomEvent<Summary>) => `${event.type}:${event.detail.taskId}:${event.detail.state ?? ''}`,
    );
    expect(order).to.deep.equal([
      'task-state-change::pending',
      `task-start:${task.taskId}:`,
      `task-state-change:${task.taskId}:pending`,
      `task-state-change:${task.taskId}:completed`,
      `task-complete:${task.taskId}:`,
    ]);
    expect(location.hash + location.search).not.to.contain('prompt');
  });

  it('accepts task_id and public_access_token', async () => {
    const { task, endpoint } = await answering(quick, 'snake');
    const { container, form: gen } = await form();
    const { el } = await element(container, endpoint.url);
    submit(gen);
    await untilState(el, 'completed');
    expect(el.taskId).to.equal(task.taskId);
  });

  it('hears a form added after the element, and the form that replaces it', async () => {
    const first = await answering();
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const { el } = await element(container, first.endpoint.url);
    const { form: gen } = await form();
    container.append(gen);
    submit(gen);
    await untilState(el, 'completed');
    expect(el.taskId).to.equal(first.task.taskId);

    const second = await answering();
    el.startUrl = second.endpoint.url;
    const replacement = gen.cloneNode(true) as HTMLFormElement;
    gen.replaceWith(replacement);
    submit(replacement);
    await until(() => el.taskId === second.task.taskId, 'follows the second task');
    await untilState(el, 'completed');
    expect((await first.endpoint.requests()).length).to.equal(1);
  });

  it('disables the submit buttons while starting, shows Starting, then enables them again', async () => {
    const task = await createTask(quick);
    const endpoint = await startEndpoint([{ json: task, delay: 400 }]);
    const { container, form: gen } = await form();
    const spare = document.createElement('button');
    spare.disabled = true;
    gen.append(spare);
    const { el } = await element(container, endpoint.url);
    const button = gen.querySelector('button') as HTMLButtonElement;
    submit(gen);
    await el.updateComplete;
    expect(el.state).to.equal('pending');
    expect(button.disabled).to.equal(true);
    expect(parts(el, 'phase')[0].textContent).to.equal('Starting');
    expect(el.getAttribute('aria-busy')).to.equal('true');
    await until(() => el.taskId === task.taskId, 'started');
    expect(button.disabled).to.equal(false);
    expect(spare.disabled, 'a button the page disabled stays so').to.equal(true);
    await untilState(el, 'completed');
  });

  it('moved mid-start (removed, put back 150 ms later), sends the start again with the same body', async () => {
    const task = await createTask(quick);
    const endpoint = await startEndpoint([{ json: task, delay: 800 }]);
    const { container, form: gen } = await form();
    const { el, details } = await element(container, endpoint.url);
    const button = gen.querySelector('button') as HTMLButtonElement;
    submit(gen);
    await until(async () => (await endpoint.requests()).length === 1, 'the start was sent');
    el.remove();
    await aTimeout(150);
    container.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('pending');
    expect(parts(el, 'phase')[0].textContent).to.equal('Starting');
    expect(button.disabled, 'the buttons are disabled again').to.equal(true);
    await untilState(el, 'completed');
    const [first, second] = await endpoint.requests();
    expect(first.aborted, 'the first start was aborted').to.equal(true);
    expect(JSON.parse(second.body ?? '')).to.deep.equal(JSON.parse(first.body ?? ''));
    expect((await endpoint.requests()).length).to.equal(2);
    expect(details('task-start')).to.deep.equal([{ taskId: task.taskId }]);
    expect(button.disabled).to.equal(false);
  });

  it('moved once its start failed, stays in error with Retry, and sends nothing', async () => {
    const endpoint = await startEndpoint([{ status: 500, json: { error: 'Busy' } }]);
    const { container, form: gen } = await form();
    const { el } = await element(container, endpoint.url);
    submit(gen);
    await untilState(el, 'error');
    el.remove();
    container.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('error');
    expect(parts(el, 'retry-button')).to.have.length(1);
    expect((await endpoint.requests()).length).to.equal(1);
  });

  it('abandons the task it follows on a second submit, and follows the new one', async () => {
    const env = fakeClock();
    const endless = await createTask({ status: [pending] });
    const next = await createTask({ status: [completed], results: results(1) });
    const endpoint = await startEndpoint([{ times: 1, json: endless }, { json: next }]);
    const { container, form: gen } = await form();
    const { el, details } = await element(container, endpoint.url);
    submit(gen);
    await until(async () => (await statusRequestsOf(endless.taskId)).length === 1, 'follows the first');
    await until(() => parts(el, 'phase')[0]?.textContent !== 'Starting', 'the first status shown');
    submit(gen);
    await untilState(el, 'completed');
    expect(el.taskId).to.equal(next.taskId);
    const fetches = countFetches();
    try {
      await env.advance(HOUR); // past every poll the old task would have had
      expect(fetches.urls, 'no more polls of the old task').to.deep.equal([]);
    } finally {
      fetches.restore();
    }
    expect(await statusRequestsOf(endless.taskId)).to.have.length(1);
    expect(details('task-start')).to.deep.equal([{ taskId: endless.taskId }, { taskId: next.taskId }]);
  });

  it('Cancel while starting aborts the start request and goes back to idle, buttons enabled', async () => {
    const endpoint = await startEndpoint([{ json: {}, delay: 30_000 }]);
    const { container, form: gen } = await form();
    const { el, events } = await element(container, endpoint.url);
    el.cancelable = true;
    const signals: (AbortSignal | null | undefined)[] = [];
    const pageFetch = window.fetch;
    window.fetch = (input, init) => {
      signals.push(init?.signal);
      return pageFetch(input, init);
    };
    try {
      submit(gen);
      await el.updateComplete;
      expect(parts(el, 'phase')[0].textContent).to.equal('Starting');
      (parts(el, 'cancel-button')[0] as HTMLButtonElement).click();
      await el.updateComplete;
    } finally {
      window.fetch = pageFetch;
    }
    expect(signals.length, 'one start request').to.equal(1);
    expect(signals[0]?.aborted, 'the start request is aborted').to.equal(true);
    expect(el.state).to.equal('idle');
    expect(el.taskId).to.equal(undefined);
    expect((gen.querySelector('button') as HTMLButtonElement).disabled).to.equal(false);
    expect(
      events.map((event: CustomEvent<Summary>) => `${event.type}:${event.detail.state ?? ''}`),
    ).to.deep.equal(['task-state-change:pending', 'task-cancel:', 'task-state-change:idle']);
  });

  it('start(body) posts the body; start() posts the form', async () => {
    const task = await createTask(quick);
    const endpoint = await startEndpoint([{ json: task }]);
    const { container } = await form();
    const { el } = await element(container, endpoint.url);
    el.start({ prompt: 'From script', n: 2 });
    await untilState(el, 'completed');
    el.start();
    await until(async () => (await endpoint.requests()).length === 2, 'second start');
    expect(await bodies(endpoint.requests)).to.deep.equal([
      { prompt: 'From script', n: 2 },
      { prompt: 'A fox', tag: ['red', 'small'] },
    ]);
  });

  it('resolves a relative start-url against the page, and sends the cookies of the page only there', async () => {
    document.cookie = 'session=abc; path=/';
    const task = await createTask(quick);
    const endpoint = await startEndpoint([{ json: task }]);
    const path = new URL(endpoint.url).pathname;
    const { container, form: gen } = await form();
    const { el } = await element(container, `/same-origin${path}`);
    submit(gen);
    await untilState(el, 'completed');
    el.startUrl = endpoint.url;
    el.start();
    await until(async () => (await endpoint.requests()).length === 2, 'second start');
    const [same, cross] = await endpoint.requests();
    expect(same.cookie).to.contain('session=abc');
    expect(cross.cookie).to.equal(null);
    document.cookie = 'session=; path=/; max-age=0';
  });

  describe('a failed start: state error, start-failed, the server message as text', () => {
    const cases: [string, MockStep, string, number | undefined][] = [
      [
        'a 400 with {error}',
        { status: 400, json: { error: 'A prompt is required.' } },
        'A prompt is required.',
        400,
      ],
      ['a 500 with {message}', { status: 500, json: { message: 'Upstream down' } }, 'Upstream down', 500],
      ['a 503 with text', { status: 503, body: 'Try later' }, 'Try later', 503],
      [
        'an HTML error page',
        { status: 502, body: '<h1>Bad gateway</h1>', headers: { 'Content-Type': 'text/html' } },
        'The generation could not be started.',
        502,
      ],
      [
        'a success in HTML',
        { body: '<!doctype html><p>Thanks', headers: { 'Content-Type': 'text/html' } },
        'The generation could not be started.',
        200,
      ],
      ['a success without JSON', { body: 'ok' }, 'ok', 200],
      [
        'a bad task id',
        { json: { taskId: '..', publicAccessToken: 'pat' } },
        'The generation could not be started.',
        200,
      ],
      ['a missing token', { json: { taskId: 'tsk_x' } }, 'The generation could not be started.', 200],
    ];
    for (const [name, step, message, httpStatus] of cases) {
      it(name, async () => {
        const endpoint = await startEndpoint([step]);
        const { container, form: gen } = await form();
        const { el, details } = await element(container, endpoint.url);
        submit(gen);
        await untilState(el, 'error');
        expect(el.error).to.deep.equal({ code: 'start-failed', message, httpStatus });
        expect(errorText(el)).to.equal(message);
        expect(el.taskId, 'nothing to follow').to.equal(undefined);
        expect(details('task-error')).to.deep.equal([{ taskId: '', error: el.error, willRetry: false }]);
        expect((gen.querySelector('button') as HTMLButtonElement).disabled).to.equal(false);
      });
    }

    it('a network error', async () => {
      const { container, form: gen } = await form();
      const { el } = await element(container, 'http://127.0.0.1:9/start');
      submit(gen);
      await untilState(el, 'error');
      expect(el.error).to.deep.equal({
        code: 'start-failed',
        message: 'The generation could not be started.',
      });
    });

    it('markup in the message stays text', async () => {
      const markup = '<img src=x onerror="window.__pwned=1">';
      const endpoint = await startEndpoint([{ status: 400, json: { error: markup } }]);
      const { container, form: gen } = await form();
      const { el } = await element(container, endpoint.url);
      submit(gen);
      await untilState(el, 'error');
      expect(errorText(el)).to.equal(markup);
      expect(shadow(el).querySelector('img')).to.equal(null);
    });

    it('a start that hangs: the request timeout ends it, on the fake clock', async () => {
      const env = fakeClock();
      try {
        const endpoint = await startEndpoint([{ json: {}, delay: 30_000 }]);
        const { container, form: gen } = await form();
        const { el } = await element(container, endpoint.url);
        submit(gen);
        await until(async () => (await endpoint.requests()).length === 1, 'the start request');
        await env.advance(9_999);
        expect(el.state, 'still starting just before the timeout').to.equal('pending');
        await env.advance(1);
        await untilState(el, 'error');
        expect(el.error).to.deep.equal({ code: 'start-failed', message: 'Timed out.' });
      } finally {
        realClock();
      }
    });

    it('Retry sends the same body again', async () => {
      const task = await createTask(quick);
      const endpoint = await startEndpoint([
        { times: 1, status: 500, json: { error: 'Busy' } },
        { json: task },
      ]);
      const { container, form: gen } = await form();
      const { el, details } = await element(container, endpoint.url);
      submit(gen);
      await untilState(el, 'error');
      (gen.querySelector('input') as HTMLInputElement).value = 'changed meanwhile';
      parts(el, 'retry-button')[0].click();
      await untilState(el, 'completed');
      const [first, second] = await bodies(endpoint.requests);
      expect(second).to.deep.equal(first);
      expect(details('task-retry')).to.deep.equal([{ taskId: '', state: 'error' }]);
    });
  });

  it('Retry after a failed task starts a new one with the same body', async () => {
    const failing = await createTask({ status: [{ json: { status: 'failed', error: 'No.' } }] });
    const next = await createTask(quick);
    const endpoint = await startEndpoint([{ times: 1, json: failing }, { json: next }]);
    const { container, form: gen } = await form();
    const { el } = await element(container, endpoint.url);
    submit(gen);
    await untilState(el, 'failed');
    parts(el, 'retry-button')[0].click();
    await untilState(el, 'completed');
    expect(el.taskId).to.equal(next.taskId);
    const [first, second] = await bodies(endpoint.requests);
    expect(second).to.deep.equal(first);
  });

  it('without start-url, a submit is left to the page', async () => {
    const { container, form: gen } = await form();
    const { el } = await mount({}, container);
    el.setAttribute('form', 'gen');
    let prevented: boolean | undefined;
    container.addEventListener('submit', (event) => {
      prevented = event.defaultPrevented;
      event.preventDefault();
    });
    submit(gen);
    expect(prevented).to.equal(false);
    expect(el.state).to.equal('idle');
  });
});
