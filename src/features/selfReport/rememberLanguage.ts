import { LANGUAGE_STORAGE_KEY } from '../../app/languageStorage';

/** Keeps the language chosen on this device (as the settings' language picker does). */
export function rememberLanguage(code: string): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
  } catch {
    // Private mode or blocked storage: the choice still applies until the page is closed.
  }
}
