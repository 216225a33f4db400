// The gateway dialect (`provider="mindproxy"`): `GET /v1/tasks/:id` with numeric statuses and the
// results inside the body, events by offset, and cancel. A module of its own, loaded on first need
// by the adapter in ./mindproxy.ts. It imports nothing at run time: the element's file gives it
// what it shares with the other dialect (imported here, each would be split off from that file
// into a module of its own), and its errors are the element's own `TaskApiError`s.
import type { TaskApiError as ApiError } from '../errors.js';
import type { AdapterContext, TaskEventRecord, TaskImage, TaskSnapshot } from '../types.js';
import type {
  parseBody as ParseBody,
  readJson as ReadJson,
  release as Release,
  request as Request,
} from './http.js';
import type { GatewayMethods } from './mindproxy.js';
import type {
  MindproxyAssets,
  MindproxyTask,
  mindproxyAssetsSchema,
  mindproxyEventsSchema,
  mindproxyTaskSchema,
} from './mindproxy.schemas.js';
import type { eventStream as EventStream } from './stream.js';

/** What the element's file gives the dialect. */
export interface Shared {
  request: typeof Request;
  readJson: typeof ReadJson;
  parseBody: typeof ParseBody;
  release: typeof Release;
  eventStream: typeof EventStream;
  TaskApiError: typeof ApiError;
  taskSchema: typeof mindproxyTaskSchema;
  assetsSchema: typeof mindproxyAssetsSchema;
  eventsSchema: typeof mindproxyEventsSchema;
}

/** Events are read in pages of this size, following pages until a shorter one comes back. */
const EVENTS_PAGE_SIZE = 50;

const taskPath = (ctx: AdapterContext) => `${ctx.baseUrl}/v1/tasks/${encodeURIComponent(ctx.taskId)}`;
const PENDING_PHASES: Record<number, string> = { 1: 'created', 2: 'queued', 3: 'processing' };

/** The dialect's methods, made of what the element's file gives. */
export function gateway(shared: Shared): GatewayMethods {
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
    if (assets === undefined)
      throw new shared.TaskApiError('invalid-response', 'result_assets_json is not JSON.');
    const parsed: MindproxyAssets = shared.parseBody(shared.assetsSchema, assets);
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
      if (!asset.image_url) throw new shared.TaskApiError('invalid-response', `Result ${index + 1}: no URL.`);
      return { ...common, kind: 'image', url: asset.image_url };
    });
  }

  return {
    async getStatus(ctx) {
      const response = await shared.request(taskPath(ctx), ctx);
      const task = await shared.readJson(response, ctx, shared.taskSchema);
      // The task's age by the server's own clock: the page's may be off.
      const age = Date.parse(response.headers.get('Date') ?? '') - Date.parse(task.created_at ?? '');
      return { ...toSnapshot(task), ...(age >= 0 && { age }) };
    },

    async cancel(ctx, reason) {
      await shared.release(
        await shared.request(`${taskPath(ctx)}/cancel`, ctx, { method: 'POST', body: { reason } }),
      );
    },

    // A stream's events are the task body.
    subscribe: shared.eventStream(({ type, data }) =>
      type === 'message' ? toSnapshot(shared.parseBody(shared.taskSchema, JSON.parse(data))) : undefined,
    ),

    async getEvents(ctx, offset) {
      const events: TaskEventRecord[] = [];
      for (;;) {
        const query = `?limit=${EVENTS_PAGE_SIZE}&offset=${offset + events.length}`;
        const url = `${taskPath(ctx)}/events${query}`;
        const page = await shared.readJson(await shared.request(url, ctx), ctx, shared.eventsSchema);
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
  };
}
