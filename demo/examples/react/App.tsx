import { useEffect, useState } from 'react';
// React 19 renders <task-progress> itself: register the tag, and add it to React's JSX types.
import 'task-progress/define';
import type {} from 'task-progress/react-jsx';
// The wrapper (React 18 and 19): typed props and on… event props; importing it registers the tag.
import { TaskProgress } from 'task-progress/react';
import { apiBase, startTask, type StartedTask } from '../shared/mock-task.js';

function Result({ urls }: { urls: string[] | undefined }) {
  if (!urls) return null;
  return <p data-complete={urls.length}>complete: {urls.length} images</p>;
}

export function App() {
  const [task, setTask] = useState<StartedTask>();
  const [nativeUrls, setNativeUrls] = useState<string[]>();
  const [wrapperUrls, setWrapperUrls] = useState<string[]>();

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
      <h1>React 19</h1>
      <section data-case="native">
        <h2>The element</h2>
        <task-progress
          task-id={task.taskId}
          public-access-token={task.publicAccessToken}
          base-url={apiBase}
          poll-interval={300}
          ontask-complete={(event) => setNativeUrls(event.detail.urls)}
        />
        <Result urls={nativeUrls} />
      </section>
      <section data-case="wrapper">
        <h2>The wrapper</h2>
        <TaskProgress
          taskId={task.taskId}
          publicAccessToken={task.publicAccessToken}
          baseUrl={apiBase}
          pollInterval={300}
          onTaskComplete={(event) => setWrapperUrls(event.detail.urls)}
        />
        <Result urls={wrapperUrls} />
      </section>
    </>
  );
}
