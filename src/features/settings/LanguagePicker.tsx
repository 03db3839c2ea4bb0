import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { availableLanguages, switchLanguage } from '../../app/i18n';
import type { LanguageMeta } from '../../app/languages';
import { LANGUAGE_STORAGE_KEY } from '../../app/languageStorage';

function remember(code: string): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
  } catch {
    // Private mode or blocked storage: the choice still applies until the app is closed.
  }
}

/** Every language the app has, each named in itself; the choice is kept on this device. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation(['settings']);
  // The choice shows at once; the language itself may first need its texts loaded.
  const [chosen, setChosen] = useState<string | null>(null);
  const current = chosen ?? i18n.resolvedLanguage ?? i18n.language;

  async function choose(language: LanguageMeta): Promise<void> {
    remember(language.code);
    setChosen(language.code);
    try {
      await switchLanguage(i18n, language);
    } finally {
      setChosen(null);
    }
  }

  return (
    <section className="card" aria-labelledby="settings-language-title">
      <h2 id="settings-language-title">{t('settings:language.title')}</h2>
      <fieldset
        className="field choice-field"
        aria-describedby="settings-language-hint"
        aria-busy={chosen !== null}
        data-testid="language-picker"
      >
        <legend>{t('settings:language.legend')}</legend>
        <div className="choices">
          {availableLanguages.map((language) => (
            <label key={language.code} className="choice" lang={language.code} dir={language.dir}>
              <input
                type="radio"
                name="settings-language"
                value={language.code}
                checked={current === language.code}
                data-testid={`language-${language.code}`}
                onChange={() => void choose(language)}
              />
              <span>{language.name}</span>
            </label>
          ))}
        </div>
        <p className="field-hint" id="settings-language-hint">
          {t('settings:language.hint')}
        </p>
      </fieldset>
    </section>
  );
}
