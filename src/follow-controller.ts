// Connects an element to the page's engine for its task, in the shape of Lit's task controller:
// options in (read in each of the host's updates, so the order in which a framework sets them
// never matters), `requestUpdate` out, and no DOM events: the element announces what it renders.
// It reads the time from the engine's environment, as the engine does.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BrokenMedia } from './broken-media.js';
import type {
  Engine,
  FollowEnvironment,
  FollowOptions,
  FollowSnapshot,
  Subscription,
} from './engine/index.js';
import { type Eta, nextEta } from './eta.js';
import { pageEngine } from './page-engine.js';
import { MAX_TILES } from './pending-view.js';
import { sanitizeImages } from './safe-url.js';
import type { TaskState } from './types.js';

export class FollowController implements ReactiveController {
  /** The task followed or last followed; empty while idle. */
  taskId = '';
  /** What the engine last said of the task; undefined while idle. */
  declare snapshot: FollowSnapshot | undefined;
  /** The time of this update, on the engine's clock. */
  now = 0;
  /** Whole seconds since following began, as of this update. */
  elapsedSeconds = 0;
  /** The time left and the progress while pending, when known, as of this update (at most once a second). */
  declare eta: Eta | undefined;
  /** The results' URLs that failed to load, even after asking for the results again. */
  readonly broken = new BrokenMedia(
    () => this.#subscription?.refreshResults() ?? Promise.resolve(),
    () => this.#host.requestUpdate(),
  );

  #engine: Engine = pageEngine();
  #subscription: Subscription | undefined;
  /** The subscription this element left when it was disconnected, to come back to. */
  #left: Subscription | undefined;
  /** Renders every second while pending, for the elapsed time. */
  #clock: unknown;
  #key = '';
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: () => FollowOptions;
  readonly #unsafeUrlMessage: () => string;

  /**
   * `options` says what to follow (`taskId` empty while there is none), read in each update;
   * `unsafeUrlMessage` what replaces a result whose URL is unsafe.
   */
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: () => FollowOptions,
    unsafeUrlMessage: () => string,
  ) {
    this.#host = host;
    this.#options = options;
    this.#unsafeUrlMessage = unsafeUrlMessage;
    host.addController(this);
  }

  get #state(): TaskState {
    return this.snapshot?.state ?? 'idle';
  }

  /** The environment whose clock and timers this element uses. */
  get env(): FollowEnvironment {
    return this.#engine.env;
  }

  hostConnected(): void {
    // Following (re)starts in the update in which the options settle: see hostUpdate.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#detach();
  }

  hostUpdate(): void {
    if (this.#host.isConnected) this.#sync();
    this.now = this.env.now();
    const startedAt = this.snapshot?.startedAt;
    this.elapsedSeconds = startedAt ? Math.max(0, Math.floor((this.now - startedAt) / 1000)) : 0;
    const pending = this.#state === 'pending';
    this.eta = pending
      ? nextEta(this.eta, this.now, this.snapshot?.estimate, this.snapshot?.progress)
      : undefined;
  }

  /** Follows the same task again after `error`. */
  retry(): void {
    if (this.#state !== 'error') return;
    if (this.#subscription) this.#subscription.retry();
    else this.#attach(this.#options());
  }

  refresh(): void {
    this.#subscription?.refresh();
  }

  cancel(reason: string): void {
    if (this.#state === 'pending') void this.#subscription?.cancel(reason);
  }

  /** Follows what the element now asks for: a new task, the same one again, or new options. */
  #sync(): void {
    const options = this.#options();
    const { taskId, adapter, token } = options;
    const ready = taskId && (adapter.requiresToken === false || token);
    // A test may have put the page on another environment since this element last followed a task.
    if (!this.#subscription) this.#engine = pageEngine();
    const key = ready ? this.#engine.key(options) : '';
    if (key !== this.#key) {
      this.#detach();
      this.#left = undefined;
      this.#key = key;
      this.taskId = taskId;
      this.snapshot = undefined;
      this.broken.clear();
      this.eta = undefined;
      if (key) this.#attach(options);
    } else if (key && !this.#subscription && (this.#state === 'pending' || this.#state === 'completed')) {
      // Reconnected: back to the follower it left, which goes on pending, or holds the results
      // (not fetched again) for a refresh of expired URLs.
      this.#attach(options);
    } else {
      this.#subscription?.update(options);
    }
  }

  #attach(options: FollowOptions): void {
    this.#subscription = this.#engine.follow(
      options,
      (snapshot) => {
        const images = snapshot.images && sanitizeImages(snapshot.images, this.#unsafeUrlMessage());
        // A preview whose URL is unsafe is left out: there is no failed tile for a preview. No
        // more are checked than there are boxes to show them in.
        const previews =
          snapshot.previews &&
          sanitizeImages(snapshot.previews.slice(0, MAX_TILES), '').filter(
            (image) => image.status === 'succeeded',
          );
        this.snapshot = { ...snapshot, images, previews };
        this.#tick();
        this.#host.requestUpdate();
      },
      this.#left,
    );
    this.#tick();
  }

  #detach(): void {
    this.#subscription?.unsubscribe();
    this.#left = this.#subscription ?? this.#left;
    this.#subscription = undefined;
    this.#tick();
  }

  #tick(): void {
    if (this.#state === 'pending' && this.#subscription) {
      this.#clock ??= this.env.setTimeout(() => {
        this.#clock = undefined;
        this.#host.requestUpdate();
        this.#tick();
      }, 1000);
    } else {
      this.env.clearTimeout(this.#clock);
      this.#clock = undefined;
    }
  }
}
