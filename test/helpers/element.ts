// Mounting <task-progress> in tests: small intervals, the mock API's origin, and a recorder of every
// event the element fires, attached before it connects so no event is missed.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { type TaskProgress, type TaskState, taskEventTypes } from '../../src/index.js';
import type { Scenario } from '../../mock/types.js';
import { createTask, mockApiUrl } from './mock-api.js';

export const EVENT_TYPES = taskEventTypes;

type Settable = Partial<Omit<TaskProgress, 'state' | 'images' | 'error' | keyof HTMLElement>>;

export interface Mounted {
  el: TaskProgress;
  /** Every event fired, in order. */
  events: CustomEvent[];
  /** The details of the events of one type, in order. */
  details<T = Record<string, unknown>>(type: (typeof EVENT_TYPES)[number]): T[];
}

/** Creates an element with `props` (fast polling against the mock by default) and connects it. */
export async function mount(props: Settable = {}, parent?: HTMLElement): Promise<Mounted> {
  const container = parent ?? (await fixture<HTMLDivElement>(html`<div></div>`));
  const el = document.createElement('task-progress');
  Object.assign(el, { baseUrl: mockApiUrl, pollInterval: 50, maxPollInterval: 200, ...props });
  const events: CustomEvent[] = [];
  for (const type of EVENT_TYPES) el.addEventListener(type, (event) => events.push(event as CustomEvent));
  container.append(el);
  await el.updateComplete;
  return {
    el,
    events,
    details: <T>(type: string) => events.filter((e) => e.type === type).map((e) => e.detail as T),
  };
}

/** Creates a task on the mock and an element following it. */
export async function follow(scenario: Scenario, props: Settable = {}) {
  const task = await createTask(scenario);
  const mounted = await mount({ taskId: task.taskId, publicAccessToken: task.publicAccessToken, ...props });
  return { ...mounted, ...task };
}

/** Waits for the element to reach `state`, and for the render of it. */
export async function untilState(el: TaskProgress, state: TaskState, timeout = 5000) {
  await waitUntil(() => el.state === state, `expected state ${state}, is ${el.state}`, { timeout });
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
