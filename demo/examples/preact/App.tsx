/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
// Register the tag, and add it to Preact's JSX types.
import 'task-progress/define';
import type {} from 'task-progress/preact';
import { apiBase, startTask, type StartedTask } from '../shared/mock-task.js';

export function App() {
  const [task, setTask] = useState<StartedTask>();
  const [urls, setUrls] = useState<string[]>();

  useEffect(() => {
    let active = true;
    void startTask().then((started) => active && setTask(started));
    return () => {
      active = false;
    };
  }, []);

  if (!task) return <p>Starting a task…</p>;
  return (
    <>
      <h1>Preact 11</h1>
      <section data-case="preact">
        <task-progress
          task-id={task.taskId}
          publicAccessToken={task.publicAccessToken}
          base-url={apiBase}
          poll-interval={300}
          ontask-complete={(event) => setUrls(event.detail.urls)}
        />
        {urls && <p data-complete={urls.length}>complete: {urls.length} images</p>}
      </section>
    </>
  );
}
