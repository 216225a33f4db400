/** @jsxImportSource preact */
// Preact: `task-progress/preact` adds the tag to Preact's JSX.
import type { TaskCompleteEvent } from 'task-progress';
import type {} from 'task-progress/preact';

export function Usage({
  taskId,
  token,
  show,
}: {
  taskId: string;
  token: string;
  show: (urls: string[]) => void;
}) {
  return (
    <>
      <task-progress
        task-id={taskId}
        publicAccessToken={token}
        poll-interval={300}
        form="generate"
        ref={(element) => element?.refresh()}
        ontask-complete={(event: TaskCompleteEvent) => show(event.detail.urls)}
      />
      {/* @ts-expect-error: an attribute has its property's type */}
      <task-progress poll-interval={true} />
      {/* @ts-expect-error: `state` is read-only */}
      <task-progress state="failed" />
    </>
  );
}
