// The demo's named scenarios: what the mock task API plays for each, and the element options the
// page sets for it. No Node imports: the page reads the names, labels and options from here too.
import { mindproxyTask, mynthResults } from './bodies.js';

/** @typedef {import('./types.js').DiffusionJob} DiffusionJob */

/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./types.js').MockStep} MockStep */
/** @typedef {import('./types.js').TaskEvent} TaskEvent */

/**
 * What the page sets on the element for a scenario, besides the task id and token.
 * @typedef {object} ElementOptions
 * @property {'mynth' | 'mindproxy'} [provider]
 * @property {'diffusion'} [adapter] the page's own adapter (`demo/diffusion-adapter.ts`) for the
 *   diffusion server's job route
 * @property {boolean} [cancelable]
 * @property {boolean} [showEvents]
 * @property {number} [timeout] ms
 * @property {number} [maxPollInterval] ms
 * @property {boolean} [tokenProvider] gets a fresh token from the page's server (`POST /api/token`)
 * @property {number} [expectedDuration] ms
 * @property {string} [durationKey] the kind of task whose durations are learned
 * @property {boolean} [rememberDurations]
 * @property {number} [expectedCount]
 */

/**
 * @typedef {object} ScenarioInfo
 * @property {string} name
 * @property {string} label
 * @property {string} hint What to watch for.
 * @property {ElementOptions} element
 */

/** Every scenario, in the order the page lists them. */
export const scenarioList = /** @type {const} @satisfies {readonly ScenarioInfo[]} */ ([
  {
    name: 'quick-success',
    label: 'Quick success',
    hint: 'Two pending polls, then four images that take a moment to arrive.',
    element: {},
  },
  {
    name: 'slow',
    label: 'Slow (60 s)',
    hint: 'Pending for a minute: the polls slow down toward max-poll-interval, the elapsed time runs.',
    element: {},
  },
  {
    name: 'estimated',
    label: 'Estimated (15 s)',
    hint: 'expected-duration="15000": a determinate bar, "About N s left", and polls gathered around the expected end.',
    element: { expectedDuration: 15_000 },
  },
  {
    name: 'learned',
    label: 'Learned estimate',
    hint: 'duration-key with remember-durations: no estimate for the first three runs, then one from how long they took (kept in localStorage).',
    element: { durationKey: 'demo-model', rememberDurations: true },
  },
  {
    name: 'reserved',
    label: 'Reserved tiles',
    hint: 'expected-count="4": four placeholder tiles while pending, replaced by the images without moving the page.',
    element: { expectedCount: 4, expectedDuration: 8_000 },
  },
  {
    name: 'partial-failure',
    label: 'Partial failure',
    hint: 'Completes with four results, two of them blocked: failed tiles with their reason.',
    element: {},
  },
  {
    name: 'expired-urls',
    label: 'Expired image URLs',
    hint: 'The first image URLs have expired (410): the element asks for the results once more and shows the fresh ones.',
    element: {},
  },
  {
    name: 'failed',
    label: 'Failed',
    hint: 'The task fails: the message, and a Retry button that starts a new task.',
    element: {},
  },
  {
    name: 'flaky-network',
    label: 'Flaky network',
    hint: '500, 502 and 503 answers mixed in: task-error with willRetry, then it completes.',
    element: {},
  },
  {
    name: 'connection-lost',
    label: 'Connection lost',
    hint: 'Three 503 answers in a row: "Connection problem. Retrying in N s" counts down before each retry.',
    element: {},
  },
  {
    name: 'rate-limited',
    label: 'Rate limited',
    hint: 'Two 429 answers with Retry-After: 2; the element waits at least that long, then completes.',
    element: {},
  },
  {
    name: 'expiring-token',
    label: 'Expiring token',
    hint: 'The token is refused after two requests; tokenProvider gets a new one from POST /api/token.',
    element: { tokenProvider: true },
  },
  {
    name: 'never-finishes',
    label: 'Never finishes',
    hint: 'Stays pending; the element gives up after its 20 s timeout. Retry keeps waiting.',
    element: { timeout: 20_000 },
  },
  {
    name: 'gateway-image',
    label: 'Gateway image',
    hint: 'provider="mindproxy": statuses 1, 2, 3 (created, queued, processing), then 4 with images.',
    element: { provider: 'mindproxy' },
  },
  {
    name: 'gateway-queue',
    label: 'Gateway with a queue',
    hint: 'Statuses 1 and 2 (created, queued) for 8 s: "In queue" and no ETA. From status 3 (processing), expected-duration="10000" counts processing time and the ETA appears.',
    element: { provider: 'mindproxy', expectedDuration: 10_000 },
  },
  {
    name: 'gateway-video',
    label: 'Gateway video',
    hint: 'A video result (task_type 2): the poster shows, and the player plays a short clip.',
    element: { provider: 'mindproxy' },
  },
  {
    name: 'gateway-events',
    label: 'Gateway events',
    hint: 'show-events: the task’s events appear as they happen, the latest one under the bar.',
    element: { provider: 'mindproxy', showEvents: true },
  },
  {
    name: 'cancel',
    label: 'Cancel',
    hint: 'cancelable: press Cancel; the gateway confirms two polls later (6, cancelled), and the phase says Cancelling meanwhile.',
    element: { provider: 'mindproxy', cancelable: true },
  },
  {
    name: 'diffusion',
    label: 'Diffusion server (own adapter)',
    hint: 'Another API, followed through an adapter of the page’s own (demo/diffusion-adapter.ts): the place in its queue ("2 ahead of yours"), then the bar and the ETA from its own progress with a preview in the first tile that clears, then two images.',
    // An API that reports progress is worth asking often: the bar and the preview move at each answer.
    element: { adapter: 'diffusion', expectedCount: 2, maxPollInterval: 2_000 },
  },
]);

