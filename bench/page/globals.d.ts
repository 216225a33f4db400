// What the bench page puts on `window`, for the page scripts and the driver's page functions.

interface BenchInstrument {
  /** Timers scheduled and not yet run or cleared. */
  timers(): { timeouts: number; intervals: number };
  /** Hides or shows the page; returns Date.now() at the switch. */
  setHidden(hidden: boolean): number;
  /** The cumulative layout shift of the shifts that started at or after `since` (performance.now()). */
  layoutShift(since: number): number;
}

interface BenchMountOptions {
  taskId: string;
  token: string;
  baseUrl: string;
  /** Time scale: the implementation's intervals are multiplied by it. */
  scale: number;
  /** Tiles expected in the grid; `tilesAt` is set when that many are in the DOM. */
  tiles?: number;
  /** More attributes for `<task-progress>` (an estimate, a duration key, `expected-count`). */
  attributes?: Record<string, string>;
}

interface BenchRecord {
  taskId: string;
  /** Date.now() when the first <img> was in the element's DOM; 0 before. */
  firstImageAt: number;
  /** performance.now() when `tiles` tiles were in the element's DOM; 0 before. */
  tilesAt: number;
  /** performance.now() two animation frames after `tilesAt`: the grid has been laid out. */
  laidOutAt: number;
  /** performance.now() two frames after the element was added: its first state is on screen. */
  shownAt: number;
  /** Date.now() when the element fired its first `task-notify`; 0 before. */
  notifiedAt: number;
}

interface BenchHarness {
  mount(options: BenchMountOptions): number;
  /** Mounts one element every `gapMs`, in order. */
  mountStaggered(list: BenchMountOptions[], gapMs: number): Promise<void>;
  /**
   * For each task in turn, calls its status route once with `?prime` (so the mock's clock for the task
   * starts now), then mounts the task's elements.
   */
  primeAndMount(list: BenchMountOptions[]): Promise<void>;
  /** Removes every mounted element; returns Date.now() right after. */
  unmountAll(): number;
  records(): BenchRecord[];
  /**
   * The notification permission ('unsupported' where the browser has no notifications), and the
   * page's title at load then each title it changed to, with Date.now().
   */
  notices(): { permission: string; titles: { at: number; title: string }[] };
  /** Mounts and unmounts one element per task, one after the other, keeping nothing. */
  cycle(tasks: { taskId: string; token: string }[], baseUrl: string, scale: number): Promise<void>;
  /** responseEnd (performance.now()) of the first request whose URL ends with `suffix`. */
  responseEnd(suffix: string): number;
  /** Makes `count` preview images (512×512 JPEG blobs) for `followPreviews`. */
  makePreviews(count: number): Promise<void>;
  /**
   * Mounts a pending element (`expected-count="4"`) whose adapter answers `updates` statuses about
   * `pollMs` apart, each with `perUpdate` new previews (none: 0); resolves two frames after the
   * last, with the time from each answer to the next task (the engine and the element's update
   * run in between) and the previews in the element's DOM at the end.
   */
  followPreviews(
    updates: number,
    perUpdate: number,
    pollMs: number,
  ): Promise<{ spent: number[]; previews: number }>;
  /** Scrolls to the end and back; resolves when every image has loaded (or after `timeout` ms). */
  loadAllImages(timeout: number): Promise<{ images: number; loaded: number }>;
}

interface Window {
  benchInstrument: BenchInstrument;
  bench: BenchHarness;
}
