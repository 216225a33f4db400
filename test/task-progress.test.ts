import { expect } from '@open-wc/testing';
import { completed, follow, parts, pending, results, untilState } from './helpers/element.js';

describe('<task-progress> with mynth', () => {
  it('follows a task to completed and renders its images', async () => {
    const { el, details } = await follow({
      status: [{ times: 2, ...pending }, completed],
      results: results(4),
    });
    await untilState(el, 'completed');
    expect(parts(el, 'image')).to.have.length(4);
    expect(details('task-state-change').map((d) => d.state)).to.deep.equal(['pending', 'completed']);
  });
});
