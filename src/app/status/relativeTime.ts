/**
 * "vor 3 Minuten" / "3 minutes ago" for a past moment, via Intl.RelativeTimeFormat; null for less
 * than a minute (the caller says "just now"). Pure.
 */
export function relativeTime(iso: string, now: Date, lang: string): string | null {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return null;
  const minutes = Math.floor(Math.max(0, now.getTime() - then) / 60_000);
  if (minutes < 1) return null;
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.floor(hours / 24), 'day');
}

/** The size of a clock difference in the largest whole unit, e.g. "7 Minuten", "2 hours". Pure. */
export function formatDuration(ms: number, lang: string): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const unit = (value: number, u: 'minute' | 'hour' | 'day'): string =>
    new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'long' }).format(value);
  if (minutes < 120) return unit(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return unit(hours, 'hour');
  return unit(Math.round(hours / 24), 'day');
}
