// The mock API as a page sees it: a real cross-origin server, preflights and all.
import { expect } from '@open-wc/testing';
import { createTask, mockApiUrl, requestsOf } from './helpers/mock-api.js';

describe('mock task API from a page', () => {
  it('is on another origin than the page', () => {
    expect(new URL(mockApiUrl).origin).to.not.equal(location.origin);
  });

  it('accepts a bearer token across origins and logs the request without it in the URL', async () => {
    const { taskId, publicAccessToken } = await createTask({ status: [{ json: { status: 'pending' } }] });
    const response = await fetch(`${mockApiUrl}/tasks/${taskId}/status`, {
      headers: { Authorization: `Bearer ${publicAccessToken}` },
    });
    expect(await response.json()).to.deep.equal({ status: 'pending' });
    const [logged] = await requestsOf(taskId);
    expect(logged.authorization).to.equal(`Bearer ${publicAccessToken}`);
    expect(logged.url).to.equal(`/tasks/${taskId}/status`);
  });

  it('lets the page read Retry-After', async () => {
    const { taskId, publicAccessToken } = await createTask({
      status: [{ status: 429, headers: { 'Retry-After': '3' } }],
    });
    const response = await fetch(`${mockApiUrl}/tasks/${taskId}/status`, {
      headers: { Authorization: `Bearer ${publicAccessToken}` },
    });
    expect(response.status).to.equal(429);
    expect(response.headers.get('Retry-After')).to.equal('3');
  });
});
