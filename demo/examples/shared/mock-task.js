// Stands in for the app's own server: asks the mock task API for a quick task (two pending polls,
// then four images) and answers only what a server would hand the page.
import { mynthResults } from '../../../mock/bodies.js';

/** @typedef {{ taskId: string, publicAccessToken: string }} StartedTask */

/** The API origin: the mock is mounted on the page's own origin. */
export const apiBase = location.origin;

/** @returns {Promise<StartedTask>} */
export async function startTask() {
  const scenario = {
    status: [{ times: 2, json: { status: 'pending' } }, { json: { status: 'completed' } }],
    results: [{ json: mynthResults(apiBase, 4) }],
  };
  const response = await fetch(`${apiBase}/__mock/tasks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(scenario),
  });
  if (!response.ok) throw new Error(`The mock answered ${response.status}.`);
  return /** @type {StartedTask} */ (await response.json());
}
