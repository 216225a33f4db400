// Builders for the response bodies of docs/behaviour.md (Providers), shared by the mock server, the tests and the demo.
// No Node imports: the browser tests load this file too.

/**
 * A mindproxy task body (docs/behaviour.md, Providers) with sensible defaults.
 * @param {string} id
 * @param {{ status: number, taskType?: number, assets?: unknown, errorCode?: string, errorMessage?: string }} fields
 */
export function mindproxyTask(id, { status, taskType = 3, assets, errorCode, errorMessage }) {
  return {
    task_id: id,
    task_type: taskType,
    status,
    public_model: 'mock/model-1',
    result_assets_json: assets === undefined ? '' : JSON.stringify(assets),
    ...(errorCode ? { error_code: errorCode } : {}),
    ...(errorMessage ? { error_message: errorMessage } : {}),
    created_at: new Date().toISOString(),
    ...(status >= 4 ? { completed_at: new Date().toISOString() } : {}),
  };
}

/**
 * A mynth `/results` body of `count` images drawn by the mock at `base`; the indexes in `failed`
 * are failed images.
 * @param {string} base Origin of the mock API.
 * @param {number} count
 * @param {{ failed?: number[], size?: number, imageDelay?: number }} [options]
 */
export function mynthResults(base, count, { failed = [], size = 512, imageDelay = 0 } = {}) {
  return {
    images: Array.from({ length: count }, (_, i) =>
      failed.includes(i)
        ? { status: 'failed', error: `Image ${i + 1} was blocked by the content filter` }
        : {
            status: 'succeeded',
            id: `img_${i + 1}`,
            url: `${base}/__mock/images/${i + 1}.svg?w=${size}&delay=${imageDelay}`,
            cost: 0.01,
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
