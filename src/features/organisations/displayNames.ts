import { useMemo } from 'react';
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

export function useDisplayNames(): DisplayNames {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const languages = safeNames(lang, 'language');
    const regions = safeNames(lang, 'region');
    return {
      language: (tag) => lookup(languages, tag),
      region: (code) => lookup(regions, code),
    };
  }, [lang]);
}
