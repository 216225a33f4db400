// A slow network for the zero-JS start (docs/behaviour.md, "Zero-JS start"): the element's own file
// has arrived and the start's module is held back by the test server until the test releases it. A
// submit meanwhile neither navigates nor is lost: it is sent once the module arrives, with the
// fields it had. A module is held from the first time this page asks for it, so this file is a
// page of its own.
import { expect, fixture, html } from '@open-wc/testing';
import { completed, pending, recordEvents, results } from './helpers/element.js';
import { holdModules } from './helpers/beside-modules.js';
import { createTask, mockApiUrl, startEndpoint } from './helpers/mock-api.js';
import { until } from './helpers/until.js';

/** A start endpoint on the mock that answers a new task. */
async function answering() {
  const task = await createTask({ status: [{ times: 1, ...pending }, completed], results: results(1) });
  return { task, ...(await startEndpoint([{ json: task }])) };
}

const bodies = async (endpoint: { requests: () => Promise<{ body?: string }[]> }) =>
  (await endpoint.requests()).map((request): unknown => JSON.parse(request.body ?? 'null'));

/** The element on form `id`, as the page's HTML has it. */
function element(container: HTMLElement, id: string, startUrl: string) {
  const el = document.createElement('task-progress');
  el.setAttribute('form', id);
  el.setAttribute('start-url', startUrl);
  Object.assign(el, { baseUrl: mockApiUrl, pollInterval: 50 });
  container.append(el);
  return el;
}

describe('the zero-JS start while its module is held back', () => {
  /** Whether each submit that reached the window was prevented; the test page never navigates. */
  const prevented: boolean[] = [];
  const seen = (event: Event) => {
    prevented.push(event.defaultPrevented);
    event.preventDefault();
  };

  beforeEach(() => window.addEventListener('submit', seen));
  afterEach(async () => {
    window.removeEventListener('submit', seen);
    await holdModules('DELETE');
  });

  // One test: once the module has arrived, the page has it, and nothing would be held any more.
  it('prevents a submit at once and sends it once, with its fields, when the module arrives', async () => {
    await holdModules('POST');
    const [submitted, cancelled] = await Promise.all([answering(), answering()]);
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <form id="gen">
          <input name="prompt" value="A fox" />
          <button name="action" value="go">Generate</button>
        </form>
        <form id="other"></form>
      </div>
    `);
    const el = element(container, 'gen', submitted.url);
    const other = element(container, 'other', cancelled.url);
    const events = recordEvents(el);
    await Promise.all([el.updateComplete, other.updateComplete]);

    container.querySelector('button')?.click();
    expect(prevented).to.deep.equal([true]);
    // Typed after the submit: not sent.
    (container.querySelector('input') as HTMLInputElement).value = 'A wolf';
    await el.updateComplete;
    expect(el.state).to.equal('pending');
    // A start abandoned while its module is on its way is not sent when it arrives.
    other.start({ prompt: 'never sent' });
    other.cancel();
    expect(other.state).to.equal('idle');
    expect(await bodies(submitted)).to.deep.equal([]);

    await holdModules('DELETE');
    await until(
      () => events.some((event) => event.type === 'task-start'),
      'the start, once its module arrived',
    );
    expect(await bodies(submitted)).to.deep.equal([{ prompt: 'A fox', action: 'go' }]);
    expect(el.taskId).to.equal(submitted.task.taskId);
    await until(() => el.state === 'completed', 'the started task completed');
    expect(events.filter((event) => event.type === 'task-start')).to.have.length(1);
    expect(await bodies(cancelled)).to.deep.equal([]);
    expect(prevented).to.deep.equal([true]);
  });
});
