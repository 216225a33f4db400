// The package's main entry: the element class and its types, with no side effect.
// Import `task-progress/define` (or load task-progress.min.js) to register the tag.
export { providers } from './adapters/providers.js';
export { TaskProgress } from './task-progress.js';
export { mindproxyAdapter } from './adapters/mindproxy.js';
export { mynthAdapter } from './adapters/mynth.js';
export { TaskApiError } from './errors.js';
export * from './events.js';
export { defaultStrings, type TaskProgressStrings, type TaskProgressStringsOverride } from './strings.js';
export type * from './types.js';
