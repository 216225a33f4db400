// The gateway's task bodies (docs/behaviour.md, Providers). Unknown fields are allowed. Only what the
// element needs is required (a status, a result's URL); a field it only shows or reads for pacing is
// dropped when it is absent or has another type.
import * as z from './schema.js';

export const mindproxyTaskSchema = z.object({
  status: z.literal([1, 2, 3, 4, 5, 6, 7, 8]),
  // A string of JSON, read only once the task has succeeded: what it holds before is no concern.
  result_assets_json: z.optional(z.unknown()),
  error_code: z.shownOnly(z.union([z.string(), z.number()])),
  error_message: z.shownOnly(z.string()),
  // Read for pacing only; a string that is not a date is ignored too.
  created_at: z.shownOnly(z.string()),
});

/** One result; it needs `image_url` or `video_url`. */
const asset = z.object({
  image_url: z.nullish(z.string()),
  video_url: z.nullish(z.string()),
  thumbnail_url: z.shownOnly(z.string()),
  seed: z.shownOnly(z.union([z.number(), z.string()])),
  width: z.shownOnly(z.number()),
  height: z.shownOnly(z.number()),
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
      // Passed on only: a number as text, anything else as empty.
      created_at: z.shownOnly(z.union([z.string(), z.number()])),
    }),
  ),
});

export type MindproxyTask = z.Infer<typeof mindproxyTaskSchema>;
export type MindproxyAssets = z.Infer<typeof mindproxyAssetsSchema>;
