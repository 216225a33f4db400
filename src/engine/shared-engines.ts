// Hands out one engine per adapter, base URL and task id on the page, and forgets an engine once
// nothing has subscribed to it for a moment (an element moved in the DOM subscribes again at once,
// and finds its task as it left it).
import type { TaskAdapter } from '../types.js';
import type { FollowEnvironment } from './environment.js';
import { FollowEngine } from './follow-engine.js';

const engines = new Map<string, FollowEngine>();
const adapterIds = new WeakMap<TaskAdapter, number>();
let nextAdapterId = 0;

function adapterId(adapter: TaskAdapter): number {
  let id = adapterIds.get(adapter);
  if (id === undefined) adapterIds.set(adapter, (id = nextAdapterId++));
  return id;
}

/** The key of the engine that follows `taskId` at `baseUrl` through `adapter`. */
export function engineKey(adapter: TaskAdapter, baseUrl: string, taskId: string): string {
  return JSON.stringify([adapterId(adapter), baseUrl, taskId]);
}

/**
 * The page's engine for this task, created on first use; or `previous`, an engine this function
 * gave for the same task and forgot since, so that an element moved back finds its task as it left it.
 */
export function sharedEngine(
  env: FollowEnvironment,
  adapter: TaskAdapter,
  baseUrl: string,
  taskId: string,
  previous?: FollowEngine,
): FollowEngine {
  const key = engineKey(adapter, baseUrl, taskId);
  let engine = engines.get(key);
  if (!engine && previous) engines.set(key, (engine = previous));
  if (!engine) {
    const created: FollowEngine = new FollowEngine(env, adapter, taskId, baseUrl, () =>
      env.setTimeout(() => {
        if (engines.get(key) === created && !created.subscribed) engines.delete(key);
      }, 0),
    );
    engines.set(key, (engine = created));
  }
  return engine;
}
