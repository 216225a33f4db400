// Server-side rendering: the built package imports in Node without a DOM, and Lit SSR renders the
// element's idle state. Runs on dist/, after `npm run build`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

describe('in Node, without a DOM', () => {
  it('imports the class entry and the define entry without throwing', async () => {
    const main = await import('task-progress');
    assert.equal(typeof main.TaskProgress, 'function');
    await import('task-progress/define');
    await import('task-progress/define'); // a second import is harmless
    // Lit's Node build provides a minimal customElements registry.
    assert.equal(globalThis.customElements.get('task-progress'), main.TaskProgress);
  });

  it('renders the idle state with Lit SSR, token never in the output', async () => {
    await import('task-progress/define');
    const { render } = await import('@lit-labs/ssr');
    const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
    const { html } = await import('lit');
    const markup = await collectResult(
      render(html`<task-progress task-id="tsk_1" .publicAccessToken=${'pat_secret'}></task-progress>`),
    );
    assert.match(markup, /<task-progress[^>]*task-id="tsk_1"/);
    assert.match(markup, /<template shadowroot(mode)?="open"/);
    assert.match(markup, /part="status"/);
    assert.doesNotMatch(markup, /pat_secret/);
  });
});
