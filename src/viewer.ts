// Download and the viewer (docs/behaviour.md, "Download and the viewer"): a module of its own,
// loaded from beside the element's the first time an element with `downloadable` or `viewer`
// shows results, so the self-contained file carries none of it. It imports nothing at run time:
// it works wherever it is served from, beside task-progress.min.js or the library's files.
import type { TaskProgressStrings } from './strings.js';
import type { TaskProgress } from './task-progress.js';
import type { SucceededImage } from './types.js';

/**
 * Saves result `n` of task `taskId`. It is fetched without credentials and without a header, so
 * never with the token, and saved through an object URL under the file name of its URL, else
 * `{taskId}-{n}.{extension of its content type}`. Where it cannot be fetched (a host that refuses
 * the page by CORS, an error, `signal` aborted: a host that does not answer in time), it opens in a
 * new tab instead, as a result link does.
 */
export async function download(
  image: SucceededImage,
  n: number,
  taskId: string,
  signal: AbortSignal,
): Promise<void> {
  const link = document.createElement('a');
  let saved: Blob | undefined;
  try {
    const response = await fetch(image.url, { credentials: 'omit', signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    saved = await response.blob();
  } catch {
    Object.assign(link, { href: image.url, target: '_blank', rel: 'noopener noreferrer' });
    link.click();
    return;
  }
  const href = URL.createObjectURL(saved);
  Object.assign(link, { href, download: fileName(image.url) ?? `${taskId}-${n}${extension(saved.type)}` });
  link.click();
  // Long after the save has read it.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** The last segment of the URL's path when it names a file (`cat.png`), else undefined. */
function fileName(url: string): string | undefined {
  try {
    const name = decodeURIComponent(new URL(url, document.baseURI).pathname.split('/').pop() ?? '');
    return /[^.]\.\w+$/.test(name) ? name : undefined;
  } catch {
    return undefined; // a malformed escape
  }
}

/** `.png` for `image/png`, `.svg` for `image/svg+xml`, `.jpg` for `image/jpeg`; none for none. */
function extension(type: string): string {
  const subtype = /^\w+\/([\w.-]+)/.exec(type)?.[1];
  return subtype ? `.${subtype === 'jpeg' ? 'jpg' : subtype}` : '';
}

// The viewer is dark whatever the page, as a photo viewer is; its buttons keep the element's
// accent border (3.7:1 against #111 by default) and focus ring. Its media fits the window.
const styles = new CSSStyleSheet();
styles.replaceSync(`
  .viewer {
    box-sizing: border-box;
    max-width: calc(100vw - 2rem);
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    color: #fff;
    background: #111;
  }
  .viewer::backdrop {
    background: rgb(0 0 0 / 0.8);
  }
  .viewer-body {
    display: grid;
    gap: var(--_gap);
    padding: var(--_gap);
  }
  [part='viewer-media'] {
    display: block;
    max-width: 100%;
    max-height: calc(100vh - 9rem);
    margin: auto;
  }
  .viewer-caption {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .viewer-bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
  }
  .viewer button {
    color: inherit;
    background: transparent;
  }
  [part='viewer-close'] {
    margin-inline-start: auto;
  }
`);

/** The page behind an open viewer does not scroll. */
const locked = new CSSStyleSheet();
locked.replaceSync(':root { overflow: hidden; }');

function make<K extends keyof HTMLElementTagNameMap>(tag: K, part = '', text = '') {
  const node = document.createElement(tag);
  if (part) node.setAttribute('part', part);
  node.textContent = text;
  return node;
}

/**
 * Opens result `index` of `host` full size in a modal dialog in its shadow root, in the language of
 * `text`, each result captioned by `name` (its alt text). Previous and Next (and the arrow keys)
 * move through the succeeded results; Esc, Close or a click on the backdrop closes it, and the
 * focus returns to the tile of the result shown. It shows the element's current results (fresh
 * URLs after expired ones), and closes when the element follows another task.
 */
export function view(
  host: TaskProgress,
  index: number,
  text: TaskProgressStrings,
  name: (image: SucceededImage, at: number) => string,
): void {
  const { taskId } = host;
  const root = host.renderRoot as ShadowRoot;
  /** The index of each succeeded result among the element's results, as they are now. */
  const succeeded = () => host.images.flatMap((image, at) => (image.status === 'succeeded' ? [at] : []));
  /** The result shown, by its index among the results, and the URL shown of it. */
  let at = index;
  let shownUrl = '';
  const dialog = make('dialog', 'viewer');
  dialog.className = 'viewer';
  dialog.setAttribute('aria-labelledby', 'viewer-caption');
  const body = make('div');
  body.className = 'viewer-body';
  const stage = make('div');
  const caption = make('p');
  caption.className = 'viewer-caption';
  caption.id = 'viewer-caption';
  const bar = make('div');
  bar.className = 'viewer-bar';
  const buttons = (['previous', 'next', 'close'] as const).map((key) => {
    const button = make('button', `viewer-${key}`, text[key]);
    button.type = 'button';
    return button;
  });
  const [previous, next, close] = buttons as [HTMLButtonElement, HTMLButtonElement, HTMLButtonElement];
  previous.hidden = next.hidden = succeeded().length < 2;
  bar.append(...buttons);
  body.append(stage, caption, bar);
  dialog.append(body);

  /** Shows result `at` as the element has it now: again only when its URL changed. */
  const show = () => {
    const image = host.images.at(at);
    if (image?.status !== 'succeeded') {
      dialog.close();
      return;
    }
    if (image.url === shownUrl) return;
    shownUrl = image.url;
    const label = name(image, at);
    const media = image.kind === 'video' ? make('video', 'viewer-media') : make('img', 'viewer-media');
    if (media instanceof HTMLVideoElement) {
      Object.assign(media, { controls: true, playsInline: true, poster: image.thumbnailUrl ?? '' });
      media.setAttribute('aria-label', label);
    } else media.alt = label;
    media.src = image.url;
    stage.replaceChildren(media);
    caption.textContent = label;
  };
  /** Moves `by` succeeded results, round the ends. */
  const move = (by: number) => {
    const all = succeeded();
    at = all[(all.indexOf(at) + by + all.length) % all.length] ?? at;
    show();
  };
  // Right to left, the left arrow goes on to the next result.
  const forward = getComputedStyle(host).direction === 'rtl' ? -1 : 1;
  previous.addEventListener('click', () => move(-1));
  next.addEventListener('click', () => move(1));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('keydown', (event) => {
    const by = event.key === 'ArrowRight' ? forward : event.key === 'ArrowLeft' ? -forward : 0;
    // A video's own arrow keys seek it.
    if (!by || event.target instanceof HTMLMediaElement || succeeded().length < 2) return;
    event.preventDefault();
    move(by);
  });
  // A click on the backdrop is a click on the dialog itself, which its body covers otherwise.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  const closed = () => {
    dialog.remove();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== locked);
    host.removeController(watch);
  };
  const watch = {
    // An element taken out of the page with its viewer open takes the viewer away (its dialog
    // would not close), and the page scrolls again.
    hostDisconnected: closed,
    // Fresh results are shown; another task's are not the ones opened.
    hostUpdated: () => (host.taskId === taskId && host.state === 'completed' ? show() : dialog.close()),
  };
  // Esc closes it too, by the browser.
  dialog.addEventListener('close', () => {
    closed();
    const tile = [...root.querySelectorAll('[part~="tile"]')].at(at);
    tile?.querySelector<HTMLElement>('a, video')?.focus();
  });

  if (!root.adoptedStyleSheets.includes(styles))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles];
  // Before the element's rendered content, which Lit keeps from its own marker on.
  root.prepend(dialog);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, locked];
  host.addController(watch);
  show();
  dialog.showModal();
  close.focus();
}
