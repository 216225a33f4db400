// The Mynth dialect: `GET /tasks/:id/status`, then `GET /tasks/:id/results` once completed.
import { TaskApiError } from '../errors.js';
import type { AdapterContext, TaskAdapter, TaskImage, TaskSnapshot } from '../types.js';
import { apiUrl, builtInAdapter, parseBody, requestJson } from './http.js';
import {
  type MynthImage,
  type MynthResults,
  type MynthStatus,
  mynthResultsSchema,
  mynthStatusSchema,
} from './mynth.schemas.js';
import { eventStream } from './stream.js';

const taskPath = (ctx: AdapterContext) => `/tasks/${encodeURIComponent(ctx.taskId)}`;

export const mynthAdapter: TaskAdapter = builtInAdapter({
  defaultBaseUrl: 'https://api.mynth.io',

  async getStatus(ctx) {
    return toSnapshot(await requestJson(apiUrl(ctx, `${taskPath(ctx)}/status`), ctx, mynthStatusSchema));
  },

  async getResults(ctx) {
    const results = (path: string) =>
      requestJson(apiUrl(ctx, `${taskPath(ctx)}${path}`), ctx, mynthResultsSchema);
    let body;
    try {
      body = await results('/results');
    } catch (error) {
      // The tutorial documents `/results`, the REST reference `/result`: ask the other once.
      if (!(error instanceof TaskApiError) || error.code !== 'not-found') throw error;
      body = await results('/result');
    }
    return toImages(body);
  },

  // A stream's events are the status body, and `results` the results body.
  subscribe: eventStream(({ type, data }) =>
    type === 'results'
      ? {
          state: 'completed',
          status: 'completed',
          images: toImages(parseBody(mynthResultsSchema, JSON.parse(data))),
        }
      : type === 'message'
        ? toSnapshot(parseBody(mynthStatusSchema, JSON.parse(data)))
        : undefined,
  ),
});

function toSnapshot(body: MynthStatus): TaskSnapshot {
  const { status, error } = 'status' in body ? body : body.data;
  // Mynth has no finer steps: once it answers, a pending task is processing.
  if (status === 'pending') return { state: status, status, phase: 'processing' };
  if (status === 'completed') return { state: status, status };
  // The API's own words, or none: the element's heading already says it failed.
  return { state: 'failed', status, error: { code: 'task-failed', message: error ?? '' } };
}

const toImages = (body: MynthResults): TaskImage[] =>
  ('images' in body ? body : body.data).images.map(toTaskImage);

function toTaskImage(image: MynthImage, index: number): TaskImage {
  if (image.status === 'failed') {
    const error = typeof image.error === 'object' ? image.error.message : image.error;
    return { status: 'failed', error: error ?? '' };
  }
  const url = image.url || image.mynth_url;
  if (!url) throw new TaskApiError('invalid-response', `Image ${index + 1}: no URL.`);
  const [width, height] = (image.size?.match(/^(\d+)x(\d+)$/) ?? []).slice(1).map(Number);
  return {
    status: 'succeeded',
    id: String(image.id ?? index),
    url,
    kind: 'image',
    ...(width && height && { width, height }),
    ...(image.cost !== undefined && { cost: decimal(image.cost) }),
  };
}

/** A cost as decimal text: a string as the API wrote it; a number never in exponent form (1e-7). */
export function decimal(cost: string | number): string {
  const text = String(cost);
  const parts = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!parts) return text;
  const [, sign, whole, fraction = '', exponent] = parts;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
