// React 19: the element itself (`task-progress/react-jsx`) and the wrapper (`task-progress/react`).
import 'task-progress/define';
import type {} from 'task-progress/react-jsx';
import { TaskProgress } from 'task-progress/react';

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
        poll-interval={300}
        form="generate"
        ref={(element) => element?.refresh()}
        ontask-complete={(event) => show(event.detail.urls)}
      />
      {/* @ts-expect-error: an attribute has its property's type */}
      <task-progress poll-interval={true} />
      {/* @ts-expect-error: `state` is read-only */}
      <task-progress state="failed" />
      <TaskProgress
        taskId={taskId}
        publicAccessToken={token}
        onTaskComplete={(event) => show(event.detail.urls)}
      />
      {/* @ts-expect-error: `state` is read-only */}
      <TaskProgress state="failed" />
    </>
  );
}
