// Only URLs of safe schemes ever reach `src` or `href` (docs/behaviour.md, Security).
import type { TaskImage } from './types.js';

const SAFE = /^(https?:|blob:|data:image\/)/i;

/** The absolute URL when its scheme is safe to load, otherwise undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const absolute = new URL(url, document.baseURI).href;
    return SAFE.test(absolute) ? absolute : undefined;
  } catch {
    return undefined;
  }
}

/** Turns every result whose URL is unsafe into a failed `unsafe-url` tile; drops an unsafe poster. */
export function sanitizeImages(images: readonly TaskImage[], unsafeMessage: string): TaskImage[] {
  return images.map((image) => {
    if (image.status !== 'succeeded') return image;
    const url = safeUrl(image.url);
    if (!url) return { status: 'failed', error: unsafeMessage, code: 'unsafe-url' };
    const { thumbnailUrl, ...rest } = image;
    const thumbnail = safeUrl(thumbnailUrl);
    return thumbnail ? { ...rest, url, thumbnailUrl: thumbnail } : { ...rest, url };
  });
}
