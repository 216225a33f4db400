// The bench page's side: loads one implementation (`?impl=`), mounts its elements on tasks the
// driver created, and records when each element's first image and all its tiles reach the DOM,
// when it fires `task-notify`, and each change of the page's title (the notice's mark).

/** @type {Record<string, string>} */
const TAGS = { tutorial: 'tutorial-task', tanstack: 'tanstack-task', element: 'task-progress' };

const impl = new URL(location.href).searchParams.get('impl') ?? '';
const tag = TAGS[impl];
if (!tag) throw new Error(`Unknown implementation ${impl}`);
await import(`/impl/${impl}.js`);
await customElements.whenDefined(tag);

const stage = /** @type {HTMLElement} */ (document.querySelector('#stage'));
/** @type {{ element: HTMLElement, record: BenchRecord }[]} */
let mounted = [];

/** The page's title, then each title it changed to, with Date.now(). */
const titles = [{ at: Date.now(), title: document.title }];
new MutationObserver(() => titles.push({ at: Date.now(), title: document.title })).observe(document.head, {
  subtree: true,
  childList: true,
  characterData: true,
});

/**
 * The element for a task, with the implementation's defaults scaled by `scale`.
 * @param {BenchMountOptions} options
 */
function create({ taskId, token, baseUrl, scale, attributes = {} }) {
  const element = document.createElement(tag);
  if (impl === 'element') {
    element.setAttribute('poll-interval', String(2000 * scale));
    element.setAttribute('max-poll-interval', String(5000 * scale));
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  } else {
    element.setAttribute('interval', String(2000 * scale));
  }
  element.setAttribute('base-url', baseUrl);
  element.setAttribute('public-access-token', token);
  element.setAttribute('task-id', taskId);
  return element;
}

/**
 * Watches the element's shadow root: mutation callbacks run right after the DOM changes.
 * @param {ShadowRoot} root
 * @param {BenchRecord} record
 * @param {number} tiles
 */
function watch(root, record, tiles) {
  const check = () => {
    if (!record.firstImageAt && root.querySelector('img')) record.firstImageAt = Date.now();
    if (tiles && !record.tilesAt && root.querySelectorAll('[part~="tile"]').length >= tiles) {
      record.tilesAt = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => (record.laidOutAt = performance.now())));
    }
    if (record.firstImageAt && (!tiles || record.tilesAt)) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(root, { childList: true, subtree: true });
}

/** @param {BenchMountOptions} options */
function mount(options) {
  const element = create(options);
  const record = {
    taskId: options.taskId,
    firstImageAt: 0,
    tilesAt: 0,
    laidOutAt: 0,
    shownAt: 0,
    notifiedAt: 0,
  };
  element.addEventListener('task-notify', () => (record.notifiedAt ||= Date.now()));
  stage.append(element);
  requestAnimationFrame(() => requestAnimationFrame(() => (record.shownAt = performance.now())));
  if (!element.shadowRoot) throw new Error(`${tag} has no open shadow root`);
  watch(element.shadowRoot, record, options.tiles ?? 0);
  mounted.push({ element, record });
  return mounted.length - 1;
}

/** A macrotask without a timer, so that the timer count stays clean. */
function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(undefined);
    channel.port2.postMessage(0);
  });
}

/** @param {number} ms */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Preview images (JPEG blobs), made ahead of the measure so that making them is not measured. */
let previewUrls = /** @type {string[]} */ ([]);

