'use client';
import { useState } from 'react';
import { TaskProgress } from 'task-progress/react';

type Props = { taskId: string; publicAccessToken: string; baseUrl: string };

export function WrappedGeneration({ taskId, publicAccessToken, baseUrl }: Props) {
  const [urls, setUrls] = useState<string[]>();
  return (
    <>
      <TaskProgress
        taskId={taskId}
        publicAccessToken={publicAccessToken}
        baseUrl={baseUrl}
        pollInterval={300}
        onTaskComplete={(event) => setUrls(event.detail.urls)}
      />
      {urls && <p data-complete={urls.length}>complete: {urls.length} images</p>}
    </>
  );
}
