// What reaches the grid from the API is safe to show (docs/behaviour.md, Security): only URLs of safe
// schemes reach `src` or `href`, and only sane sizes reserve a box.
import type { TaskImage } from './types.js';

const SAFE = /^(https?:|blob:|data:image\/)/i;

/**
 * The URL resolved against the page when its scheme is safe to load (or, given `schemes`, one of
 * those), otherwise undefined.
 */
export function safeUrl(url: string | undefined, schemes = SAFE): string | undefined {
  if (!url) return undefined;
  try {
    const absolute = new URL(url, document.baseURI).href;
    return schemes.test(absolute) ? absolute : undefined;
  } catch {
    return undefined;
  }
}

/** Sides outside this range, in px, or a ratio beyond `MAX_RATIO`:1 reserve nothing. */
const MAX_SIDE = 20_000;
export const MAX_RATIO = 10;

function saneSize(width = 0, height = 0): boolean {
  const within = (side: number) => side >= 1 && side <= MAX_SIDE;
  return within(width) && within(height) && Math.max(width / height, height / width) <= MAX_RATIO;
}

/**
 * Turns every result whose URL is unsafe into a failed `unsafe-url` tile; drops an unsafe poster
 * and a size that would reserve an absurd box.
 */
export function sanitizeImages(images: readonly TaskImage[], unsafeMessage: string): TaskImage[] {
  return images.map((image) => {
    if (image.status !== 'succeeded') return image;
    const url = safeUrl(image.url);
    if (!url) return { status: 'failed', error: unsafeMessage, code: 'unsafe-url' };
    const { thumbnailUrl, width, height, ...rest } = image;
    const thumbnail = safeUrl(thumbnailUrl);
    return {
      ...rest,
      url,
      ...(thumbnail && { thumbnailUrl: thumbnail }),
      ...(saneSize(width, height) && { width, height }),
    };
  });
}
