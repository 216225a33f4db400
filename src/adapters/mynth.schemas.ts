// Mynth's task bodies (docs/behaviour.md, Providers), in both documented forms: flat or wrapped in `{ data: … }`.
// Unknown fields are allowed; required ones are checked.
import * as z from './schema.js';

/** Accepts `body` itself or `{ data: body }`. */
const flatOrWrapped = <T extends z.Schema>(schema: T) =>
  z.union([schema, z.object({ data: schema })]) as z.Schema<z.Infer<T> | { data: z.Infer<T> }>;

export const mynthStatusSchema = flatOrWrapped(
  z.object({ status: z.literal(['pending', 'completed', 'failed']), error: z.optional(z.unknown()) }),
);

/** A succeeded (`succeeded` or `success`) or failed image; a succeeded one needs `url` or `mynth_url`. */
const image = z.object({
  status: z.literal(['succeeded', 'success', 'failed']),
  id: z.optional(z.union([z.string(), z.number()])),
  url: z.nullish(z.string()),
  mynth_url: z.nullish(z.string()),
  cost: z.optional(z.number()),
  size: z.optional(z.string()),
  error: z.optional(z.union([z.string(), z.object({ message: z.string() })])),
});

export const mynthResultsSchema = flatOrWrapped(z.object({ images: z.array(image) }));

export type MynthImage = z.Infer<typeof image>;
