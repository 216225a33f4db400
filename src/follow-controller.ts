// Connects an element to the page's engine for its task, in the shape of Lit's task controller:
// options in (read in each of the host's updates, so the order in which a framework sets them
// never matters), `requestUpdate` out, and no DOM events: the element announces what it renders.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BrokenMedia } from './broken-media.js';
import { browserEnvironment } from './browser-environment.js';
import { type Eta, nextEta } from './engine/eta.js';
import type { FollowEngine } from './engine/follow-engine.js';
import { engineKey, sharedEngine } from './engine/shared-engines.js';
import type { FollowSnapshot } from './engine/snapshot.js';
import type { FollowOptions, Subscription } from './engine/subscription.js';
import { sanitizeImages } from './safe-url.js';
import type { TaskAdapter, TaskState } from './types.js';

/** What the element asks to follow. */
export interface FollowTarget extends FollowOptions {
  taskId: string | undefined;
  adapter: TaskAdapter;
  baseUrl: string;
  /** Replaces a result whose URL is unsafe. */
  unsafeUrlMessage: string;
}

export class FollowController implements ReactiveController {
  /** The task followed or last followed; empty while idle. */
  taskId = '';
  /** What the engine last said of the task; undefined while idle. */
  snapshot: FollowSnapshot | undefined;
  /** The results' URLs that failed to load, even after asking for the results again. */
  readonly broken = new BrokenMedia(
    () => this.#engine?.refreshResults() ?? Promise.resolve(),
    () => this.#host.requestUpdate(),
  );

  #engine: FollowEngine | undefined;
  #eta: Eta | undefined;
  /** Renders every second while pending, for the elapsed time. */
  #clock: ReturnType<typeof setInterval> | undefined;
  #subscription: Subscription | undefined;
  #key = '';
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #target: () => FollowTarget;

  constructor(host: ReactiveControllerHost & HTMLElement, target: () => FollowTarget) {
    this.#host = host;
    this.#target = target;
    host.addController(this);
  }

  get state(): TaskState {
    return this.snapshot?.state ?? 'idle';
  }

  /** Whole seconds since following began. */
  get elapsedSeconds(): number {
    const startedAt = this.snapshot?.startedAt;
    return startedAt ? Math.max(0, Math.floor((Date.now() - startedAt) / 1000)) : 0;
  }

  /** The time left while pending with an estimate, updated at most once a second. */
  get eta(): Eta | undefined {
    const end = this.state === 'pending' ? this.snapshot?.estimate : undefined;
    this.#eta = end && nextEta(this.#eta, Date.now(), end);
    return this.#eta;
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
  }

  /** Follows the same task again after `error`. */
  retry(): void {
    if (this.state !== 'error') return;
    if (this.#engine && this.#subscription) this.#engine.retry(this.#subscription);
    else this.#attach(this.#target());
  }

  refresh(): void {
    this.#engine?.refresh();
  }

  cancel(reason: string): void {
    if (this.state === 'pending' && this.#engine && this.#subscription) {
      void this.#engine.cancel(this.#subscription, reason);
    }
  }

  /** Follows what the element now asks for: a new task, the same one again, or new options. */
  #sync(): void {
    const target = this.#target();
    const { taskId, adapter, token } = target;
    const ready = taskId && (adapter.requiresToken === false || token);
    const key = ready ? engineKey(adapter, target.baseUrl, taskId) : '';
    if (key !== this.#key) {
      this.#detach();
      this.#engine = undefined;
      this.#key = key;
      this.taskId = taskId ?? '';
      this.snapshot = undefined;
      this.broken.clear();
      this.#eta = undefined;
      if (key) this.#attach(target);
    } else if (key && !this.#subscription && (this.state === 'pending' || this.state === 'completed')) {
      // Reconnected: back to the engine it left, which goes on pending, or holds the results
      // (not fetched again) for a refresh of expired URLs.
      this.#attach(target);
    } else if (this.#engine && this.#subscription) {
      this.#engine.update(this.#subscription, target);
    }
  }

  #attach(target: FollowTarget): void {
    const { adapter, baseUrl } = target;
    this.#engine = sharedEngine(browserEnvironment, adapter, baseUrl, this.taskId, this.#engine);
    this.#subscription = this.#engine.subscribe(target, (snapshot) => {
      const images = snapshot.images && sanitizeImages(snapshot.images, this.#target().unsafeUrlMessage);
      this.snapshot = images ? { ...snapshot, images } : snapshot;
      this.#tick();
      this.#host.requestUpdate();
    });
    this.#tick();
  }

  /** Stops listening; the engine is kept, to come back to on reconnect. */
  #detach(): void {
    if (this.#engine && this.#subscription) this.#engine.unsubscribe(this.#subscription);
    this.#subscription = undefined;
    this.#tick();
  }

  #tick(): void {
    const wanted = this.state === 'pending' && Boolean(this.#subscription);
    if (wanted && !this.#clock) this.#clock = setInterval(() => this.#host.requestUpdate(), 1000);
    if (!wanted && this.#clock) {
      clearInterval(this.#clock);
      this.#clock = undefined;
    }
  }
}
