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
  // Codes are ASCII: compared as plain strings. (`localeCompare` would build an ICU collator,
  // which costs more than the rest of the start script on a slow phone.)
  const rank = (code: string): string => (code === DEFAULT_LANGUAGE ? '' : code);
  return out.sort((a, b) =>
    rank(a.code) < rank(b.code) ? -1 : rank(a.code) > rank(b.code) ? 1 : 0,
  );
}

/**
 * The rule that picks the start language by code: the device's saved choice, else the first
 * browser language we have (`de-AT` counts as `de`), else `fallback`. Self-contained (it uses
 * nothing but its parameters): the build also writes its source into index.html
 * (src/build/startPreload.ts), where it picks the translations to preload before any script.
 */
export function chooseLanguageCode(
  saved: string | null,
  browser: readonly string[],
  codes: readonly string[],
  fallback: string,
): string {
  const candidates = [saved];
  for (const b of browser) candidates.push(b.toLowerCase(), b.toLowerCase().split('-')[0] ?? '');
  for (const c of candidates) if (c && codes.includes(c)) return c;
  return fallback;
}

/** The device's saved choice, else the first browser language we have, else German. */
export function pickLanguage(
  saved: string | null,
  browser: readonly string[],
  available: readonly LanguageMeta[],
): LanguageMeta {
  const fallback = available.some((l) => l.code === DEFAULT_LANGUAGE)
    ? DEFAULT_LANGUAGE
    : (available[0]?.code ?? DEFAULT_LANGUAGE);
  const codes = available.map((l) => l.code);
  const code = chooseLanguageCode(saved, browser, codes, fallback);
  return (
    available.find((l) => l.code === code) ?? {
      code: DEFAULT_LANGUAGE,
      name: 'Deutsch',
      dir: 'ltr',
    }
  );
}
