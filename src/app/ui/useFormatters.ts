import { useTranslation } from 'react-i18next';

export interface Formatters {
  /** A calendar day (YYYY-MM-DD) in the active language, e.g. "3. März 2026". */
  date: (isoDate: string) => string;
  /** A timestamp with time of day. */
  dateTime: (iso: string) => string;
  number: (n: number) => string;
  list: (items: readonly string[]) => string;
}

/**
 * Intl formatters are expensive to build: one set per language for the whole app, not one per
 * component (a profile renders dozens of components that format dates).
 */
const byLanguage = new Map<string, Formatters>();

/** `make()` on the first call, then the same value. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}

/**
 * The formatters of a language. A component that calls `useTranslation` anyway can pass its
 * `i18n.language` here instead of calling `useFormatters` (each `useTranslation` has its own
 * cost, and a profile renders dozens of components).
 */
export function formattersFor(lang: string): Formatters {
  const known = byLanguage.get(lang);
  if (known) return known;
  // Each formatter is built on first use: building one loads the language's ICU data, which
  // takes a noticeable while, and the start page (an empty list) formats nothing.
  const day = once(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }));
  const stamp = once(
    () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }),
  );
  const num = once(() => new Intl.NumberFormat(lang));
  const list = once(() => new Intl.ListFormat(lang, { type: 'conjunction' }));
  const made: Formatters = {
    date: (iso) => {
      const d = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : day().format(d);
    },
    dateTime: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : stamp().format(d);
    },
    number: (n) => num().format(n),
    list: (items) => list().format(items),
  };
  byLanguage.set(lang, made);
  return made;
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(i18n.language);
}