/** @typedef {(typeof scenarioList)[number]['name']} ScenarioName */

/** The scenario names, in order. */
export const scenarioNames = scenarioList.map((scenario) => scenario.name);

/**
 * @param {string} name
 * @returns {name is ScenarioName}
 */
export function isScenarioName(name) {
  return /** @type {readonly string[]} */ (scenarioNames).includes(name);
}

/** How long a mock image takes to arrive, in ms. */
const IMAGE_DELAY = 700;

const pending = { json: { status: 'pending' } };
const completed = { json: { status: 'completed' } };

/**
 * @param {string} origin
 * @param {{ failed?: number[], imageDelay?: number }} [options]
 * @returns {MockStep[]}
 */
const results = (origin, { failed, imageDelay = IMAGE_DELAY } = {}) => [
  { json: mynthResults(origin, 4, { failed, imageDelay }) },
];

/**
 * The results once with every image URL expired (the mock answers 410), then fresh.
 * @param {string} origin
 * @returns {MockStep[]}
 */
function expiringResults(origin) {
  const stale = mynthResults(origin, 4, { imageDelay: IMAGE_DELAY });
  for (const image of stale.images) if (image.url) image.url += '&expired';
  return [{ times: 1, json: stale }, ...results(origin)];
}

/**
 * Two pending polls, then four images drawn by the mock on `origin`: the quick-success scenario,
 * and the task the mock's `POST /image/generate` and the framework examples start.
 * @param {string} origin
 * @param {number} imageDelay How long each image takes to arrive, in ms.
 * @returns {Scenario}
 */
export function quickTask(origin, imageDelay) {
  return { status: [{ times: 2, ...pending }, completed], results: results(origin, { imageDelay }) };
}

/**
 * Pending for `forMs` from the first status request, then four images drawn by the mock on `origin`.
 * @param {string} origin
 * @param {number} forMs
 * @returns {Scenario}
 */
const timedTask = (origin, forMs) => ({
  status: [{ forMs, ...pending }, completed],
  results: results(origin),
});

const gatewayId = () => `gw_${Math.random().toString(36).slice(2, 12)}`;

/**
 * A gateway status step.
 * @param {string} id
 * @param {number} status
 * @param {{ times?: number, forMs?: number, taskType?: number, assets?: unknown }} [options]
 * @returns {MockStep}
 */
function gatewayStep(id, status, { times, forMs, taskType, assets } = {}) {
  return { times, forMs, json: mindproxyTask(id, { status, taskType, assets }) };
}

/**
 * Gateway image assets drawn by the mock.
 * @param {string} origin
 * @param {number} count
 */
function gatewayImages(origin, count) {
  return Array.from({ length: count }, (_, i) => ({
    image_url: `${origin}/__mock/images/${i + 1}.svg?w=768&delay=${IMAGE_DELAY}`,
    width: 768,
    height: 768,
    seed: 1000 + i,
  }));
}

/**
 * Gateway events, each visible from `atMs` after the task was created.
 * @param {[number, string, number, string][]} rows `[atMs, event_type, status, message]`
 * @returns {(TaskEvent & { atMs: number })[]}
 */
function gatewayEvents(rows) {
  const created = Date.now();
  return rows.map(([atMs, eventType, status, message], i) => ({
    task_event_id: String(i + 1),
    event_type: eventType,
    status,
    message,
    created_at: new Date(created + atMs).toISOString(),
    atMs,
  }));
}

/**
 * A diffusion server's job: two jobs ahead of it, then 30 sampling steps over 12 s, two images.
 * @param {string} origin
 * @returns {DiffusionJob}
 */
const diffusionJob = (origin) => ({
  ahead: 2,
  queueStepMs: 2_500,
  runMs: 12_000,
  steps: 30,
  images: [1, 2].map((n) => `${origin}/__mock/images/${n}.svg?w=512`),
});

/**
 * The mock script of a scenario; image URLs point at the mock on `origin`.
 * @param {ScenarioName} name
 * @param {string} origin
 * @returns {Scenario}
 */
