// Mounting <task-progress> in tests: small intervals, the mock API's origin, and a recorder of every
// event the element fires, attached before it connects so no event is missed; then waiting on the
// element's state or on the requests the mock received.
import { fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { type TaskProgress, type TaskState, taskEventTypes } from '../../src/index.js';
import { mynthResults } from '../../mock/bodies.js';
import type { LoggedRequest, MockStep, Scenario } from '../../mock/types.js';
import { createTask, mockApiUrl, requestsOf, statusOf } from './mock-api.js';
import { type UntilOptions, until } from './until.js';

export const EVENT_TYPES = taskEventTypes;

type Settable = Partial<Omit<TaskProgress, 'state' | 'images' | 'error' | keyof HTMLElement>>;

export interface Mounted {
  el: TaskProgress;
  /** Every event fired, in order. */
  events: CustomEvent[];
  /** The details of the events of one type, in order. */
  details<T = Record<string, unknown>>(type: (typeof EVENT_TYPES)[number]): T[];
}

/** Records every event `el` fires, in order; attach it before `el` connects so none is missed. */
export function recordEvents(el: TaskProgress): CustomEvent[] {
  const events: CustomEvent[] = [];
  for (const type of EVENT_TYPES) el.addEventListener(type, (event) => events.push(event as CustomEvent));
  return events;
}

/** Creates an element with `props` (fast polling against the mock by default) and connects it. */
export async function mount(props: Settable = {}, parent?: HTMLElement): Promise<Mounted> {
  const container = parent ?? (await fixture<HTMLDivElement>(html`<div></div>`));
  const el = document.createElement('task-progress');
  Object.assign(el, { baseUrl: mockApiUrl, pollInterval: 50, maxPollInterval: 200, ...props });
  const events = recordEvents(el);
  container.append(el);
  await el.updateComplete;
  return {
    el,
    events,
    details: <T>(type: string) => events.filter((e) => e.type === type).map((e) => e.detail as T),
  };
}

/** Creates a task on the mock and an element following it (in `parent`, else in a new container). */
export async function follow(scenario: Scenario, props: Settable = {}, parent?: HTMLElement) {
  const task = await createTask(scenario);
  const mounted = await mount(
    { taskId: task.taskId, publicAccessToken: task.publicAccessToken, ...props },
    parent,
  );
  return { ...mounted, ...task };
}

/**
 * Waits for the element to show the task's first status (its phase no longer "Starting"): the first
 * answer is read, and the next poll, if any, is a timer.
 */
export async function untilFirstStatus(el: TaskProgress) {
  await until(
    () => el.state === 'pending' && parts(el, 'phase')[0]?.textContent?.trim() !== 'Starting',
    'first status',
  );
  await el.updateComplete;
}

/** Waits for the element to reach `state`, and for the render of it. */
export async function untilState(el: TaskProgress, state: TaskState, options?: UntilOptions) {
  await until(() => el.state === state, `expected state ${state}, is ${el.state}`, options);
  await el.updateComplete;
}

/** The element's shadow root, for looking at what it rendered. */
export function shadow(el: TaskProgress): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

/** The elements of a part in the shadow root. */
export function parts(el: TaskProgress, name: string): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

export const pending = { json: { status: 'pending' } };
export const completed = { json: { status: 'completed' } };
/** The results step of a mynth task: `count` images drawn by the mock (`options` as for `mynthResults`). */
export const results = (count: number, options?: Parameters<typeof mynthResults>[2]): MockStep[] => [
  { json: mynthResults(mockApiUrl, count, options) },
];

export interface UntilRequestsOptions {
  /** Which requests of the log count: status requests unless told. */
  which?: (log: LoggedRequest[]) => LoggedRequest[];
  /**
   * Runs between checks, for wake-ups that only count once the element is waiting (a request may
   * still be in flight when the wait begins).
   */
  poke?: () => void;
}

/** Waits until the mock has received `count` requests of a task that `which` keeps; resolves the whole log. */
export async function untilRequests(
  taskId: string,
  count: number,
  { which = statusOf, poke }: UntilRequestsOptions = {},
) {
  let log: LoggedRequest[] = [];
  await until(
    async () => {
      log = await requestsOf(taskId);
      if (which(log).length >= count) return true;
      poke?.();
      return false;
    },
    `expected ${count} ${which === statusOf ? 'status ' : ''}requests of ${taskId}`,
  );
  return log;
}
