// The browser tests' handle on the mock task API: create scripted tasks, read what was requested.
import type { LoggedRequest, MockStep, Scenario } from '../../mock/types.js';

/** Origin of the mock task API (another origin than the page), told by the test server. */
export const { mockApiUrl } = (await (await fetch('/__mock-api.json')).json()) as { mockApiUrl: string };

async function control<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${mockApiUrl}/__mock/tasks${path}`, init);
  if (!response.ok) throw new Error(`mock control ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Creates a task on the mock; resolves what a server would hand the page. */
export function createTask(scenario: Scenario) {
  return control<{ taskId: string; publicAccessToken: string }>('', {
    method: 'POST',
    body: JSON.stringify(scenario),
  });
}

/** A start endpoint on the mock (`start-url`) answering `steps`: its URL, and its request log. */
export async function startEndpoint(steps: MockStep[]) {
  const { taskId } = await createTask({ token: null, start: steps });
  return { url: `${mockApiUrl}/start/${taskId}`, requests: () => requestsOf(taskId) };
}

/** Lets the media held back under `?hold=<name>` arrive (and any asked for under that name later). */
export async function releaseHeld(name: string) {
  const response = await fetch(`${mockApiUrl}/__mock/holds/${encodeURIComponent(name)}`, { method: 'POST' });
  if (!response.ok) throw new Error(`mock release ${name}: HTTP ${response.status}`);
}

/** Every request the mock received for a task (preflights excluded), oldest first. */
export function requestsOf(taskId: string) {
  return control<LoggedRequest[]>(`/${taskId}/requests`);
}

/** The status requests (mynth `/status`) of a request log. */
export const statusOf = (log: LoggedRequest[]) => log.filter((r) => r.url.endsWith('/status'));

/** Every status request the mock received for a task, oldest first. */
export async function statusRequestsOf(taskId: string) {
  return statusOf(await requestsOf(taskId));
}

/** Issues a new token for a task; the old one stops working unless `revoke` is false. */
export async function mintToken(taskId: string, revoke = true) {
  const body = await control<{ publicAccessToken: string }>(`/${taskId}/token`, {
    method: 'POST',
    body: JSON.stringify({ revoke }),
  });
  return body.publicAccessToken;
}
