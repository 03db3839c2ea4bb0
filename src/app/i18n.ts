import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { startTransition } from 'react';
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

/** A language's namespace files: [namespace, loader]. */
function filesOf(code: string): [string, () => Promise<Record<string, unknown>>][] {
  return Object.entries(namespaceFiles).flatMap(([path, load]) => {
    const ns = path.includes(`/locales/${code}/`) ? /\/([^/]+)\.json$/.exec(path)?.[1] : undefined;
    return ns ? [[ns, load] as [string, typeof load]] : [];
  });
}

/**
 * Loads the namespaces of one language (lazily: each namespace is its own chunk); all of them,
 * or only `namespaces`.
 */
export async function loadLanguage(
  code: string,
  namespaces?: readonly string[],
): Promise<Resource[string]> {
  const bundle: Resource[string] = {};
  await Promise.all(
    filesOf(code)
      .filter(([ns]) => !namespaces || namespaces.includes(ns))
      .map(async ([ns, load]) => {
        bundle[ns] = await load();
      }),
  );
  return bundle;
}

/**
 * Adds every namespace of `code` (or those of `only`) that the instance does not have yet. The
 * bundles are taken as loaded (each is its own module object, never changed: no copy). Adding
 * them re-renders every translated component (`bindI18nStore: 'added'`); that re-render is a
 * transition, so React does it in short slices and a tap meanwhile is not held up.
 */
async function addLanguage(instance: I18n, code: string, only?: readonly string[]): Promise<void> {
  const missing = filesOf(code)
    .map(([ns]) => ns)
    .filter((ns) => (!only || only.includes(ns)) && !instance.hasResourceBundle(code, ns));
  if (missing.length === 0) return;
  const bundle = await loadLanguage(code, missing);
  startTransition(() => {
    for (const [ns, data] of Object.entries(bundle))
      if (!instance.hasResourceBundle(code, ns))
        instance.addResourceBundle(code, ns, data, false, false, { silent: false, skipCopy: true });
  });
}

/** Whether the instance has every namespace of its current language. */
export function allNamespacesLoaded(instance: I18n): boolean {
  return filesOf(instance.language).every(([ns]) =>
    instance.hasResourceBundle(instance.language, ns),
  );
}

const loadingAll = new WeakMap<I18n, Map<string, Promise<void>>>();

/**
 * Loads the namespaces of the current language that `createI18n` left out. One promise per
 * instance and language (stable, for React's `use`); it never rejects: a namespace that does not
 * load leaves its keys to the fallback.
 */
export function loadAllNamespaces(instance: I18n): Promise<void> {
  const code = instance.language;
  let byLanguage = loadingAll.get(instance);
  if (!byLanguage) {
    byLanguage = new Map<string, Promise<void>>();
    loadingAll.set(instance, byLanguage);
  }
  let loading = byLanguage.get(code);
  if (!loading) {
    loading = addLanguage(instance, code).catch(() => undefined);
    byLanguage.set(code, loading);
  }
  return loading;
}

/**
 * What a missing key loads: first the active language's other namespaces, then, if the key is
 * still missing, German, the fallback. Every shipped language has every German key
 * (tests/unit/locales.test.ts), so the start page loads only its own language; German is a safety
 * net. Whatever arrives is shown after one re-render (`bindI18nStore: 'added'`).
 */
function missingKeyLoader(
  instance: I18n,
): (lngs: readonly string[], ns: string, key: string) => void {
  let german: Promise<void> | null = null;
  return (_lngs, ns, key) => {
    void loadAllNamespaces(instance).then(() => {
      if (instance.exists(key, { ns })) return;
      german ??= addLanguage(instance, DEFAULT_LANGUAGE).catch(() => {
        german = null;
      });
    });
  };
}

/**
 * An i18next instance for `language` with all its namespaces, or only `namespaces` (the start
 * page's; the rest then via `loadAllNamespaces`).
 */
export async function createI18n(
  language: LanguageMeta,
  namespaces?: readonly string[],
): Promise<I18n> {
  const instance = i18next.createInstance();
  const resources: Resource = { [language.code]: await loadLanguage(language.code, namespaces) };
  await instance.use(initReactI18next).init({
    lng: language.code,
    fallbackLng: DEFAULT_LANGUAGE,
    resources,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    // Reports missing keys to the handler only; nothing is saved anywhere.
    saveMissing: true,
    missingKeyHandler: missingKeyLoader(instance),
    react: { bindI18nStore: 'added' },
  });
  return instance;
}

/** The namespaces the instance holds for its current language. */
function namespacesHeld(instance: I18n): string[] {
  return filesOf(instance.language)
    .map(([ns]) => ns)
    .filter((ns) => instance.hasResourceBundle(instance.language, ns));
}

/**
 * Switches language and sets `lang` and `dir` on <html> from the language's metadata. The new
 * language gets the namespaces the page holds now: a representative's page its three, the
 * coordinator's app all of them once loaded (a screen that needs more still loads them, see
 * `NamespacesReady`).
 */
export async function switchLanguage(instance: I18n, language: LanguageMeta): Promise<void> {
  await addLanguage(instance, language.code, namespacesHeld(instance));
  await instance.changeLanguage(language.code);
  applyDocumentLanguage(language);
}

export function applyDocumentLanguage(language: LanguageMeta): void {
  document.documentElement.lang = language.code;
  document.documentElement.dir = language.dir;
}
