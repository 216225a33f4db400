// The page's `fetch` calls, counted as they are made: on the fake clock, a request the element would
// send is called for while the clock moves, so a count taken after a move misses none.

export interface Fetches {
  /** The URL of each call, in order. */
  urls: string[];
  restore(): void;
}

/** Counts the page's `fetch` calls until `restore()`, but the test's own to the mock's control routes. */
export function countFetches(): Fetches {
  const original = window.fetch;
  const urls: string[] = [];
  window.fetch = (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.includes('/__mock/')) urls.push(url);
    return original(input, init);
  };
  return { urls, restore: () => (window.fetch = original) };
}
