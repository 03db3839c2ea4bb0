import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, languagesFromMeta, type LanguageMeta } from './languages';

const metaFiles = import.meta.glob<unknown>('../../locales/*/meta.json', {
  eager: true,
  import: 'default',
});
const namespaceFiles = import.meta.glob<Record<string, unknown>>(
  ['../../locales/*/*.json', '!../../locales/*/meta.json'],
  {
    import: 'default',
  },
);

export const availableLanguages: LanguageMeta[] = languagesFromMeta(metaFiles);

/** Loads every namespace of one language (lazily: each language is its own chunks). */
export async function loadLanguage(code: string): Promise<Resource[string]> {
  const bundle: Resource[string] = {};
  await Promise.all(
    Object.entries(namespaceFiles)
      .filter(([path]) => path.includes(`/locales/${code}/`))
      .map(async ([path, load]) => {
        const ns = /\/([^/]+)\.json$/.exec(path)?.[1];
        if (ns) bundle[ns] = await load();
      }),
  );
  return bundle;
}

export async function createI18n(language: LanguageMeta): Promise<I18n> {
  const instance = i18next.createInstance();
  const resources: Resource = { [language.code]: await loadLanguage(language.code) };
  if (language.code !== DEFAULT_LANGUAGE)
    resources[DEFAULT_LANGUAGE] = await loadLanguage(DEFAULT_LANGUAGE);
  await instance.use(initReactI18next).init({
    lng: language.code,
    fallbackLng: DEFAULT_LANGUAGE,
    resources,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** Switches language and sets `lang` and `dir` on <html> from the language's metadata. */
export async function switchLanguage(instance: I18n, language: LanguageMeta): Promise<void> {
  if (!instance.hasResourceBundle(language.code, 'common')) {
    const bundle = await loadLanguage(language.code);
    for (const [ns, data] of Object.entries(bundle))
      instance.addResourceBundle(language.code, ns, data);
  }
  await instance.changeLanguage(language.code);
  applyDocumentLanguage(language);
}

export function applyDocumentLanguage(language: LanguageMeta): void {
  document.documentElement.lang = language.code;
  document.documentElement.dir = language.dir;
}