window.bench = {
  mount,
  async mountStaggered(list, gapMs) {
    for (const [index, options] of list.entries()) {
      if (index > 0) await sleep(gapMs);
      mount(options);
    }
  },
  async primeAndMount(list) {
    /** @type {Map<string, BenchMountOptions[]>} */
    const byTask = new Map();
    for (const options of list) byTask.set(options.taskId, [...(byTask.get(options.taskId) ?? []), options]);
    // One task after the other: a burst of first requests would queue behind Chromium's six
    // connections per host, and any queueing is stretched by the time scale.
    for (const group of byTask.values()) {
      const { baseUrl, taskId, token } = group[0];
      const response = await fetch(`${baseUrl}/tasks/${taskId}/status?prime`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      await response.text();
      group.forEach(mount);
      await nextTask();
    }
  },
  unmountAll() {
    for (const { element } of mounted) element.remove();
    const at = Date.now();
    mounted = [];
    return at;
  },
  records: () => mounted.map(({ record }) => record),
  notices: () => ({
    permission: typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
    titles,
  }),
  async cycle(tasks, baseUrl, scale) {
    for (const { taskId, token } of tasks) {
      const element = create({ taskId, token, baseUrl, scale });
      stage.append(element);
      await nextTask();
      await nextTask();
      element.remove();
    }
  },
  responseEnd(suffix) {
    const entry = performance
      .getEntriesByType('resource')
      .find((resource) => new URL(resource.name).pathname.endsWith(suffix));
    return entry ? /** @type {PerformanceResourceTiming} */ (entry).responseEnd : 0;
  },
  async makePreviews(count) {
    const canvas = new OffscreenCanvas(512, 512);
    const context = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d'));
    previewUrls = [];
    for (let i = 0; i < count; i++) {
      context.fillStyle = `hsl(${(i * 37) % 360} 60% 50%)`;
      context.fillRect(0, 0, 512, 512);
      context.fillStyle = '#fff';
      context.font = '96px sans-serif';
      context.fillText(String(i), 180, 290);
      previewUrls.push(URL.createObjectURL(await canvas.convertToBlob({ type: 'image/jpeg' })));
    }
  },
  followPreviews(updates, perUpdate, pollMs) {
    const element = create({
      taskId: 'previews',
      token: '',
      baseUrl: '',
      scale: pollMs / 2000,
      attributes: { 'max-poll-interval': String(pollMs), 'expected-count': '4' },
    });
    /** @type {number[]} */
    const spent = [];
    let answers = 0;
    return new Promise((resolve) => {
      const done = () => {
        const previews = element.shadowRoot?.querySelectorAll('[part="preview"]').length ?? 0;
        element.remove();
        resolve({ spent, previews });
      };
      /** @type {import('../../src/types.ts').TaskAdapter} */
      const adapter = {
        requiresToken: false,
        async getStatus() {
          const answer = ++answers;
          if (answer > updates) return { state: 'pending', status: 'processing', phase: 'processing' };
          const previews = previewUrls.slice((answer - 1) * perUpdate, answer * perUpdate).map((url, i) => ({
            status: /** @type {const} */ ('succeeded'),
            id: `preview-${i}`,
            url,
            kind: /** @type {const} */ ('image'),
            width: 512,
            height: 512,
          }));
          const at = performance.now();
          // The engine and the element handle the answer in microtasks: done by the next task.
          void nextTask().then(() => {
            spent.push(performance.now() - at);
            if (answer === updates) requestAnimationFrame(() => requestAnimationFrame(done));
          });
          return {
            state: 'pending',
            status: 'processing',
            phase: 'processing',
            ...(perUpdate && { previews }),
          };
        },
      };
      Object.assign(element, { adapter });
      stage.append(element);
    });
  },
  async loadAllImages(timeout) {
    const images = () =>
      mounted.flatMap(({ element }) => [...(element.shadowRoot?.querySelectorAll('img') ?? [])]);
    const deadline = performance.now() + timeout;
    const step = Math.max(200, innerHeight / 2);
    for (let y = 0; y <= document.documentElement.scrollHeight && performance.now() < deadline; y += step) {
      scrollTo(0, y);
      await sleep(50);
    }
    while (performance.now() < deadline && !images().every((img) => img.complete && img.naturalWidth > 0)) {
      await sleep(50);
    }
    scrollTo(0, 0);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const all = images();
    return { images: all.length, loaded: all.filter((img) => img.complete && img.naturalWidth > 0).length };
  },
};

export {};
