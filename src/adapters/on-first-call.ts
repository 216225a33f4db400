// A built-in adapter whose methods are a module of their own, loaded on the first call of any of
// them: the element's file carries only what the element reads before the first request.
import { onFirstNeed } from '../first-need.js';
import type { TaskAdapter } from '../types.js';
import { builtInAdapter } from './http.js';
import { streamed } from './stream.js';

/** Each of the adapter methods `Name`. */
export type Methods<Name extends keyof TaskAdapter> = Required<Pick<TaskAdapter, Name>>;

/**
 * An adapter with `settings` and the methods `names`, each of which calls its namesake in the
 * module `load` gives, loaded on first need: one that failed to load is asked for again on the next
 * call (the element's Retry); the failure itself is the element's own (`internal`): the element
 * ends in `error` rather than retrying a file that is not there.
 */
export function loadedOnFirstCall<
  Name extends Exclude<keyof TaskAdapter, 'defaultBaseUrl' | 'requiresToken'>,
>(
  settings: Pick<TaskAdapter, 'defaultBaseUrl' | 'requiresToken'>,
  names: readonly Name[],
  load: () => Promise<Methods<Name>>,
): TaskAdapter {
  const loaded = onFirstNeed(load);
  const adapter: Record<string, unknown> = { ...settings };
  for (const name of names) {
    adapter[name] =
      name === 'subscribe'
        ? // Answered at once; the module's subscription starts once it is loaded.
          streamed(async (ctx, emit) =>
            ((await loaded())[name] as Methods<'subscribe'>['subscribe'])(ctx, emit),
          )
        : async (...args: unknown[]) => ((await loaded())[name] as (...rest: unknown[]) => unknown)(...args);
  }
  return builtInAdapter(adapter as unknown as TaskAdapter);
}
