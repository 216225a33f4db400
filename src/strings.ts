// Every visible string, replaceable through the element's `strings` property (a partial object).
import type { SucceededImage, TaskError, TaskState } from './types.js';

/** What a result is: a sentence that names it says which ("video 2 of 4"). */
export type MediaKind = SucceededImage['kind'];

export interface TaskProgressStrings {
  /** What the status region says in each state; it speaks only when this text changes. */
  status: Record<TaskState, string>;
  /** The phase shown while pending, by the adapter's phase key. */
  phases: Record<string, string>;
  progressLabel: string;
  /** Elapsed time while pending, e.g. "1:05". */
  elapsed: (seconds: number) => string;
  /** The time left while the task runs within its estimate. */
  eta: (seconds: number) => string;
  /** Said instead once the task outran its estimate. */
  overrun: string;
  /** While the task waits in the API's queue: by how many tasks are ahead of it, when known. */
  queue: (ahead: number | undefined) => string;
  /** While a retry is scheduled after a failed request, by seconds until it; `busy` when rate-limited. */
  retrying: (seconds: number) => string;
  busy: (seconds: number) => string;
  /** The base of each result's alt text when the element has no `alt`, by the result's kind. */
  generated: Record<MediaKind, string>;
  /** Alt text of result `n` of `total`, from its base (the element's `alt`, else `generated`). */
  imageAlt: (alt: string, n: number, total: number) => string;
  /** A result the API says failed (its reason, the API's own text, shown under it). */
  imageFailed: (n: number, total: number, kind: MediaKind) => string;
  /** A result whose image or video would not load, even from fresh URLs. */
  loadFailed: (n: number, total: number, kind: MediaKind) => string;
  /** Why a result shows as failed when the element refused its URL. */
  unsafeUrl: string;
  /** The error message of a failed start when the server gave none. */
  startFailed: string;
  empty: string;
  /** The heading of the `failed`, `cancelled` and `expired` states. */
  ended: Record<'failed' | 'cancelled' | 'expired', string>;
  endedHint: string;
  /**
   * The message of an error the element reports itself, by error code: a request that did not
   * reach the server, an HTTP status (`http` for every status), an answer it could not read, the
   * element's `timeout`, a refunded task. An error that carries the API's own text shows that text.
   */
  errors: {
    network: string;
    http: (status: number) => string;
    'invalid-response': string;
    timeout: (seconds: number) => string;
    'invalid-task-id': string;
    'cancel-failed': string;
    refunded: string;
  };
  /** What to do next in the `error` state, by error code; `default` for the rest. */
  errorHints: Record<string, string>;
  retry: string;
  cancel: string;
  events: string;
  /** The Download button of result `n` of `total` (`downloadable`). */
  download: (n: number, total: number, kind: MediaKind) => string;
  /** The viewer's buttons (`viewer`). */
  close: string;
  previous: string;
  next: string;
  /** With `notify`: the button that asks to allow notifications, and the note once they are allowed. */
  notifyButton: string;
  notifyNote: string;
  /** The notification's title when the task completed, by the kind of its first result. */
  ready: Record<MediaKind, string>;
}

/** A translation: every string, with each phase and error hint that English has. */
export type Translation = TaskProgressStrings & {
  phases: Record<
    'starting' | 'created' | 'queued' | 'processing' | 'fetching-results' | 'cancelling',
    string
  >;
  errorHints: Record<
    'unauthorized' | 'not-found' | 'invalid-task-id' | 'timeout' | 'internal' | 'default',
    string
  >;
};

const retryIn = (seconds: number) => (seconds ? `Retrying in ${seconds} s` : 'Retrying…');
const capitalized = (word: string) => word[0].toUpperCase() + word.slice(1);

