// Reading back the task kept for `remember-task` (docs/behaviour.md, "Resuming after a reload"),
// written by the element itself (remember-task.ts). Loaded beside the element's module the first
// time an element with the attribute connects with no task of its own, not bundled into the
// self-contained file: it imports nothing.
import type { RememberedTask } from './remember-task.js';

/**
 * The task kept under `key`, or undefined. Written by this page's scripts too, so each field is
 * checked before it is followed, and a task kept for another API origin than `baseUrl` (the
 * element's own, without a trailing slash) is not: its token would go there. Storage that throws
 * is no task.
 */
export function recall(key: string, baseUrl: string): RememberedTask | undefined {
  try {
    const task = JSON.parse(sessionStorage.getItem(key) ?? 'null') as RememberedTask | null;
    const fields = [task?.taskId, task?.provider, task?.baseUrl, task?.token ?? ''];
    if (
      task &&
      fields.every((field) => typeof field === 'string') &&
      Number.isFinite(task.startedAt) &&
      task.baseUrl.replace(/\/+$/, '') === baseUrl
    )
      return task;
  } catch {
    // Storage refused, or not JSON: nothing to follow on.
  }
  return undefined;
}
