// The DOM both baselines render, the same as <task-progress> renders for a Mynth task: a status
// line while pending, then a grid of linked images whose boxes are reserved from `size`, loaded
// lazily. Built with DOM calls only.

/**
 * A Mynth `/results` image, as the API sends it.
 * @typedef {{ status: string, id?: string, url?: string | null, mynth_url?: string, size?: string, error?: unknown }} ResultImage
 */

const CSS = `
:host { display: block; position: relative; }
[part='status'] { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.pending { margin: 0; }
[part='grid'] { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(10rem, 100%), 1fr)); gap: 0.5rem; margin: 0; padding: 0; list-style: none; }
[part~='tile'] { position: relative; overflow: hidden; border-radius: 0.5rem; background: color-mix(in srgb, currentColor 8%, transparent); }
.tile-link { display: block; border-radius: inherit; }
[part='image'] { display: block; width: 100%; height: auto; border-radius: inherit; }
[part='image']:not([width]) { aspect-ratio: 1; object-fit: cover; }
[part~='image-failed'] { display: flex; flex-direction: column; justify-content: center; aspect-ratio: 1; padding: 0.75em; box-sizing: border-box; font-size: 0.875em; }
`;

/**
 * Gives `root` its styles and an empty base, and returns the base.
 * @param {ShadowRoot} root
 */
export function prepare(root) {
  const style = document.createElement('style');
  style.textContent = CSS;
  const base = document.createElement('div');
  base.setAttribute('part', 'base');
  root.replaceChildren(style, base);
  return base;
}

/**
 * @param {HTMLElement} base
 * @param {string} status
 * @param {string} [message]
 */
export function renderMessage(base, status, message) {
  const live = document.createElement('p');
  live.setAttribute('part', 'status');
  live.setAttribute('role', 'status');
  live.textContent = status;
  const text = document.createElement('p');
  text.className = 'pending';
  text.textContent = message ?? status;
  base.replaceChildren(live, text);
}

/**
 * @param {HTMLElement} base
 * @param {ResultImage[]} images
 * @param {string} [alt]
 */
export function renderGrid(base, images, alt = 'Generated image') {
  const live = document.createElement('p');
  live.setAttribute('part', 'status');
  live.setAttribute('role', 'status');
  live.textContent = 'Generation complete.';
  const list = document.createElement('ul');
  list.setAttribute('part', 'grid');
  list.setAttribute('role', 'list');
  images.forEach((image, index) => {
    const item = document.createElement('li');
    const url = image.url || image.mynth_url;
    if ((image.status === 'succeeded' || image.status === 'success') && url) {
      item.setAttribute('part', 'tile');
      const link = document.createElement('a');
      link.className = 'tile-link';
      link.href = url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      const img = document.createElement('img');
      img.setAttribute('part', 'image');
      img.src = url;
      img.alt = images.length > 1 ? `${alt} ${index + 1} of ${images.length}` : alt;
      const [, width, height] = image.size?.match(/^(\d+)x(\d+)$/) ?? [];
      if (width && height) {
        img.width = Number(width);
        img.height = Number(height);
      }
      img.loading = 'lazy';
      img.decoding = 'async';
      link.append(img);
      item.append(link);
    } else {
      item.setAttribute('part', 'tile image-failed');
      item.textContent = `Image ${index + 1} of ${images.length} failed`;
    }
    list.append(item);
  });
  base.replaceChildren(live, list);
}
