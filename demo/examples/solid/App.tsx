import { createResource, createSignal, Show } from 'solid-js';
// Register the tag, and add it to Solid's JSX types.
import 'task-progress/define';
import type {} from 'task-progress/solid';
import { apiBase, startTask } from '../shared/mock-task.js';

export function App() {
  const [task] = createResource(startTask);
  const [urls, setUrls] = createSignal<string[]>();

  return (
    <Show when={task()} fallback={<p>Starting a task…</p>}>
      {(started) => (
        <>
          <h1>Solid 1.9</h1>
          <section data-case="solid">
            <task-progress
              task-id={started().taskId}
              public-access-token={started().publicAccessToken}
              base-url={apiBase}
              poll-interval={300}
              on:task-complete={(event) => setUrls(event.detail.urls)}
            />
            <Show when={urls()}>
              {(shown) => <p data-complete={shown().length}>complete: {shown().length} images</p>}
            </Show>
          </section>
        </>
      )}
    </Show>
  );
}
