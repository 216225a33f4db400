// The page's visibility as a test sets it: `document.visibilityState` and `document.hidden`
// answer what the test says, and a `visibilitychange` tells the page.

export function stubVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
}

export function restoreVisibility() {
  Reflect.deleteProperty(document, 'visibilityState');
  Reflect.deleteProperty(document, 'hidden');
}

export const visibilityChange = () => document.dispatchEvent(new Event('visibilitychange'));
