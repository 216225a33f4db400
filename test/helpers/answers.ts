// What the scripted API answers: task statuses, results, events and the errors adapters throw.
import { TaskApiError, codeForStatus } from '../../src/errors.js';
import type { ApiTaskState, TaskEventRecord, TaskImage, TaskSnapshot } from '../../src/types.js';
import { Fail } from './fake-adapter.js';

export const pending = (phase = 'processing'): TaskSnapshot => ({ state: 'pending', status: phase, phase });

export const image = (id: string): TaskImage => ({
  status: 'succeeded',
  id,
  url: `https://cdn.example/${id}.png`,
  kind: 'image',
});

/** A status that ends the task (or, for `completed` without images, asks for the results). */
export const ended = (state: Exclude<ApiTaskState, 'pending'>, images?: TaskImage[]): TaskSnapshot => ({
  state,
  status: state,
  images,
  error: state === 'completed' ? undefined : { code: 'task-failed', message: `The task is ${state}.` },
});

export const event = (n: number): TaskEventRecord => ({
  task_event_id: `event-${n}`,
  event_type: 'progress',
  status: n,
  message: `step ${n}`,
  created_at: new Date(n * 1000).toISOString(),
});

/** A failed response with this HTTP status, as the built-in adapters throw it. */
export const httpFailure = (status: number, retryAfterMs?: number) =>
  new Fail(
    new TaskApiError(codeForStatus(status, retryAfterMs !== undefined), `HTTP ${status}`, {
      httpStatus: status,
      retryAfterMs,
    }),
  );

/** A request that never reached the server. */
export const networkFailure = () => new Fail(new TaskApiError('network', 'The network is down.'));

/** An answer that never settles, whatever its signal says. */
export const hang = <T>(): Promise<T> => new Promise<T>(() => {});

/** A promise the test settles when it likes. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}
