// Hands out one `TaskStream` per adapter, base URL and task id on the page, and forgets a stream
// once nothing listens to it.
import type { TaskAdapter } from '../types.js';
import { TaskStream } from './task-stream.js';

const streams = new Map<string, TaskStream>();
const adapterIds = new WeakMap<TaskAdapter, number>();
let nextAdapterId = 0;

function adapterId(adapter: TaskAdapter): number {
  let id = adapterIds.get(adapter);
  if (id === undefined) adapterIds.set(adapter, (id = nextAdapterId++));
  return id;
}

/** The key of the stream that follows `taskId` at `baseUrl` through `adapter`. */
export function streamKey(adapter: TaskAdapter, baseUrl: string, taskId: string): string {
  return JSON.stringify([adapterId(adapter), baseUrl, taskId]);
}

/** The page's stream for this task, created on first use. */
export function acquireStream(adapter: TaskAdapter, baseUrl: string, taskId: string): TaskStream {
  const key = streamKey(adapter, baseUrl, taskId);
  let stream = streams.get(key);
  if (!stream) {
    const created = new TaskStream(adapter, taskId, baseUrl, () => {
      if (streams.get(key) === created) streams.delete(key);
    });
    streams.set(key, (stream = created));
  }
  return stream;
}
