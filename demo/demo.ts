import '../src/define.js';
import { mynthResults } from '../mock/bodies.js';

const element = document.querySelector('task-progress') as HTMLElement;
const start = document.querySelector('#start') as HTMLButtonElement;

start.addEventListener('click', async () => {
  const response = await fetch('/__mock/tasks', {
    method: 'POST',
    body: JSON.stringify({
      status: [{ times: 3, json: { status: 'pending' } }, { json: { status: 'completed' } }],
      results: [{ json: mynthResults(location.origin, 4, { imageDelay: 400 }) }],
    }),
  });
  const { taskId, publicAccessToken } = (await response.json()) as {
    taskId: string;
    publicAccessToken: string;
  };
  element.setAttribute('base-url', location.origin);
  element.setAttribute('public-access-token', publicAccessToken);
  element.setAttribute('task-id', taskId);
});
