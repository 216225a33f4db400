// Result media that would not load (docs/behaviour.md, "Expiring result URLs"): the results are
// asked for again first, since their URLs may have expired; a URL that still fails after that is
// shown as a failed tile.
export class BrokenMedia {
  readonly #urls = new Set<string>();
  readonly #refresh: () => Promise<void>;
  readonly #changed: () => void;

  /** `refresh` asks for the results again (or not, within a minute of the last time). */
  constructor(refresh: () => Promise<void>, changed: () => void) {
    this.#refresh = refresh;
    this.#changed = changed;
  }

  has(url: string): boolean {
    return this.#urls.has(url);
  }

  /** The image or video at `url` failed to load. */
  failed(url: string): void {
    void this.#refresh().then(() => {
      this.#urls.add(url);
      this.#changed();
    });
  }

  /** A new task: nothing of the last one is broken. */
  clear(): void {
    this.#urls.clear();
  }
}
