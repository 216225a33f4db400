// The element's following lifecycle as a Lit reactive controller: it subscribes the element to the
// page's stream for its task once its properties settle, turns what the stream says into the
// element's state and DOM events, and lets go of everything when the element leaves the DOM.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  TaskCompleteEvent,
  TaskErrorEvent,
  TaskEventEvent,
  TaskFailedEvent,
  TaskStateChangeEvent,
} from '../events.js';
import { sanitizeImages } from '../safe-url.js';
import type { TaskAdapter, TaskError, TaskEventRecord, TaskImage, TaskState } from '../types.js';
import { acquireStream, streamKey } from './stream-registry.js';
import type { FollowOptions, StreamListener, StreamState, TaskStream } from './task-stream.js';

/** What the element asks to follow, read after each of its updates. */
export interface FollowConfig extends FollowOptions {
  taskId: string | undefined;
  adapter: TaskAdapter;
  baseUrl: string;
  /** Replaces a result whose URL is unsafe. */
  unsafeUrlMessage: string;
}

const ENDED = ['completed', 'failed', 'cancelled', 'expired'] as const;
const isEnded = (state: TaskState) => (ENDED as readonly string[]).includes(state);

export class TaskController implements ReactiveController, StreamListener {
  state: TaskState = 'idle';
  status: string | number | undefined;
  phase: string | undefined;
  images: TaskImage[] = [];
  error: TaskError | null = null;
  cancelError: TaskError | null = null;
  events: TaskEventRecord[] = [];
  /** When following the current task started (ms since the epoch), 0 while idle. */
  startedAt = 0;

  #stream: TaskStream | undefined;
  #key = '';
  /** The element's token as last seen, so only a change made by the page reaches the stream. */
  #token: string | undefined;
  #taskId = '';
  #completeDue = false;
  #clock: ReturnType<typeof setInterval> | undefined;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #config: () => FollowConfig;

  constructor(host: ReactiveControllerHost & HTMLElement, config: () => FollowConfig) {
    this.#host = host;
    this.#config = config;
    host.addController(this);
  }

  hostConnected(): void {
    // Following (re)starts in the update in which the properties settle: see hostUpdate.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#detach();
  }

  hostUpdate(): void {
    if (this.#host.isConnected) this.#sync();
  }

  hostUpdated(): void {
    if (this.#completeDue && this.state === 'completed') {
      this.#completeDue = false;
      const urls = this.images.flatMap((image) => (image.status === 'succeeded' ? [image.url] : []));
      this.#host.dispatchEvent(new TaskCompleteEvent({ taskId: this.#taskId, images: this.images, urls }));
    }
  }

  retry(): void {
    if (this.state !== 'error') return;
    if (this.#stream) this.#stream.retry();
    else this.#attach(this.#config());
  }

  refresh(): void {
    this.#stream?.refresh();
  }

  /** Cancels through the API when it can; otherwise stops following here. */
  cancel(reason: string): void {
    if (this.state !== 'pending') return;
    if (this.#config().adapter.cancel) {
      void this.#stream?.cancel(reason);
      return;
    }
    this.#detach();
    this.update({ state: 'cancelled', status: this.status });
  }

  /** Seconds since following started. */
  get elapsedSeconds(): number {
    return this.startedAt ? Math.max(0, Math.floor((Date.now() - this.startedAt) / 1000)) : 0;
  }

  // StreamListener

  options(): FollowOptions {
    return this.#config();
  }

  update(next: StreamState): void {
    const previousState = this.state;
    const config = this.#config();
    this.status = next.status;
    this.phase = next.phase;
    this.error = next.error ?? null;
    this.cancelError = next.cancelError ?? null;
    this.images = next.images ? sanitizeImages(next.images, config.unsafeUrlMessage) : [];
    this.state = next.state;
    this.#tick();
    this.#host.requestUpdate();
    if (next.state === previousState) return;
    this.#host.dispatchEvent(
      new TaskStateChangeEvent({
        taskId: this.#taskId,
        state: next.state,
        previousState,
        status: next.status,
      }),
    );
    if (next.state === 'completed') this.#completeDue = true;
    if (next.state === 'failed' || next.state === 'cancelled' || next.state === 'expired') {
      this.#host.dispatchEvent(
        new TaskFailedEvent({ taskId: this.#taskId, state: next.state, error: this.error }),
      );
    }
  }

  requestError(error: TaskError, willRetry: boolean): void {
    this.#host.dispatchEvent(new TaskErrorEvent({ taskId: this.#taskId, error, willRetry }));
  }

  taskEvent(event: TaskEventRecord): void {
    this.events = [...this.events, event];
    this.#host.requestUpdate();
    this.#host.dispatchEvent(new TaskEventEvent(event));
  }

  // Lifecycle

  /** Follows what the element now asks for: a new task, the same one again, or a new token. */
  #sync(): void {
    const config = this.#config();
    const ready = Boolean(config.taskId) && (config.adapter.requiresToken === false || Boolean(config.token));
    const key = ready && config.taskId ? streamKey(config.adapter, config.baseUrl, config.taskId) : '';
    if (key !== this.#key) {
      this.#detach();
      this.#key = key;
      this.#reset(config.taskId ?? '', !key);
      if (key) this.#attach(config);
    } else if (key && !this.#stream && !isEnded(this.state) && this.state !== 'error') {
      this.#attach(config); // reconnected while the task was still pending
    } else if (config.token !== this.#token) {
      this.#stream?.setToken(config.token);
    }
    this.#token = config.token;
  }

  #attach(config: FollowConfig): void {
    if (!config.taskId) return;
    this.#stream = acquireStream(config.adapter, config.baseUrl, config.taskId);
    this.startedAt ||= Date.now();
    this.#stream.subscribe(this);
  }

  #detach(): void {
    this.#stream?.unsubscribe(this);
    this.#stream = undefined;
    this.#tick();
  }

  /**
   * Forgets the previous task. Only a return to `idle` is announced here: a new task announces
   * `pending` itself, and nothing is said of the old one any more.
   */
  #reset(taskId: string, idle: boolean): void {
    const previousState = this.state;
    this.#taskId = taskId;
    this.#completeDue = false;
    Object.assign(this, {
      state: 'idle',
      status: undefined,
      phase: undefined,
      images: [],
      error: null,
      cancelError: null,
      events: [],
      startedAt: 0,
    });
    this.#host.requestUpdate();
    if (idle && previousState !== 'idle') {
      this.#host.dispatchEvent(
        new TaskStateChangeEvent({ taskId, state: 'idle', previousState, status: undefined }),
      );
    }
  }

  /** Re-renders every second while pending, for the elapsed time. */
  #tick(): void {
    const wanted = this.state === 'pending' && Boolean(this.#stream);
    if (wanted && !this.#clock) this.#clock = setInterval(() => this.#host.requestUpdate(), 1000);
    if (!wanted && this.#clock) {
      clearInterval(this.#clock);
      this.#clock = undefined;
    }
  }
}
