// Builders for the response bodies of docs/behaviour.md (Providers), shared by the mock server, the
// tests and the demo: each starts from a body the API documents print (./fixtures/).
// No Node imports: the browser tests load this file too.
import { documented, gateway, mynthReference } from './fixtures/index.js';

/**
 * A mindproxy task body: the documented one (fixtures/gateway.js, `task`) with this task's fields.
 * @param {string} id
 * @param {{ status: number, taskType?: number, assets?: unknown, errorCode?: string, errorMessage?: string }} fields
 */
export function mindproxyTask(id, { status, taskType = 3, assets, errorCode, errorMessage }) {
  const { completed_at: _, ...shape } = /** @type {Record<string, unknown>} */ (JSON.parse(gateway.task));
  return {
    ...shape,
    task_id: id,
    task_type: taskType,
    status,
    result_assets_json: assets === undefined ? '' : JSON.stringify(assets),
    ...(errorCode ? { error_code: errorCode } : {}),
    ...(errorMessage ? { error_message: errorMessage } : {}),
    created_at: now(),
    ...(status >= 4 ? { completed_at: now() } : {}),
  };
}

/** The time now as the gateway writes it: `2026-06-22T10:00:00Z`. */
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * A mynth `/results` body of `count` images drawn by the mock at `base`, each the documented image
 * (fixtures/mynth-reference.js, `results`) with its own id, URL and size; the indexes in `failed`
 * are failed images, as the tutorial types them.
 * @param {string} base Origin of the mock API.
 * @param {number} count
 * @param {{ failed?: number[], size?: number, imageDelay?: number }} [options]
 * @returns {{ images: { status: string, id?: string, url?: string, cost?: string, size?: string, error?: string }[] }}
 */
export function mynthResults(base, count, { failed = [], size = 512, imageDelay = 0 } = {}) {
  const [image] =
    /** @type {{ images: { status: string, id: string, url: string, cost: string, size: string }[] }} */ (
      documented(mynthReference.results, base)
    ).images;
  return {
    images: Array.from({ length: count }, (_, i) =>
      failed.includes(i)
        ? { status: 'failed', error: `Image ${i + 1} was blocked by the content filter` }
        : {
            ...image,
            id: `img_${i + 1}`,
            url: `${base}/__mock/images/${i + 1}.svg?w=${size}&delay=${imageDelay}`,
            size: `${size}x${size}`,
          },
    ),
  };
}

/**
 * The body of a diffusion-server-like job (`GET /diffusion/jobs/:id`) `elapsed` ms after it was
 * submitted: waiting in a queue that moves one place every `queueStepMs`, then running for
 * `runMs` with its progress in sampling steps and a preview of its first image whose noise clears
 * as the steps go, then done with its images.
 * @param {import('./types.js').DiffusionJob} job
 * @param {number} elapsed
 */
export function diffusionJob({ ahead, queueStepMs, runMs, steps, images }, elapsed) {
  const queuedFor = (ahead + 1) * queueStepMs;
  if (elapsed < queuedFor)
    return { state: 'queued', queue_position: ahead - Math.floor(elapsed / queueStepMs) };
  const step = Math.floor(((elapsed - queuedFor) / runMs) * steps);
  if (step >= steps) return { state: 'done', images };
  // The first image under noise stands in for its partly denoised latent.
  const noise = Math.round(((steps - step) / steps) * 100) / 100;
  return { state: 'running', progress: step / steps, preview_url: `${images[0]}&noise=${noise}` };
}
