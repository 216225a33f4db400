// What the element shows while pending: the progress bar (determinate with the API's progress or an
// estimate), phase, queue, elapsed time and ETA, a scheduled retry, the task's events and Cancel;
// with `expected-count` or previews, all of it over tiles laid out as the results will be (a
// placeholder, or the newest preview in its box), so nothing moves when they come.
// Sizes come from SVG attributes (a bar's width, a tile's viewBox): no style is set from script.
import { html, nothing } from 'lit';
import { type Eta, secondsUntil } from './eta.js';
import type { FollowSnapshot } from './engine/index.js';
import { MAX_RATIO } from './safe-url.js';
import { type TaskProgressStrings, own } from './strings.js';

/** The most tiles the pending state lays out: placeholders (`expected-count`), or previews in them. */
export const MAX_TILES = 100;
/** The previews shown without `expected-count`, each in a tile of its own. */
const PREVIEW_TILES = 4;

export interface PendingView {
  text: TaskProgressStrings;
  snapshot: FollowSnapshot | undefined;
  elapsedSeconds: number;
  eta: Eta | undefined;
  /** The clock the retry countdown reads. */
  now: number;
  showEvents: boolean;
  cancelable: boolean;
  onCancel: () => void;
  /** With `notify`: the button that asks for notifications, or the note once allowed. */
  notifyButton: unknown;
  /** Placeholder tiles to reserve, and their width ÷ height. */
  placeholders: number;
  ratio: number;
}

export function pendingView(view: PendingView) {
  const { text, snapshot, elapsedSeconds, eta, now, showEvents, cancelable, onCancel } = view;
  const { phase, cancelError, retry, events = [], queued, queuePosition, previews = [] } = snapshot ?? {};
  const latest = events.at(-1);
  // An estimate outrun says nothing of how far the task is; the API's own progress still does.
  const percent = eta && !(eta.overrun && snapshot?.progress === undefined) ? eta.percent : undefined;
  const etaText = eta?.overrun ? text.overrun : eta?.seconds === undefined ? '' : text.eta(eta.seconds);
  const content = html`<slot name="pending">
      <div
        part="progress"
        role="progressbar"
        aria-label=${text.progressLabel}
        aria-valuenow=${percent ?? nothing}
      >
        ${
          percent === undefined
            ? html`<span class="bar"></span>`
            : html`<svg viewBox="0 0 100 1" preserveAspectRatio="none">
                <rect width=${percent} height="1"></rect>
              </svg>`
        }
      </div>
      <p class="meta">
        <span part="phase"
          >${
            // A phase key this language has no text for is a step of processing, not a word to show.
            phase ? (own(text.phases, phase) ?? text.phases.processing) : text.phases.starting
          }</span
        >
        ${queued ? html`<span part="queue">${text.queue(queuePosition)}</span>` : nothing}
        <span part="elapsed">${text.elapsed(elapsedSeconds)}</span>
        ${etaText ? html`<span part="eta">${etaText}</span>` : nothing}
      </p>
    </slot>
    ${
      retry
        ? html`<p part="retry-status">
            ${(retry.code === 'rate-limited' ? text.busy : text.retrying)(secondsUntil(retry.at, now))}
          </p>`
        : nothing
    }
    ${
      showEvents && latest
        ? html`<details part="events">
            <summary>${latest.message}</summary>
            <ol aria-label=${text.events}>
              ${events.map((event) => html`<li>${event.message}</li>`)}
            </ol>
          </details>`
        : nothing
    }
    ${cancelError ? html`<p part="error" role="alert">${text.errors['cancel-failed']}</p>` : nothing}
    ${
      cancelable
        ? html`<button
            part="cancel-button"
            type="button"
            ?disabled=${phase === 'cancelling'}
            @click=${onCancel}
          >
            ${text.cancel}
          </button>`
        : nothing
    }
    ${view.notifyButton}`;
  // As many previews as there are boxes: the placeholders', else a few of their own.
  const tiles = view.placeholders || Math.min(previews.length, PREVIEW_TILES);
  if (!tiles) return content;
  return html`<div class="reserve">
    <ul class="grid" aria-hidden="true">
      ${Array.from({ length: tiles }, (_, index) => {
        const box = html`<svg viewBox="0 0 ${view.ratio * 100} 100"></svg>`;
        const preview = previews.at(index);
        return preview?.status === 'succeeded'
          ? html`<li class="reserve">
              ${box}<img part="preview" src=${preview.url} alt="" loading="lazy" decoding="async" />
            </li>`
          : html`<li part="placeholder">${box}</li>`;
      })}
    </ul>
    <div class="over">${content}</div>
  </div>`;
}

/**
 * A width ÷ height from `"16/9"`, `"1.5"` or `"1024x1024"`; 1 for anything else or beyond 10:1
 * either way, as for the results' sizes.
 */
export function parseRatio(value: string | undefined): number {
  const [width, height = 1] = (value ?? '').split(/[/x:]/).map(Number);
  const ratio = width / height;
  return ratio >= 1 / MAX_RATIO && ratio <= MAX_RATIO ? ratio : 1;
}
