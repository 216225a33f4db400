// The element's templates for the results grid and the message with its Retry button (the pending
// state's are in pending-view.ts). Plain functions of what to show and what to call back; the
// element picks one and owns every event.
import { html, nothing } from 'lit';
import type { BrokenMedia } from './broken-media.js';
import { type TaskProgressStrings, resultName } from './strings.js';
import type { SucceededImage, TaskImage } from './types.js';

export interface ResultsView {
  text: TaskProgressStrings;
  images: TaskImage[];
  /** The base of each result's alt text, the element's `alt`; by default "Generated image" or "video". */
  alt: string | undefined;
  /** The media that would not load, even from fresh results; told of each that fails. */
  broken: Pick<BrokenMedia, 'has' | 'failed'>;
  onImageClick: (event: MouseEvent, image: TaskImage, index: number) => void;
  /** With `downloadable`: a Download button under each result shown, which calls this. */
  onDownload: ((image: SucceededImage, index: number) => void) | undefined;
}

/** The results grid, or the empty message. */
export function resultsView({ text, images, alt, broken, onImageClick, onDownload }: ResultsView) {
  if (images.length === 0) {
    return html`<slot name="empty"><p part="message">${text.empty}</p></slot>`;
  }
  const total = images.length;
  // A failed tile reserves the box of the results that have a size (a task's results share one),
  // as a placeholder does: the size of its neighbours, square like them when none has a size.
  const sized = images.find(
    (image): image is SucceededImage => image.status === 'succeeded' && !!image.width && !!image.height,
  );
  const box = sized ? `0 0 ${sized.width} ${sized.height}` : '0 0 1 1';
  // A result the API says failed has no kind of its own: that of the task's other results.
  const taskKind = images.find((image) => image.status === 'succeeded')?.kind ?? 'image';
  // The tiles need no keys (no `repeat`): fresh results after expired URLs only change their URLs.
  return html`<ul part="grid" class="grid" role="list">
    ${images.map((image, index) => {
      const shown = image.status === 'succeeded' && !broken.has(image.url);
      // A video takes a row of its own (the styles say why); a failed tile is a box reserved.
      const layout = !shown ? 'reserve' : image.kind === 'video' ? 'wide' : nothing;
      const kind = image.status === 'succeeded' ? image.kind : taskKind;
      return html`<li part=${shown ? 'tile' : 'tile image-failed'} class=${layout}>
        ${
          shown
            ? mediaView(
                image,
                resultName(text, alt, kind, index + 1, total),
                (event) => onImageClick(event, image, index),
                () => broken.failed(image.url),
              )
            : html`<svg viewBox=${box}></svg>
                <span class="failed">
                  ${
                    image.status === 'failed'
                      ? html`<span>${text.imageFailed(index + 1, total, kind)}</span>
                          <span class="failed-reason"
                            >${image.code === 'unsafe-url' ? text.unsafeUrl : image.error}</span
                          >`
                      : html`<span>${text.loadFailed(index + 1, total, kind)}</span>`
                  }
                </span>`
        }
        ${
          shown && onDownload
            ? html`<button part="download-button" type="button" @click=${() => onDownload(image, index)}>
                ${text.download(index + 1, total, kind)}
              </button>`
            : nothing
        }
      </li>`;
    })}
  </ul>`;
}

function mediaView(
  image: SucceededImage,
  alt: string,
  onClick: (event: MouseEvent) => void,
  onError: () => void,
) {
  if (image.kind === 'video') {
    return html`<video
      part="video"
      src=${image.url}
      poster=${image.thumbnailUrl ?? nothing}
      width=${image.width ?? nothing}
      height=${image.height ?? nothing}
      aria-label=${alt}
      controls
      playsinline
      preload="metadata"
      @error=${onError}
    ></video>`;
  }
  return html`<a
    class="tile-link"
    href=${image.url}
    target="_blank"
    rel="noopener noreferrer"
    @click=${onClick}
    ><img
      part="image"
      src=${image.url}
      alt=${alt}
      width=${image.width ?? nothing}
      height=${image.height ?? nothing}
      loading="lazy"
      decoding="async"
      @error=${onError}
  /></a>`;
}

/** A heading, the error's text when there is one, a hint, and Retry. */
export function problemView(
  text: TaskProgressStrings,
  message: string,
  errorText: string,
  hint: string,
  onRetry: () => void,
) {
  return html`<p part="message">${message}</p>
    ${errorText ? html`<p part="error">${errorText}</p>` : nothing}
    <p class="hint">${hint}</p>
    <button part="retry-button" type="button" @click=${onRetry}>${text.retry}</button>`;
}
