// The gateway dialect (`provider="mindproxy"`) as the element's file carries it: what the element
// reads before the first request, and each method loading the dialect itself, ./gateway.ts, on
// first call, given what it shares with the other dialect. Only a page that follows a task on the
// gateway loads it.
import { TaskApiError } from '../errors.js';
import type { TaskAdapter } from '../types.js';
import { parseBody, readJson, release, request } from './http.js';
import { mindproxyAssetsSchema, mindproxyEventsSchema, mindproxyTaskSchema } from './mindproxy.schemas.js';
import { type Methods, loadedOnFirstCall } from './on-first-call.js';
import { eventStream } from './stream.js';

const methods = ['getStatus', 'cancel', 'getEvents', 'subscribe'] as const;

/** What ./gateway.ts makes: each of these methods. */
export type GatewayMethods = Methods<(typeof methods)[number]>;

export const mindproxyAdapter: TaskAdapter = loadedOnFirstCall(
  // In a browser, base-url points at the app's own proxy, which adds the gateway key: the key
  // never reaches the page, so no token is required here.
  { defaultBaseUrl: 'https://gateway.mindproxy.ai', requiresToken: false },
  methods,
  () =>
    import('./gateway.js').then(({ gateway }) =>
      gateway({
        request,
        readJson,
        parseBody,
        release,
        eventStream,
        TaskApiError,
        taskSchema: mindproxyTaskSchema,
        assetsSchema: mindproxyAssetsSchema,
        eventsSchema: mindproxyEventsSchema,
      }),
    ),
);
