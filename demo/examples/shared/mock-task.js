// Stands in for the app's own server: asks the mock task API for a quick task (two pending polls,
// then four images) and answers only what a server would hand the page.
import { quickTask } from '../../../mock/scenarios.js';

/** @typedef {{ taskId: string, publicAccessToken: string }} StartedTask */

/** The API origin: the mock is mounted on the page's own origin. */
export const apiBase = location.origin;

/** @returns {Promise<StartedTask>} */
export async function startTask() {
  const scenario = quickTask(apiBase, 0);
  const response = await fetch(`${apiBase}/__mock/tasks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(scenario),
  });
  if (!response.ok) throw new Error(`The mock answered ${response.status}.`);
  return /** @type {StartedTask} */ (await response.json());
}
