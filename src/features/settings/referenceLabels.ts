import type { ReferenceEntry } from '../../domain/referenceData';
import { ValidationError } from '../../db/validationError';

/** Built-in entries from the catalogue keep their code; entries the office adds get `custom-…`. */
export const isBuiltIn = (e: ReferenceEntry): boolean => !e.code.startsWith('custom-');

/** Translated entries follow the language and cannot be renamed (only archived). */
export const isRenamable = (e: ReferenceEntry): boolean => e.labelKey === null;

/** Checks a new or changed label; returns a translation key or null. */
export function labelProblem(
  label: string,
  others: readonly string[],
  locale: string,
): string | null {
  const trimmed = label.trim();
  if (trimmed === '') return 'settings:reference.labelRequired';
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  if (others.some((o) => collator.compare(o.trim(), trimmed) === 0)) {
    return 'settings:reference.duplicate';
  }
  return null;
}

/** The translation key for a failed save: the schema's own message, else a storage error. */
export function saveErrorKey(err: unknown): string {
  if (err instanceof ValidationError)
    return `common:${err.errors[0]?.key ?? 'errors.invalidValue'}`;
  return 'common:errors.storageFailed';
}
