// The zero-JS start when its module cannot be loaded (docs/behaviour.md, "Zero-JS start"): the
// test server answers 503 for it. A submit is still prevented, the start fails as a start does
// (`start-failed`), no button is left disabled, and Retry tries again. A module that failed stays
// failed for the page in some engines' module maps, so this file is a page of its own.
import { expect, fixture, html } from '@open-wc/testing';
import { completed, parts, pending, recordEvents, results, untilState } from './helpers/element.js';
import { createTask, mockApiUrl, requestsOf } from './helpers/mock-api.js';
import { until } from './helpers/until.js';

const failModules = (method: 'POST' | 'DELETE') => fetch('/__fail-modules', { method });

/**
 * Firefox keeps a module whose fetch failed in the page's module map: importing it again fails at
 * once, until the page is reloaded. Chromium and WebKit fetch it again.
 */
const failureKept = /Firefox/.test(navigator.userAgent);

describe('the zero-JS start when its module fails to load', () => {
  afterEach(() => failModules('DELETE'));

  it('is a failed start with its buttons enabled, and Retry tries again (and sends it, but in Firefox)', async () => {
    await failModules('POST');
    const task = await createTask({ status: [{ times: 1, ...pending }, completed], results: results(1) });
    const { taskId: endpointId } = await createTask({ token: null, start: [{ json: task }] });
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <form id="gen">
          <input name="prompt" value="A fox" />
          <button>Generate</button>
        </form>
      </div>
    `);
    const el = document.createElement('task-progress');
    el.setAttribute('form', 'gen');
    el.setAttribute('start-url', `${mockApiUrl}/start/${endpointId}`);
    Object.assign(el, { baseUrl: mockApiUrl, pollInterval: 50 });
    const events = recordEvents(el);
    container.append(el);
    const prevented: boolean[] = [];
    const seen = (event: Event) => {
      prevented.push(event.defaultPrevented);
      event.preventDefault();
    };
    window.addEventListener('submit', seen);
    try {
      container.querySelector('button')?.click();
    } finally {
      window.removeEventListener('submit', seen);
    }
    expect(prevented).to.deep.equal([true]);

    await untilState(el, 'error');
    expect(el.error).to.deep.include({
      code: 'start-failed',
      message: 'The generation could not be started.',
    });
    expect(parts(el, 'retry-button')).to.have.length(1);
    expect((container.querySelector('button') as HTMLButtonElement).disabled).to.equal(false);
    expect(await requestsOf(endpointId)).to.deep.equal([]);

    await failModules('DELETE');
    el.retry();
    expect(el.state).to.equal('pending');
    if (failureKept) {
      const failures = () =>
        events.filter(
          (event: CustomEvent<{ state?: string }>) =>
            event.type === 'task-state-change' && event.detail.state === 'error',
        ).length;
      await until(() => failures() === 2, 'the retried start failed again');
      expect(el.error?.code).to.equal('start-failed');
      expect((container.querySelector('button') as HTMLButtonElement).disabled).to.equal(false);
      expect(await requestsOf(endpointId)).to.deep.equal([]);
      return;
    }
    await until(
      () => events.some((event) => event.type === 'task-start'),
      'the start, once its module loaded',
    );
    const bodies = (await requestsOf(endpointId)).map((request): unknown =>
      JSON.parse(request.body ?? 'null'),
    );
    expect(bodies).to.deep.equal([{ prompt: 'A fox' }]);
    expect(el.taskId).to.equal(task.taskId);
  });
});
