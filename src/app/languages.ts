/**
 * The languages the app offers: every folder under `locales/` that has a `meta.json`
 * ({ "name": "Deutsch", "dir": "ltr" }). Adding a language is dropping in a folder.
 */
export interface LanguageMeta {
  code: string;
  /** The language's name in itself, for the picker. */
  name: string;
  dir: 'ltr' | 'rtl';
}

export const DEFAULT_LANGUAGE = 'de';

export function languagesFromMeta(metaFiles: Record<string, unknown>): LanguageMeta[] {
  const out: LanguageMeta[] = [];
  for (const [path, raw] of Object.entries(metaFiles)) {
    const code = /locales\/([^/]+)\/meta\.json$/.exec(path)?.[1];
    if (!code || typeof raw !== 'object' || raw === null) continue;
    const meta = raw as { name?: unknown; dir?: unknown };
    if (typeof meta.name !== 'string') continue;
    out.push({ code, name: meta.name, dir: meta.dir === 'rtl' ? 'rtl' : 'ltr' });
  }
  return out.sort((a, b) =>
    a.code === DEFAULT_LANGUAGE
      ? -1
      : b.code === DEFAULT_LANGUAGE
        ? 1
        : a.code.localeCompare(b.code),
  );
}

/** The device's saved choice, else the first browser language we have, else German. */
export function pickLanguage(
  saved: string | null,
  browser: readonly string[],
  available: readonly LanguageMeta[],
): LanguageMeta {
  const byCode = new Map(available.map((l) => [l.code, l]));
  const candidates = [
    saved,
    ...browser.flatMap((b) => [b.toLowerCase(), b.toLowerCase().split('-')[0]]),
  ];
  for (const c of candidates) {
    const hit = c ? byCode.get(c) : undefined;
    if (hit) return hit;
  }
  return (
    byCode.get(DEFAULT_LANGUAGE) ??
    available[0] ?? { code: DEFAULT_LANGUAGE, name: 'Deutsch', dir: 'ltr' }
  );
}
