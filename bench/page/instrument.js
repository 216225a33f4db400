// Runs in every bench page before any other script (CDP Page.addScriptToEvaluateOnNewDocument):
// keeps count of the live timers, lets the bench hide and show the page by overriding
// document.visibilityState and firing visibilitychange (the page keeps running, as a background
// tab would, minus the browser's timer throttling), and records every layout shift.
(() => {
  /** @type {Map<number, 'timeout' | 'interval'>} */
  const live = new Map();
  const native = {
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
    setInterval: window.setInterval.bind(window),
    clearInterval: window.clearInterval.bind(window),
  };

  window.setTimeout = /** @type {typeof window.setTimeout} */ (
    (
      /** @type {TimerHandler} */ handler,
      /** @type {number | undefined} */ delay,
      /** @type {any[]} */ ...args
    ) => {
      if (typeof handler !== 'function') return native.setTimeout(handler, delay, ...args);
      const id = native.setTimeout(
        (/** @type {any[]} */ ...callArgs) => {
          live.delete(id);
          handler(...callArgs);
        },
        delay,
        ...args,
      );
      live.set(id, 'timeout');
      return id;
    }
  );
  window.setInterval = /** @type {typeof window.setInterval} */ (
    (
      /** @type {TimerHandler} */ handler,
      /** @type {number | undefined} */ delay,
      /** @type {any[]} */ ...args
    ) => {
      const id = native.setInterval(handler, delay, ...args);
      live.set(id, 'interval');
      return id;
    }
  );
  /** @param {(id?: number) => void} clear */
  const forget = (clear) => (/** @type {number | undefined} */ id) => {
    if (id !== undefined) live.delete(id);
    clear(id);
  };
  window.clearTimeout = /** @type {typeof window.clearTimeout} */ (forget(native.clearTimeout));
  window.clearInterval = /** @type {typeof window.clearInterval} */ (forget(native.clearInterval));

  let hidden = false;
  Object.defineProperty(Document.prototype, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  });
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });

  /** @type {{ value: number, startTime: number }[]} */
  const shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const shift = /** @type {PerformanceEntry & { value: number, hadRecentInput: boolean }} */ (entry);
      if (!shift.hadRecentInput) shifts.push({ value: shift.value, startTime: shift.startTime });
    }
  }).observe({ type: 'layout-shift', buffered: true });

  performance.setResourceTimingBufferSize(100_000);

  window.benchInstrument = {
    timers() {
      const values = [...live.values()];
      return {
        timeouts: values.filter((kind) => kind === 'timeout').length,
        intervals: values.filter((kind) => kind === 'interval').length,
      };
    },
    setHidden(value) {
      if (value !== hidden) {
        hidden = value;
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      }
      return Date.now();
    },
    layoutShift(since) {
      return shifts.filter((shift) => shift.startTime >= since).reduce((sum, shift) => sum + shift.value, 0);
    },
  };
})();
