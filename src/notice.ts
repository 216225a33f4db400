// The notice when a task ends while the page is hidden (`notify`, docs/behaviour.md "Notify"): one
// per ending for the page, told first as `task-notify`, then given by ./notification.ts; and the
// button that asks for the permission to show notifications. The engine keeps following while
// hidden; this only tells.
import { type ReactiveControllerHost, html, nothing } from 'lit';
import { type TaskNotifyDetail, TaskNotifyEvent } from './events.js';
import { onFirstNeed } from './first-need.js';
import type { TaskProgressStrings } from './strings.js';
import type { TaskImage } from './types.js';

/** The notification permission; undefined where the browser has no notifications. */
const permission = () => (typeof Notification === 'undefined' ? undefined : Notification.permission);

/** Loaded while a task with `notify` is pending, so that it is there when the task ends. */
const loadNotification = onFirstNeed(() => import('./notification.js'));

/** The endings this page gave a notice for: elements that share a task give one. */
const noticed = new Set<string>();

export interface Ending extends TaskNotifyDetail {
  /** The task's API origin: with its id, the task for every element and tab. */
  baseUrl: string;
  images: readonly TaskImage[] | undefined;
  text: TaskProgressStrings;
  /** The element's language, for the notification. */
  lang: string;
}

export class Notice {
  /** This element's button asked for the permission. */
  #asked = false;
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  /** While pending: the button while the permission is undecided, the note once it allowed them. */
  button(text: TaskProgressStrings) {
    void loadNotification();
    const allowed = permission();
    if (allowed === 'default')
      return html`<button part="notify-button" type="button" @click=${() => this.#ask()}>
        ${text.notifyButton}
      </button>`;
    return allowed === 'granted' && this.#asked ? html`<p class="hint">${text.notifyNote}</p>` : nothing;
  }

  #ask(): void {
    this.#asked = true;
    const update = () => this.#host.requestUpdate();
    void Notification.requestPermission().then(update, update);
  }

  /** The task ended: the notice, if the page is hidden and none was given, unless `task-notify` is prevented. */
  ended({ baseUrl, taskId, state, images, text, lang }: Ending): void {
    const tag = `task-progress ${baseUrl} ${taskId}`;
    const once = `${tag} ${state}`;
    if (document.visibilityState !== 'hidden' || noticed.has(once)) return;
    noticed.add(once);
    if (!this.#host.dispatchEvent(new TaskNotifyEvent({ taskId, state }))) return;
    const first = images?.find((image) => image.status === 'succeeded');
    const title =
      state === 'completed'
        ? text.ready[first?.kind ?? 'image']
        : state === 'error'
          ? text.status.error
          : text.ended[state];
    // The results passed the URL checks on their way in (safe-url.ts); a video shows its poster.
    const icon = first && (first.kind === 'video' ? first.thumbnailUrl : (first.thumbnailUrl ?? first.url));
    const element = this.#host;
    void loadNotification().then((module) =>
      module.show({ title, tag, once, completed: state === 'completed', icon, lang, element }),
    );
  }
}
