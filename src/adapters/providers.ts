// The built-in API dialects, by the element's `provider` value.
import type { TaskAdapter } from '../types.js';
import { mindproxyAdapter } from './mindproxy.js';
import { mynthAdapter } from './mynth.js';

export const providers: Record<string, TaskAdapter> = { mynth: mynthAdapter, mindproxy: mindproxyAdapter };

/** The adapter of `provider`; `mynth` for any other value. */
export const providerAdapter = (provider: string): TaskAdapter =>
  // Own keys only: `provider="constructor"` names no provider, not a member of Object's prototype.
  (Object.hasOwn(providers, provider) ? providers[provider] : undefined) ?? mynthAdapter;
