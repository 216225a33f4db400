'use client';
import { useEffect, useRef, useState } from 'react';
import type { TaskCompleteEvent, TaskProgress } from 'task-progress';
import 'task-progress/define';
import type {} from 'task-progress/react-jsx';

type Props = { taskId: string; publicAccessToken: string; baseUrl: string };

export function Generation({ taskId, publicAccessToken, baseUrl }: Props) {
  const ref = useRef<TaskProgress>(null);
  const [urls, setUrls] = useState<string[]>();

  // Server-rendered: React 19 attaches no `ontask-complete` prop while it hydrates, so listen here;
  // and the token and the task as properties, which never reach the HTML.
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onComplete = (event: TaskCompleteEvent) => setUrls(event.detail.urls);
    element.addEventListener('task-complete', onComplete);
    element.publicAccessToken = publicAccessToken;
    element.taskId = taskId;
    return () => element.removeEventListener('task-complete', onComplete);
  }, [taskId, publicAccessToken]);

  return (
    <>
      <task-progress ref={ref} base-url={baseUrl} poll-interval={300} />
      {urls && <p data-complete={urls.length}>complete: {urls.length} images</p>}
    </>
  );
}