export const defaultStrings: Translation = {
  status: {
    idle: '',
    pending: 'Generating…',
    completed: 'Generation complete.',
    failed: 'Generation failed.',
    cancelled: 'Generation cancelled.',
    expired: 'Generation expired.',
    error: 'Could not follow the generation.',
  },
  phases: {
    starting: 'Starting',
    created: 'Created',
    queued: 'Queued',
    processing: 'Processing',
    'fetching-results': 'Fetching results',
    cancelling: 'Cancelling',
  },
  progressLabel: 'Generation progress',
  elapsed: (seconds) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`,
  eta: (seconds) => `About ${seconds < 60 ? `${seconds} s` : `${Math.round(seconds / 60)} min`} left`,
  overrun: 'Taking longer than usual',
  queue: (ahead) =>
    ahead === undefined
      ? 'In queue'
      : ahead
        ? `${ahead.toLocaleString('en')} ahead of yours`
        : 'Next in line',
  retrying: (seconds) => `Connection problem. ${retryIn(seconds)}`,
  busy: (seconds) => `The service is busy. ${retryIn(seconds)}`,
  generated: { image: 'Generated image', video: 'Generated video' },
  imageAlt: (alt, n, total) => (total > 1 ? `${alt} ${n} of ${total}` : alt),
  imageFailed: (n, total, kind) =>
    total > 1 ? `${capitalized(kind)} ${n} of ${total} failed` : `The ${kind} failed`,
  loadFailed: (n, total, kind) =>
    total > 1
      ? `${capitalized(kind)} ${n} of ${total} could not be loaded`
      : `The ${kind} could not be loaded`,
  unsafeUrl: 'Its address was refused as unsafe.',
  startFailed: 'The generation could not be started.',
  empty: 'The task finished without any images.',
  ended: {
    failed: 'The generation failed.',
    cancelled: 'The generation was cancelled.',
    expired: 'The generation expired before it finished.',
  },
  endedHint: 'Try again to start a new generation.',
  errors: {
    network: 'The server could not be reached.',
    http: (status) => `The server answered with an error (HTTP ${status}).`,
    'invalid-response': 'The server sent an answer that could not be read.',
    timeout: (seconds) =>
      `The task did not finish within ${seconds % 60 ? `${seconds} s` : `${seconds / 60} min`}.`,
    'invalid-task-id': 'The task id is not valid.',
    'cancel-failed': 'The generation could not be cancelled.',
    refunded: 'The task failed and was refunded: you were not charged.',
  },
  errorHints: {
    unauthorized: 'The access to this task was refused. Reload the page to get a new access token.',
    'not-found': 'This task could not be found. Start a new generation.',
    'invalid-task-id': 'This task id is not valid. Start a new generation.',
    timeout: 'The generation is taking longer than expected. Retry to keep waiting.',
    internal: 'Something went wrong on this page. Reload the page to try again.',
    default: 'Check your connection, then retry.',
  },
  retry: 'Retry',
  cancel: 'Cancel',
  events: 'Task events',
  download: (n, total, kind) => (total > 1 ? `Download ${kind} ${n} of ${total}` : `Download ${kind}`),
  close: 'Close',
  previous: 'Previous',
  next: 'Next',
  notifyButton: "Notify me when it's done",
  notifyNote: "You'll be notified when it's done.",
  ready: { image: 'Your images are ready', video: 'Your video is ready' },
};

/** What the `strings` property takes: any of the strings, and any of the keys of each group. */
export type TaskProgressStringsOverride = {
  [K in keyof TaskProgressStrings]?: TaskProgressStrings[K] extends (...args: never[]) => string
    ? TaskProgressStrings[K]
    : TaskProgressStrings[K] extends object
      ? Partial<TaskProgressStrings[K]>
      : TaskProgressStrings[K];
};

type Text = (...args: never[]) => string;

/** `given`'s text, or `fallback`'s where it throws or answers anything but a string. */
const textOf =
  (given: Text, fallback: Text): Text =>
  (...args) => {
    try {
      const text: unknown = given(...args);
      if (typeof text === 'string') return text;
    } catch {
      // the built-in text instead
    }
    return fallback(...args);
  };

/** `given` where it is of `fallback`'s type, a function falling back call by call; else `fallback`. */
const entry = (given: unknown, fallback: unknown): unknown =>
  typeof fallback === 'function'
    ? typeof given === 'function'
      ? textOf(given as Text, fallback as Text)
      : fallback
    : typeof given === typeof fallback
      ? given
      : fallback;

/**
 * Merges a partial override into `base`, one level deep for the keyed groups. An entry that is not
 * of its key's type (a string, a function, a group of strings), or a function that throws or
 * answers no string, gives `base`'s text for that key: what the element does never depends on it.
 */
export function mergeStrings(
  overrides: TaskProgressStringsOverride | undefined,
  base: TaskProgressStrings = defaultStrings,
): TaskProgressStrings {
  if (!overrides) return base;
  const merged: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(base) as [string, unknown][]) {
    let given: unknown;
    try {
      given = own(overrides as Record<string, unknown>, key);
      // A group (`status`, `phases`, `errors`, …): its entries, key by key; a phase of the page's
      // own adapter is a key the base has not.
      if (typeof fallback === 'object') {
        const group = fallback as Record<string, unknown>;
        const valid = Object.entries(given ?? {}).flatMap(([name, value]) => {
          const text = own(group, name) ?? '';
          return typeof value === typeof text ? [[name, entry(value, text)]] : [];
        });
        given = { ...group, ...Object.fromEntries(valid) };
      }
    } catch {
      given = fallback; // a getter that throws: the built-in text
    }
    merged[key] = typeof fallback === 'object' ? given : entry(given, fallback);
  }
  return merged as unknown as TaskProgressStrings;
}

/** `mergeStrings`, merged again only when a new override object or base is given. */
export function mergedStrings(): (
  overrides: TaskProgressStringsOverride | undefined,
  base?: TaskProgressStrings,
) => TaskProgressStrings {
  let from: TaskProgressStringsOverride | undefined;
  let fromBase: TaskProgressStrings | undefined;
  let text: TaskProgressStrings = defaultStrings;
  return (overrides, base: TaskProgressStrings = defaultStrings) => {
    if (overrides !== from || base !== fromBase) text = mergeStrings((from = overrides), (fromBase = base));
    return text;
  };
}

/**
 * The value under `key` when it is `group`'s own: a name from outside (a phase, an error code)
 * such as `constructor` or `__proto__` finds nothing, not a member of Object.
 */
export const own = <T>(group: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(group, key) ? group[key] : undefined;

/** The guidance shown under an error. */
export function errorHint(strings: TaskProgressStrings, error: TaskError | null): string {
  // Overrides may name any code and leave out others, `default` included.
  const hints = strings.errorHints;
  return own(hints, error?.code ?? 'default') ?? own(hints, 'default') ?? '';
}

/** The name of result `n` of `total`, its alt text: from the element's `alt`, else "Generated image" or "video". */
export function resultName(
  strings: TaskProgressStrings,
  alt: string | undefined,
  kind: MediaKind,
  n: number,
  total: number,
): string {
  return strings.imageAlt(alt || strings.generated[kind], n, total);
}

/**
 * The text shown for `error`: the element's own message for its code, in the page's language
 * (`timeoutSeconds` is the element's `timeout`); the API's own words as it wrote them; nothing
 * when the API gave no reason.
 */
export function errorText(strings: TaskProgressStrings, error: TaskError, timeoutSeconds: number): string {
  const { errors } = strings;
  switch (error.code) {
    case 'network':
    case 'invalid-response':
    case 'invalid-task-id':
    case 'cancel-failed':
    case 'refunded':
      return errors[error.code as 'network'];
    case 'http':
    case 'rate-limited':
    case 'unauthorized':
    case 'not-found':
      return error.httpStatus === undefined ? error.message : errors.http(error.httpStatus);
    case 'timeout':
      return errors.timeout(timeoutSeconds);
    case 'start-failed':
      // The endpoint's own words when it answered with some; else the element's.
      return error.httpStatus !== undefined && error.message && error.message !== defaultStrings.startFailed
        ? error.message
        : strings.startFailed;
    default:
      return error.message;
  }
}
