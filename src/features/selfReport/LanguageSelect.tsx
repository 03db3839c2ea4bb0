import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { availableLanguages, switchLanguage } from '../../app/i18n';
import { rememberLanguage } from './rememberLanguage';

/** The sign for "language" that needs no reading. */
function GlobeIcon() {
  return (
    <svg className="sr-globe" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <g fill="none" stroke="currentColor" strokeWidth="1.8">
        <circle cx="12" cy="12" r="9" />
        <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
      </g>
    </svg>
  );
}

/** Every language the app has, each named in itself; the choice is kept on this phone. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation(['selfReport']);
  // The choice shows at once; the language itself may first need its texts loaded.
  const [chosen, setChosen] = useState<string | null>(null);
  const current = chosen ?? i18n.resolvedLanguage ?? i18n.language;

  async function choose(code: string): Promise<void> {
    const language = availableLanguages.find((l) => l.code === code);
    if (!language) return;
    rememberLanguage(code);
    setChosen(code);
    try {
      await switchLanguage(i18n, language);
    } finally {
      setChosen(null);
    }
  }

  return (
    <div className="field sr-language">
      <label htmlFor="sr-language">
        <GlobeIcon />
        {t('selfReport:welcome.language')}
      </label>
      <select
        id="sr-language"
        value={current}
        aria-describedby="sr-language-hint"
        aria-busy={chosen !== null}
        data-testid="sr-language"
        onChange={(e) => void choose(e.target.value)}
      >
        {availableLanguages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
      <p className="field-hint" id="sr-language-hint">
        {t('selfReport:welcome.languageHint')}
      </p>
    </div>
  );
}
