import { useTranslation } from 'react-i18next';

export interface DisplayNames {
  /** "ar" → "Arabisch" in the UI language; unknown codes are shown as typed. */
  language: (tag: string) => string;
  /** "TR" → "Türkei" in the UI language. */
  region: (code: string) => string;
}

function safeNames(lang: string, type: 'language' | 'region'): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([lang], { type, fallback: 'code' });
  } catch {
    return null;
  }
}

function lookup(names: Intl.DisplayNames | null, code: string): string {
  if (!names) return code;
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Intl.DisplayNames are expensive to build, and a profile has a dozen components that name
 * languages: one pair per UI language for the whole app (each entry is never changed once made).
 */
const byLanguage = new Map<string, DisplayNames>();

/** The display names of a language (for a component that has `i18n.language` already). */
export function displayNamesFor(lang: string): DisplayNames {
  const known = byLanguage.get(lang);
  if (known) return known;
  const languages = safeNames(lang, 'language');
  const regions = safeNames(lang, 'region');
  const made: DisplayNames = {
    language: (tag) => lookup(languages, tag),
    region: (code) => lookup(regions, code),
  };
  byLanguage.set(lang, made);
  return made;
}

export function useDisplayNames(): DisplayNames {
  const { i18n } = useTranslation();
  return displayNamesFor(i18n.language);
}
