import type { z } from 'zod';

/** A validation problem: the field path and a translation key (`errors.*`). */
export interface FieldError {
  path: string;
  key: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Runs a schema; messages in our schemas are translation keys, anything else is a generic error. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    key: issue.message.startsWith('errors.') ? issue.message : 'errors.invalidValue',
  }));
  return { ok: false, errors };
}

export function errorFor(errors: readonly FieldError[], path: string): string | undefined {
  return errors.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.key;
}
