// The DOM events a change of what the element shows calls for (docs/behaviour.md, "Events"),
// derived from what it rendered before and what it renders now, so that each is told once, after
// the element shows it.
import type { FollowSnapshot } from './engine/index.js';
import {
  TaskCompleteEvent,
  TaskErrorEvent,
  TaskEventEvent,
  TaskFailedEvent,
  type TaskProgressEvent,
  TaskStateChangeEvent,
} from './events.js';
import type { TaskState } from './types.js';

/** What the element shows: a task and the engine's snapshot of it (none while idle). */
export interface Shown {
  taskId: string;
  snapshot: FollowSnapshot | undefined;
}

/**
 * The events from `before` to `now`, in the order a listener expects them: the task's own events,
 * a failed request, the new state, then its ending. `told` holds the task ids whose ending was
 * told already: `task-complete` and `task-failed` come once per task id.
 */
export function announcements(
  before: Shown,
  now: Shown,
  told: ReadonlySet<string>,
): TaskProgressEvent<unknown>[] {
  const { taskId, snapshot } = now;
  const sameTask = before.taskId === taskId;
  const previous = sameTask ? before.snapshot : undefined;
  const state: TaskState = snapshot?.state ?? 'idle';
  // A new task starts from idle; a return to idle is told with the state it left.
  const previousState: TaskState = sameTask || state === 'idle' ? (before.snapshot?.state ?? 'idle') : 'idle';
  const events: TaskProgressEvent<unknown>[] = [];
  // Idle, with no snapshot, tells at most its change of state.
  for (const event of snapshot?.events.slice(previous?.events.length ?? 0) ?? [])
    events.push(new TaskEventEvent(event));
  const failure = snapshot?.requestFailure;
  if (failure && failure !== previous?.requestFailure) {
    events.push(new TaskErrorEvent({ taskId, error: failure.error, willRetry: failure.willRetry }));
  }
  if (state !== previousState) {
    events.push(new TaskStateChangeEvent({ taskId, state, previousState, status: snapshot?.status }));
  }
  if (!snapshot || told.has(taskId)) return events;
  if (state === 'completed') {
    const images = [...(snapshot.images ?? [])];
    const urls = images.flatMap((image) => (image.status === 'succeeded' ? [image.url] : []));
    events.push(new TaskCompleteEvent({ taskId, images, urls }));
  } else if (state === 'failed' || state === 'cancelled' || state === 'expired') {
    events.push(new TaskFailedEvent({ taskId, state, error: snapshot.error ?? null }));
  }
  return events;
}