export function createScenario(name, origin) {
  switch (name) {
    case 'quick-success':
      return quickTask(origin, IMAGE_DELAY);
    case 'slow':
      return timedTask(origin, 60_000);
    case 'estimated':
      return timedTask(origin, 15_000);
    case 'learned':
      return timedTask(origin, 6_000);
    case 'reserved':
      return timedTask(origin, 8_000);
    case 'connection-lost':
      return {
        status: [
          { times: 1, ...pending },
          { times: 3, status: 503, body: 'Service Unavailable' },
          { times: 1, ...pending },
          completed,
        ],
        results: results(origin),
      };
    case 'partial-failure':
      return { status: [{ times: 2, ...pending }, completed], results: results(origin, { failed: [1, 3] }) };
    case 'expired-urls':
      return { status: [{ times: 2, ...pending }, completed], results: expiringResults(origin) };
    case 'failed':
      return {
        status: [
          { times: 2, ...pending },
          { json: { status: 'failed', error: 'The model could not render this prompt. Try rephrasing it.' } },
        ],
      };
    case 'flaky-network':
      return {
        status: [
          { times: 1, ...pending },
          { times: 1, status: 502, json: { error: 'Bad gateway' } },
          { times: 1, ...pending },
          { times: 1, status: 503, body: 'Service Unavailable' },
          { times: 1, status: 500, json: { error: 'Internal error' } },
          { times: 1, ...pending },
          completed,
        ],
        results: [{ times: 1, status: 502, json: { error: 'Bad gateway' } }, ...results(origin)],
      };
    case 'rate-limited':
      return {
        status: [
          { times: 2, status: 429, headers: { 'Retry-After': '2' }, json: { error: 'Too many requests' } },
          { times: 1, ...pending },
          completed,
        ],
        results: results(origin),
      };
    case 'expiring-token':
      return { tokenUses: 2, status: [{ times: 3, ...pending }, completed], results: results(origin) };
    case 'never-finishes':
      return { status: [pending] };
    case 'gateway-image': {
      const id = gatewayId();
      return {
        provider: 'mindproxy',
        taskId: id,
        status: [
          gatewayStep(id, 1, { times: 1 }),
          gatewayStep(id, 2, { times: 1 }),
          gatewayStep(id, 3, { times: 2 }),
          gatewayStep(id, 4, { assets: gatewayImages(origin, 4) }),
        ],
      };
    }
    case 'gateway-queue': {
      const id = gatewayId();
      return {
        provider: 'mindproxy',
        taskId: id,
        status: [
          gatewayStep(id, 1, { times: 1 }),
          gatewayStep(id, 2, { forMs: 8_000 }),
          gatewayStep(id, 3, { forMs: 10_000 }),
          gatewayStep(id, 4, { assets: gatewayImages(origin, 2) }),
        ],
      };
    }
    case 'gateway-video': {
      const id = gatewayId();
      const assets = {
        video_url: `${origin}/__mock/videos/${id}.webm`,
        // No text on the poster: the player's controls sit over the middle of a small tile.
        thumbnail_url: `${origin}/__mock/images/poster.svg?w=1280&h=720&label=&delay=${IMAGE_DELAY}`,
        width: 1280,
        height: 720,
        seed: 42,
      };
      return {
        provider: 'mindproxy',
        taskId: id,
        status: [
          gatewayStep(id, 1, { times: 1, taskType: 2 }),
          gatewayStep(id, 3, { times: 2, taskType: 2 }),
          gatewayStep(id, 4, { taskType: 2, assets }),
        ],
      };
    }
    case 'gateway-events': {
      const id = gatewayId();
      return {
        provider: 'mindproxy',
        taskId: id,
        status: [
          gatewayStep(id, 1, { times: 1 }),
          gatewayStep(id, 2, { times: 1 }),
          gatewayStep(id, 3, { forMs: 9_000 }),
          gatewayStep(id, 4, { assets: gatewayImages(origin, 2) }),
        ],
        events: gatewayEvents([
          [0, 'created', 1, 'Task created'],
          [800, 'queued', 2, 'Queued on an available worker'],
          [2_000, 'processing', 3, 'Model loaded, generating'],
          [4_500, 'progress', 3, 'Step 10 of 30'],
          [7_000, 'progress', 3, 'Step 20 of 30'],
          [9_500, 'progress', 3, 'Step 30 of 30, uploading the results'],
        ]),
      };
    }
    case 'cancel': {
      const id = gatewayId();
      return {
        provider: 'mindproxy',
        taskId: id,
        status: [gatewayStep(id, 1, { times: 1 }), gatewayStep(id, 2, { times: 1 }), gatewayStep(id, 3)],
        // A real gateway takes a moment to stop a task: the "Cancelling" phase shows meanwhile.
        cancelConfirmedAfter: 2,
      };
    }
    case 'diffusion':
      return { provider: 'diffusion', diffusion: diffusionJob(origin) };
  }
}
