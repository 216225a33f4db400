// The few schema builders the adapters need, made from zod's core classes: the `zod/mini`
// wrappers add methods on every schema that the element never calls. The classes are not generic,
// so each builder states the type it makes.
import * as core from 'zod/v4/core';

export type Schema<T = unknown> = core.$ZodType<T>;
export type Infer<T extends core.$ZodType> = core.output<T>;

export const string = () => new core.$ZodString({ type: 'string' });
export const number = () => new core.$ZodNumber({ type: 'number' });
export const unknown = () => new core.$ZodUnknown({ type: 'unknown' });

export const literal = <const T extends core.util.Literal>(values: T[]) =>
  new core.$ZodLiteral({ type: 'literal', values }) as core.$ZodLiteral<T>;

export const object = <S extends core.$ZodShape>(shape: S) =>
  new core.$ZodObject({ type: 'object', shape }) as core.$ZodObject<S>;

export const array = <T extends core.$ZodType>(element: T) =>
  new core.$ZodArray({ type: 'array', element }) as core.$ZodArray<T>;

export const union = <const T extends readonly core.$ZodType[]>(options: T) =>
  new core.$ZodUnion({ type: 'union', options }) as core.$ZodUnion<T>;

export const optional = <T extends core.$ZodType>(innerType: T) =>
  new core.$ZodOptional({ type: 'optional', innerType }) as core.$ZodOptional<T>;

/** Absent, `undefined` or `null`. */
export const nullish = <T extends core.$ZodType>(innerType: T) =>
  optional(new core.$ZodNullable({ type: 'nullable', innerType }) as core.$ZodNullable<T>);

/**
 * A field the element only shows or passes on: absent or of another type, it is dropped
 * (`undefined`) instead of failing the body, so it never makes a task unfollowable.
 */
export const shownOnly = <T extends core.$ZodType>(innerType: T) =>
  new core.$ZodCatch({
    type: 'catch',
    innerType,
    catchValue: () => undefined,
  }) as unknown as core.$ZodOptional<T>;

/**
 * Validates `data` through the schema's Standard Schema interface (`~standard.validate`), which
 * every zod schema has; unknown fields are dropped, not refused. Unlike `safeParse`, it needs none
 * of zod's error classes. The schemas here have no async parts, so the result is never a promise;
 * a failure has at least one issue, and its issues are zod's, whose paths are plain keys (no
 * Standard Schema path segment objects).
 */
export function validate<T>(schema: Schema<T>, data: unknown) {
  return schema['~standard'].validate(data) as
    | { value: T; issues?: undefined }
    | { value?: undefined; issues: readonly [core.$ZodIssue, ...core.$ZodIssue[]] };
}
