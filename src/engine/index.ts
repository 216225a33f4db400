// The engine's front door: everything outside src/engine/ imports the engine from here.
export type { FollowEnvironment, TimerHandle } from './environment.js';
export { DurationHistory, type DurationStore } from './duration-history.js';
export { FollowEngine } from './follow-engine.js';
export { MAX_DELAY, requestTimeout } from './pacing.js';
export { engineKey, sharedEngine } from './shared-engines.js';
export { ENDED_STATES, type EstimatedEnd, type FollowSnapshot, type RequestFailure } from './snapshot.js';
export type { FollowListener, FollowOptions, Subscription } from './subscription.js';
export type { TokenProvider } from './token.js';
