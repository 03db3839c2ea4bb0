import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  /** A calendar day (YYYY-MM-DD) in the active language, e.g. "3. März 2026". */
  date: (isoDate: string) => string;
  /** A timestamp with time of day. */
  dateTime: (iso: string) => string;
  number: (n: number) => string;
  list: (items: readonly string[]) => string;
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    const stamp = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    const num = new Intl.NumberFormat(lang);
    const list = new Intl.ListFormat(lang, { type: 'conjunction' });
    return {
      date: (iso) => {
        const d = new Date(`${iso}T00:00:00Z`);
        return Number.isNaN(d.getTime()) ? iso : day.format(d);
      },
      dateTime: (iso) => {
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : stamp.format(d);
      },
      number: (n) => num.format(n),
      list: (items) => list.format(items),
    };
  }, [lang]);
}
