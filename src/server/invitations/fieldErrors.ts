import type { z } from 'zod';

/** One problem of a request body: where, and an `errors.*` translation key. */
export interface FieldError {
  path: string;
  message: string;
}

/** The generic key for problems the schemas have no own key for (wrong type, unknown field, …). */
export const GENERIC_ERROR_KEY = 'errors.invalidValue';

/**
 * The issues of a failed zod parse as `{ path, message }`, where `message` is always an `errors.*`
 * key a client can translate: the schema's own key, or {@link GENERIC_ERROR_KEY} for zod's
 * built-in English messages. An unknown field is reported at its own path.
 */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const message = issue.message.startsWith('errors.') ? issue.message : GENERIC_ERROR_KEY;
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...base, key].join('.'), message });
    } else {
      out.push({ path: base.join('.'), message });
    }
  }
  return out;
}
