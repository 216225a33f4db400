// The element's options as the engine takes them.
import { mindproxyAdapter } from './adapters/mindproxy.js';
import { mynthAdapter } from './adapters/mynth.js';
import type { FollowTarget } from './follow-controller.js';
import type { TaskAdapter } from './types.js';

/** The built-in API dialects, by `provider` value. */
export const providers: Record<string, TaskAdapter> = { mynth: mynthAdapter, mindproxy: mindproxyAdapter };

/** A numeric option as set, or its default when it is not a finite number (`"abc"`, empty). */
export type NumericOption = 'pollInterval' | 'maxPollInterval' | 'timeout' | 'maxRetries';

/** The options an element is set with, as far as following goes. */
export type FollowSettings = Record<NumericOption, number> & {
  taskId: string | undefined;
  publicAccessToken: string | undefined;
  provider: string;
  baseUrl: string | undefined;
  adapter: TaskAdapter | undefined;
  tokenProvider: (() => Promise<string>) | undefined;
  pollWhenHidden: boolean;
  showEvents: boolean;
  expectedDuration: number | undefined;
  durationKey: string;
  rememberDurations: boolean;
};

/** The options as the engine takes them; numbers that are not finite take their default. */
export function followTarget(
  settings: FollowSettings,
  defaults: Record<NumericOption, number>,
  unsafeUrlMessage: string,
): FollowTarget {
  // Own keys only: `provider="constructor"` names no provider, not a member of Object's prototype.
  const named = Object.hasOwn(providers, settings.provider) ? providers[settings.provider] : undefined;
  const adapter = settings.adapter ?? named ?? mynthAdapter;
  const number = (name: NumericOption) => (Number.isFinite(settings[name]) ? settings[name] : defaults[name]);
  const baseUrl = (settings.baseUrl || adapter.defaultBaseUrl || '').replace(/\/+$/, '');
  const source = settings.adapter ? 'adapter' : settings.provider;
  return {
    taskId: settings.taskId || undefined,
    adapter,
    baseUrl,
    token: settings.publicAccessToken || undefined,
    tokenProvider: settings.tokenProvider,
    pollInterval: number('pollInterval'),
    maxPollInterval: number('maxPollInterval'),
    timeout: settings.timeout === Infinity ? 0 : number('timeout'),
    maxRetries: number('maxRetries'),
    pollWhenHidden: settings.pollWhenHidden,
    showEvents: settings.showEvents,
    expectedDuration: settings.expectedDuration,
    durationKind: JSON.stringify([source, baseUrl, settings.durationKey ?? '']),
    rememberDurations: settings.rememberDurations,
    unsafeUrlMessage,
  };
}
