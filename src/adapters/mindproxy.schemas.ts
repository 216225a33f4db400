// The gateway's task bodies (docs/behaviour.md, Providers). Unknown fields are allowed; required ones are checked.
import * as z from './schema.js';

export const mindproxyTaskSchema = z.object({
  task_id: z.string(),
  task_type: z.number(),
  status: z.literal([1, 2, 3, 4, 5, 6, 7, 8]),
  public_model: z.nullish(z.string()),
  result_assets_json: z.nullish(z.string()),
  error_code: z.nullish(z.union([z.string(), z.number()])),
  error_message: z.nullish(z.string()),
  // Read for pacing only: anything but an ISO date (a number of seconds, junk) is ignored.
  created_at: z.unknown(),
});

/** One result; it needs `image_url` or `video_url`. */
const asset = z.object({
  image_url: z.nullish(z.string()),
  video_url: z.nullish(z.string()),
  thumbnail_url: z.nullish(z.string()),
  seed: z.nullish(z.union([z.number(), z.string()])),
  width: z.nullish(z.number()),
  height: z.nullish(z.number()),
});

/** What `result_assets_json` holds once parsed: one asset or a list of them. */
export const mindproxyAssetsSchema = z.union([asset, z.array(asset)]);

export const mindproxyEventsSchema = z.object({
  task_events: z.array(
    z.object({
      task_event_id: z.union([z.string(), z.number()]),
      event_type: z.string(),
      status: z.number(),
      message: z.string(),
      // Never used by the element: a number is passed on as text, a missing one as empty.
      created_at: z.nullish(z.union([z.string(), z.number()])),
    }),
  ),
});

export type MindproxyTask = z.Infer<typeof mindproxyTaskSchema>;
export type MindproxyAssets = z.Infer<typeof mindproxyAssetsSchema>;
