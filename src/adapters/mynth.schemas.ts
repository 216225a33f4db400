// Mynth's task bodies (SPEC §2), in both documented forms: flat or wrapped in `{ data: … }`.
// Unknown fields are allowed; required ones are checked.
import * as z from 'zod/mini';

/** Accepts `body` itself or `{ data: body }`, and yields the body. */
function flatOrWrapped<T extends z.ZodMiniType>(schema: T) {
  return z.union([
    schema,
    z.pipe(
      z.object({ data: schema }),
      z.transform((wrapped) => (wrapped as { data: z.output<T> }).data),
    ),
  ]);
}

export const mynthStatusSchema = flatOrWrapped(
  z.object({ status: z.enum(['pending', 'completed', 'failed']), error: z.optional(z.unknown()) }),
);

const succeededImage = z
  .object({
    status: z.enum(['succeeded', 'success']),
    id: z.optional(z.union([z.string(), z.number()])),
    url: z.nullish(z.string()),
    mynth_url: z.nullish(z.string()),
    cost: z.optional(z.number()),
    size: z.optional(z.string()),
  })
  .check(z.refine((image) => Boolean(image.url || image.mynth_url), { message: 'an image needs a url' }));

const failedImage = z.object({
  status: z.literal('failed'),
  error: z.optional(z.union([z.string(), z.object({ message: z.string() })])),
});

export const mynthResultsSchema = flatOrWrapped(
  z.object({ images: z.array(z.union([succeededImage, failedImage])) }),
);

export type MynthStatus = z.infer<typeof mynthStatusSchema>;
export type MynthResults = z.infer<typeof mynthResultsSchema>;
