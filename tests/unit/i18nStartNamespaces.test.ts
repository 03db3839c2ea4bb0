import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  allNamespacesLoaded,
  availableLanguages,
  createI18n,
  loadAllNamespaces,
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
});
