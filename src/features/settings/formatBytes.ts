const UNITS = [
  { unit: 'gigabyte', size: 1e9 },
  { unit: 'megabyte', size: 1e6 },
  { unit: 'kilobyte', size: 1e3 },
] as const;

/** A byte count in the active language with a fitting unit, e.g. "12,3 MB" or "1.2 GB". */
export function formatBytes(bytes: number, locale: string): string {
  const pick = UNITS.find((u) => bytes >= u.size) ?? UNITS[UNITS.length - 1];
  const unit = pick ?? { unit: 'kilobyte', size: 1e3 };
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: unit.unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(bytes / unit.size);
}

export function formatShare(part: number, whole: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
    whole > 0 ? part / whole : 0,
  );
}
