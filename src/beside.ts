// Modules shipped beside the element's files (the translations, the viewer): found relative to this
// module wherever it is served from (a CDN serving dist/ works), and not bundled, so the
// self-contained file carries none of them.

/** Loads `file`, a path relative to this module (`./viewer.js`). */
export const importBeside = <T>(file: string): Promise<T> =>
  import(/* @vite-ignore */ new URL(file, import.meta.url).href) as Promise<T>;
