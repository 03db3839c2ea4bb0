import { availableLanguages } from './i18n';
import { pickLanguage, type LanguageMeta } from './languages';
import { LANGUAGE_STORAGE_KEY } from './languageStorage';

function savedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The language a page starts in (the device's choice, else the browser's). index.html's preload
 * script (src/build/startPreload.ts) applies the same rule to fetch its translations early.
 */
export function startLanguage(): LanguageMeta {
  return pickLanguage(savedLanguage(), navigator.languages, availableLanguages);
}
