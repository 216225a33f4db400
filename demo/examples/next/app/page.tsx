// A Server Component: the app's server starts the task (here on the mock task API) and hands the
// client components only the task's id and token. Each request starts a new task.
import { connection } from 'next/server';
import { quickTask } from '../../../../mock/scenarios.js';
import { Generation } from './generation';
import { WrappedGeneration } from './wrapped-generation';

/** The mock task API's origin, where the page's server starts tasks and the element follows them. */
const apiBase = process.env.MOCK_API ?? 'http://127.0.0.1:8787';

async function startTask() {
  const response = await fetch(`${apiBase}/__mock/tasks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(quickTask(apiBase, 0)),
  });
  if (!response.ok) throw new Error(`The mock answered ${response.status}.`);
  return (await response.json()) as { taskId: string; publicAccessToken: string };
}

export default async function Page() {
  await connection();
  const [task, wrappedTask] = await Promise.all([startTask(), startTask()]);
  return (
    <main>
      <h1>Next.js</h1>
      <section data-case="element">
        <h2>The element, listeners in an effect</h2>
        <Generation {...task} baseUrl={apiBase} />
      </section>
      <section data-case="wrapper">
        <h2>The wrapper</h2>
        <WrappedGeneration {...wrappedTask} baseUrl={apiBase} />
      </section>
    </main>
  );
}
