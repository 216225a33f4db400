// The gateway dialect: `GET /v1/tasks/:id` with numeric statuses and the results inside the body,
// events by offset, and cancel. In a browser, base-url points at the app's own proxy, which adds the
// gateway key: the key never reaches the page, so no token is required here.
import { TaskApiError } from '../errors.js';
import type { AdapterContext, TaskAdapter, TaskEventRecord, TaskImage, TaskSnapshot } from '../types.js';
import { apiUrl, builtInAdapter, parseBody, readJson, release, request, requestJson } from './http.js';
import {
  type MindproxyAssets,
  type MindproxyTask,
  mindproxyAssetsSchema,
  mindproxyEventsSchema,
  mindproxyTaskSchema,
} from './mindproxy.schemas.js';
import { eventStream } from './stream.js';

/** Events are read in pages of this size, following pages until a shorter one comes back. */
export const EVENTS_PAGE_SIZE = 50;

const taskPath = (ctx: AdapterContext) => `/v1/tasks/${encodeURIComponent(ctx.taskId)}`;
const PENDING_PHASES: Record<number, string> = { 1: 'created', 2: 'queued', 3: 'processing' };

export const mindproxyAdapter: TaskAdapter = builtInAdapter({
  defaultBaseUrl: 'https://gateway.mindproxy.ai',
  requiresToken: false,

  async getStatus(ctx) {
    const response = await request(apiUrl(ctx, taskPath(ctx)), ctx);
    const task = await readJson(response, ctx, mindproxyTaskSchema);
    // The task's age by the server's own clock: the page's may be off.
    const age = Date.parse(response.headers.get('Date') ?? '') - Date.parse(task.created_at ?? '');
    return { ...toSnapshot(task), ...(age >= 0 && { age }) };
  },

  async cancel(ctx, reason) {
    await release(
      await request(apiUrl(ctx, `${taskPath(ctx)}/cancel`), ctx, { method: 'POST', body: { reason } }),
    );
  },

  // A stream's events are the task body.
  subscribe: eventStream(({ type, data }) =>
    type === 'message' ? toSnapshot(parseBody(mindproxyTaskSchema, JSON.parse(data))) : undefined,
  ),

  async getEvents(ctx, offset) {
    const events: TaskEventRecord[] = [];
    for (;;) {
      const query = `?limit=${EVENTS_PAGE_SIZE}&offset=${offset + events.length}`;
      const page = await requestJson(
        apiUrl(ctx, `${taskPath(ctx)}/events${query}`),
        ctx,
        mindproxyEventsSchema,
      );
      events.push(
        ...page.task_events.map((event) => ({
          ...event,
          task_event_id: String(event.task_event_id),
          created_at: String(event.created_at ?? ''),
        })),
      );
      if (page.task_events.length < EVENTS_PAGE_SIZE) return events;
    }
  },
});

function toSnapshot(task: MindproxyTask): TaskSnapshot {
  const { status } = task;
  const phase = PENDING_PHASES[status];
  if (phase) return { state: 'pending', status, phase };
  switch (status) {
    case 4:
      return { state: 'completed', status, images: parseAssets(task.result_assets_json) };
    case 6:
      return { state: 'cancelled', status };
    case 7:
      return { state: 'expired', status };
    case 8:
      return {
        state: 'failed',
        status,
        // Shown by the element in the page's language (`strings.errors.refunded`).
        error: { code: 'refunded', message: 'The task failed and was refunded: you were not charged.' },
      };
    default: {
      const code = String(task.error_code ?? '') || 'task-failed';
      // The API's own words and code, or none: the element's heading already says it failed.
      const message = [task.error_message, code !== 'task-failed' && `(${code})`].filter(Boolean).join(' ');
      return { state: 'failed', status, error: { code, message } };
    }
  }
}

/**
 * `result_assets_json` is a string of JSON, parsed and validated like any body; none (absent,
 * `null`, empty) is a task without results. It is read only once the task has succeeded.
 */
function parseAssets(json: unknown): TaskImage[] {
  if (json == null || json === '') return [];
  let assets: unknown;
  try {
    if (typeof json === 'string') assets = JSON.parse(json) as unknown;
  } catch {
    // Not JSON: refused below.
  }
  if (assets === undefined) throw new TaskApiError('invalid-response', 'result_assets_json is not JSON.');
  const parsed: MindproxyAssets = parseBody(mindproxyAssetsSchema, assets);
  return (Array.isArray(parsed) ? parsed : [parsed]).map((asset, index): TaskImage => {
    const common = {
      status: 'succeeded' as const,
      id: String(index),
      ...(asset.seed != null && { seed: asset.seed }),
      ...(asset.width && asset.height && { width: asset.width, height: asset.height }),
    };
    if (asset.video_url) {
      const poster = asset.thumbnail_url ? { thumbnailUrl: asset.thumbnail_url } : {};
      return { ...common, kind: 'video', url: asset.video_url, ...poster };
    }
    if (!asset.image_url) throw new TaskApiError('invalid-response', `Result ${index + 1}: no URL.`);
    return { ...common, kind: 'image', url: asset.image_url };
  });
}
