// Mynth's task bodies (docs/behaviour.md, Providers), in both documented forms: flat or wrapped in `{ data: … }`.
// Unknown fields are allowed. Only what the element needs is required (a status, a succeeded image's
// URL); a field it only shows is dropped when it has another type.
import * as z from './schema.js';

/** Accepts `body` itself or `{ data: body }`. */
const flatOrWrapped = <T extends z.Schema>(schema: T) =>
  z.union([schema, z.object({ data: schema })]) as z.Schema<z.Infer<T> | { data: z.Infer<T> }>;

export const mynthStatusSchema = flatOrWrapped(
  z.object({ status: z.literal(['pending', 'completed', 'failed']), error: z.shownOnly(z.string()) }),
);

/**
 * A succeeded (`succeeded` or `success`) or failed image; a succeeded one needs `url` or
 * `mynth_url`. `cost` is a decimal string (`"0.01250000"`); a number is taken too.
 */
const image = z.object({
  status: z.literal(['succeeded', 'success', 'failed']),
  url: z.nullish(z.string()),
  mynth_url: z.shownOnly(z.string()),
  id: z.shownOnly(z.union([z.string(), z.number()])),
  cost: z.shownOnly(z.union([z.string(), z.number()])),
  size: z.shownOnly(z.string()),
  error: z.shownOnly(z.union([z.string(), z.object({ message: z.string() })])),
});

export const mynthResultsSchema = flatOrWrapped(z.object({ images: z.array(image) }));

export type MynthImage = z.Infer<typeof image>;

export type MynthStatus = z.Infer<typeof mynthStatusSchema>;
export type MynthResults = z.Infer<typeof mynthResultsSchema>;
