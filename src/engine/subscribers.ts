// An engine's subscribers as one group: who still follows, the options they add up to, and what
// the engine tells all of them at once.
import type { TaskError } from '../types.js';
import { type Subscription, mergeOptions } from './subscription.js';

export class Subscribers {
  readonly #all = new Set<Subscription>();

  get size(): number {
    return this.#all.size;
  }

  add(subscription: Subscription): void {
    this.#all.add(subscription);
  }

  delete(subscription: Subscription): void {
    this.#all.delete(subscription);
  }

  /** Whether one of them was given this token. */
  given(token: string | undefined): boolean {
    return [...this.#all].some((subscription) => subscription.options.token === token);
  }

  /** Those still following: not given up, nor cancelled here. */
  active(): Subscription[] {
    return [...this.#all].filter((subscription) => subscription.active);
  }

  /** The options of the run: as eager as the most eager of those still following. */
  options() {
    return mergeOptions(this.active().map((subscription) => subscription.options));
  }

  /** A request succeeded: nobody counts failures in a row any more. */
  succeeded(): void {
    for (const subscription of this.#all) subscription.failures = 0;
  }

  /** A request failed: those still following count it, and may give up. */
  failed(error: TaskError, fatal: boolean): void {
    for (const subscription of this.active()) subscription.failed(error, fatal);
  }

  /** A request failed that nobody retries (a cancel): all of them are told. */
  failedOnce(error: TaskError): void {
    for (const subscription of this.#all) subscription.requestFailure = { error, willRetry: false };
  }

  /** Starts the timeouts of those still following. */
  arm(): void {
    for (const subscription of this.active()) subscription.arm();
  }

  disarm(): void {
    for (const subscription of this.#all) subscription.disarm();
  }

  /** Tells each the task as it now sees it; one a listener unsubscribed meanwhile is skipped. */
  tell(): void {
    for (const subscription of [...this.#all]) if (this.#all.has(subscription)) subscription.tell();
  }
}
