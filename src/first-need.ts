// The modules the element loads on first need (the viewer, the notice, the gateway dialect, the
// zero-JS start, the translations) are loaded once for the page. A load that failed (the network was down a moment)
// is tried again the next time the module is needed, rather than failing for the page's life.

/** `load`, called the first time it is needed and kept, unless it failed. */
export function onFirstNeed<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      loading = load();
      // Handled here too: a load started ahead of its need fails quietly; the need itself sees it.
      loading.catch(() => (loading = undefined));
    }
    return loading;
  };
}
