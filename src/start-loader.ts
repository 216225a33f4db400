// The zero-JS start's part in the element's file (docs/behaviour.md, "Zero-JS start"): the start
// itself is ./form-start.ts, a module loaded beside the element's as soon as the element has a
// `start-url` or a `form`, or on `start()`. This part hears the submits and shows the start, so that
// nothing waits on the module's arrival: a submit of the element's form is prevented at once (no
// navigation) and sent once the module is there; a module that cannot be loaded is a failed start.
import type { ReactiveController } from 'lit';
import { readJson } from './adapters/http.js';
import { object, shownOnly, string } from './adapters/schema.js';
import {
  ENDED_STATES,
  type FollowSnapshot,
  bounded,
  isSendableTaskId,
  requestTimeout,
} from './engine/index.js';
import { TaskApiError, toTaskError } from './errors.js';
import type * as StartModule from './form-start.js';
import type { FormStart, StartHost, StartSide } from './form-start.js';
import { onFirstNeed } from './first-need.js';
import { pageEngine } from './page-engine.js';
import { defaultStrings } from './strings.js';
import type { TaskError, TaskState } from './types.js';

/**
 * What the start's module uses of the element's file, handed to it: imported there, it would be
 * split off into a module of its own, and the start's file would not work as it is everywhere.
 */
export const startKit = {
  ENDED_STATES,
  TaskApiError,
  bounded,
  isSendableTaskId,
  pageEngine,
  readJson,
  requestTimeout,
  schema: { object, shownOnly, string },
};
export type StartKit = typeof startKit;

/** The start's module once it arrived, for every element of the page from then on, at once. */
let loaded: typeof StartModule | undefined;
const loadStart = onFirstNeed(() => import('./form-start.js').then((module) => (loaded = module)));

export class StartLoader implements ReactiveController, StartSide {
  declare snapshot: FollowSnapshot | undefined;
  #start: FormStart | undefined;
  /** The start asked for before the module arrived: sent with it. */
  #held: ((start: FormStart) => void) | undefined;
  /** Where the element listens for submits, while connected. */
  #root: Node | undefined;
  declare readonly host: StartHost;
  declare readonly started: (taskId: string) => void;

  /** `started` is called once the host follows the task a start answered with. */
  constructor(host: StartHost, started: (taskId: string) => void) {
    this.host = host;
    this.started = started;
    host.addController(this);
  }

  hostConnected(): void {
    // On the root rather than the form: a form added or replaced later is heard too.
    this.#root = this.host.getRootNode();
    this.#root.addEventListener('submit', this, true);
    // Loaded long before a person submits.
    if (this.host.startUrl || this.host.hasAttribute('form')) void loadStart();
  }

  hostDisconnected(): void {
    this.#root?.removeEventListener('submit', this, true);
  }

  /** A submit anywhere in the element's root: the one of its form starts a task. */
  handleEvent(event: SubmitEvent): void {
    const form = this.form();
    if (form && event.target === form && this.host.startUrl) {
      event.preventDefault();
      // The fields as they are now: the module may arrive later.
      const data = new FormData(form);
      const { submitter } = event;
      this.#run((start) => start.submit(data, submitter));
    }
  }

  start(body?: Record<string, unknown>): void {
    this.#run((start) => start.start(body));
  }

  /** A start's Retry (see FormStart's); a start whose module failed to load is asked for again. */
  retry(state: TaskState): boolean {
    const start = this.#ready();
    if (start) return start.retry(state);
    const held = this.snapshot && this.#held;
    if (held) this.#run(held);
    return Boolean(held);
  }

  /** Abandons a start still running or waiting for the module; answers whether it did. */
  cancel(): boolean {
    const start = this.#ready();
    if (start) return start.cancel();
    const waiting = this.snapshot?.state === 'pending';
    if (waiting) {
      this.#held = undefined;
      this.show('idle');
    }
    return waiting;
  }

  form(): HTMLFormElement | undefined {
    const id = this.host.getAttribute('form');
    const form = id && (this.host.getRootNode() as Document | ShadowRoot).getElementById(id);
    return form instanceof HTMLFormElement ? form : undefined;
  }

  show(state: 'pending' | 'idle'): void {
    this.#shown(state === 'pending' ? { state, events: [], startedAt: pageEngine().env.now() } : undefined);
  }

  failed(thrown: unknown): void {
    // A network error's own message says nothing to a reader. The element shows its own message in
    // the page's language (`strings.startFailed`); the error keeps the English one.
    const known = thrown instanceof TaskApiError ? toTaskError(thrown) : undefined;
    const error: TaskError = {
      ...known,
      code: 'start-failed',
      message: known?.message || defaultStrings.startFailed,
    };
    this.#shown({
      state: 'error',
      error,
      requestFailure: { error, willRetry: false },
      events: [],
      startedAt: 0,
    });
  }

  #shown(snapshot: FollowSnapshot | undefined): void {
    this.snapshot = snapshot;
    this.host.requestUpdate();
  }

  /** The start, once its module arrived. */
  #ready(): FormStart | undefined {
    return (this.#start ??= loaded && new loaded.FormStart(this, startKit));
  }

  /** Runs `action` with the start, at once if its module is there, else once it arrives. */
  #run(action: (start: FormStart) => void): void {
    const start = this.#ready();
    if (start) {
      action(start);
      return;
    }
    this.#held = action;
    this.show('pending');
    loadStart().then(
      () => {
        const held = this.#held;
        this.#held = undefined;
        held?.(this.#ready() as FormStart);
      },
      // Kept for Retry.
      (thrown: unknown) => {
        if (this.#held) this.failed(thrown);
      },
    );
  }
}
