import { expect } from '@open-wc/testing';
import { mynthResults } from '../mock/bodies.js';
import { mockApiUrl } from './helpers/mock-api.js';
import { completed, follow, parts, pending, untilState } from './helpers/element.js';

describe('<task-progress> with mynth', () => {
  it('follows a task to completed and renders its images', async () => {
    const { el, details } = await follow({
      status: [{ times: 2, ...pending }, completed],
      results: [{ json: mynthResults(mockApiUrl, 4) }],
    });
    await untilState(el, 'completed');
    expect(parts(el, 'image')).to.have.length(4);
    expect(details('task-state-change').map((d) => d.state)).to.deep.equal(['pending', 'completed']);
  });
});
