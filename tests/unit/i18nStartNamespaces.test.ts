import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  allNamespacesLoaded,
  availableLanguages,
  createI18n,
  loadAllNamespaces,
  switchLanguage,
} from '../../src/app/i18n';
import { DEFAULT_LANGUAGE } from '../../src/app/languages';
import { selfReportNamespaces, startNamespaces } from '../../src/app/startNamespaces';

/**
 * Issue 6, budget 1: the start page loads only its own language's start namespaces; the other
 * namespaces come later, and German (the fallback) only for a missing key.
 */

const languageOf = (code: string) => {
  const language = availableLanguages.find((l) => l.code === code);
  if (!language) throw new Error(`no ${code}`);
  return language;
};

describe('locale loading for the start page', () => {
  it('every start namespace exists in every language', () => {
    for (const { code } of availableLanguages)
      for (const ns of [...startNamespaces, ...selfReportNamespaces])
        expect(existsSync(join(import.meta.dirname, `../../locales/${code}/${ns}.json`))).toBe(
          true,
        );
  });

  it('loads only the start namespaces of the active language, and the rest on request', async () => {
    const i18n = await createI18n(languageOf('ru'), startNamespaces);
    for (const ns of startNamespaces) expect(i18n.hasResourceBundle('ru', ns)).toBe(true);
    expect(i18n.hasResourceBundle('ru', 'visits')).toBe(false);
    expect(i18n.hasResourceBundle(DEFAULT_LANGUAGE, 'common')).toBe(false);
    expect(allNamespacesLoaded(i18n)).toBe(false);
    const loading = loadAllNamespaces(i18n);
    expect(loadAllNamespaces(i18n)).toBe(loading);
    await loading;
    expect(allNamespacesLoaded(i18n)).toBe(true);
    expect(i18n.t('visits:title')).toBe(i18n.getResource('ru', 'visits', 'title'));
    // Still no German: nothing was missing.
    expect(i18n.hasResourceBundle(DEFAULT_LANGUAGE, 'common')).toBe(false);
  });

  it('a key the language lacks loads German, and then shows it', async () => {
    const i18n = await createI18n(languageOf('en'));
    expect(allNamespacesLoaded(i18n)).toBe(true);
    expect(i18n.hasResourceBundle(DEFAULT_LANGUAGE, 'common')).toBe(false);
    const germanOnly = 'onlyInGerman';
    expect(i18n.t(`common:${germanOnly}`)).toBe(germanOnly);
    await vi.waitFor(() => {
      expect(i18n.hasResourceBundle(DEFAULT_LANGUAGE, 'common')).toBe(true);
    });
    i18n.addResource(DEFAULT_LANGUAGE, 'common', germanOnly, 'Nur auf Deutsch');
    expect(i18n.t(`common:${germanOnly}`)).toBe('Nur auf Deutsch');
  });

  describe('switching language', () => {
    /** `switchLanguage` sets `lang` and `dir` on the page's root element. */
    const root = { lang: '', dir: '' };
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it("on a representative's page loads the new language's three namespaces, not the coordinator's", async () => {
      vi.stubGlobal('document', { documentElement: root });
      const i18n = await createI18n(languageOf('de'), selfReportNamespaces);
      await switchLanguage(i18n, languageOf('ar'));
      expect(i18n.language).toBe('ar');
      expect(root).toEqual({ lang: 'ar', dir: 'rtl' });
      for (const ns of selfReportNamespaces) expect(i18n.hasResourceBundle('ar', ns)).toBe(true);
      expect(i18n.hasResourceBundle('ar', 'visits')).toBe(false);
      expect(i18n.t('selfReport:steps.welcome')).toBe(
        i18n.getResource('ar', 'selfReport', 'steps.welcome'),
      );
    });

    it("in the coordinator's app, once every namespace is in, loads every one of the new language", async () => {
      vi.stubGlobal('document', { documentElement: root });
      const i18n = await createI18n(languageOf('de'), startNamespaces);
      await loadAllNamespaces(i18n);
      await switchLanguage(i18n, languageOf('tr'));
      expect(i18n.language).toBe('tr');
      expect(allNamespacesLoaded(i18n)).toBe(true);
    });
  });
});
