import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../locales');
const languages = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory());

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
};
/** i18next plural suffixes differ per language (Arabic has six forms): compare the base key. */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (k: string): string => k.replace(PLURAL, '');

function load(lang: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of readdirSync(join(root, lang)).filter(
    (f) => f.endsWith('.json') && f !== 'meta.json',
  )) {
    const tree = JSON.parse(readFileSync(join(root, lang, file), 'utf8')) as Tree;
    for (const [k, v] of flatten(tree)) all.set(`${file.replace('.json', '')}:${k}`, v);
  }
  return all;
}
const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();

const german = load('de');
const germanBase = new Set([...german.keys()].map(baseKey));

/** The languages the product promises (issue 5); more may be dropped in. */
const REQUIRED = ['de', 'en', 'tr', 'pl', 'ru', 'ar', 'it'];
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb']);

/**
 * Values that may equal the English (or German) one in a given language because they are the same
 * word there, not left untranslated. Brand names and values without letters (placeholders,
 * symbols) are always allowed.
 */
const SAME_AS_ENGLISH_OK: Record<string, readonly string[]> = {
  it: ['common:form.no', 'needs:readinessStates.notNeeded'],
};
const SAME_AS_GERMAN_OK: Record<string, readonly string[]> = {
  tr: ['organisations:visitPlaces.phone', 'organisations:contacts.phone'],
  pl: [
    'account:section.title',
    'organisations:visitPlaces.phone',
    'organisations:contacts.phone',
    'sync:tables.conflicts',
  ],
};
/** Proper names of institutions: the same in every language. */
const PROPER_NAMES = new Set(['reference:referralTarget.houseOfResources']);
const BRAND = /Brücke/g;
/** Letters left once placeholders, tags and the brand are removed: nothing to translate if none. */
const translatable = (s: string): string =>
  s
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/<\/?\d+>/g, '')
    .replace(BRAND, '')
    .replace(/[^\p{L}]/gu, '');

const english = load('en');

describe('locale files', () => {
  it('include every promised language', () => {
    expect(languages).toEqual(expect.arrayContaining(REQUIRED));
  });

  for (const lang of languages) {
    describe(lang, () => {
      const strings = load(lang);
      const base = new Set([...strings.keys()].map(baseKey));

      it('has a meta.json with its own name and a direction', () => {
        const meta = JSON.parse(readFileSync(join(root, lang, 'meta.json'), 'utf8')) as {
          name?: unknown;
          dir?: unknown;
        };
        expect(typeof meta.name).toBe('string');
        expect(['ltr', 'rtl']).toContain(meta.dir);
        expect(meta.dir).toBe(RIGHT_TO_LEFT.has(lang) ? 'rtl' : 'ltr');
      });

      it('has every key German has and no extra ones', () => {
        expect([...germanBase].filter((k) => !base.has(k))).toEqual([]);
        expect([...base].filter((k) => !germanBase.has(k))).toEqual([]);
      });

      it("has exactly the language's plural forms for every plural key", () => {
        const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        const germanPlurals = new Set(
          [...german.keys()].filter((k) => PLURAL.test(k)).map(baseKey),
        );
        const wrong: string[] = [];
        for (const key of germanPlurals) {
          const forms = [...strings.keys()]
            .filter((k) => PLURAL.test(k) && baseKey(k) === key)
            .map((k) => PLURAL.exec(k)?.[1]);
          if (forms.sort().join() !== [...categories].sort().join())
            wrong.push(`${key}: ${forms.join('/')}`);
        }
        expect(wrong).toEqual([]);
      });

      it('uses the same placeholders as German', () => {
        const mismatches: string[] = [];
        for (const [key, value] of strings) {
          const deValue = german.get(key) ?? german.get(`${baseKey(key)}_other`);
          if (deValue === undefined) continue;
          if (placeholders(value).join() !== placeholders(deValue).join()) mismatches.push(key);
        }
        expect(mismatches).toEqual([]);
      });

      if (lang !== 'en' && lang !== 'de') {
        it('is not a copy of English', () => {
          const allowed = new Set([...(SAME_AS_ENGLISH_OK[lang] ?? []), ...PROPER_NAMES]);
          const copies = [...strings].filter(
            ([key, value]) =>
              translatable(value) !== '' && english.get(key) === value && !allowed.has(key),
          );
          expect(copies.map(([key]) => key)).toEqual([]);
        });
      }

      // English shares many words with German (Organisation, Name, Online), so it is not checked.
      if (lang !== 'de' && lang !== 'en') {
        it('is not a copy of German', () => {
          const allowed = new Set([...(SAME_AS_GERMAN_OK[lang] ?? []), ...PROPER_NAMES]);
          const copies = [...strings].filter(
            ([key, value]) =>
              translatable(value) !== '' && german.get(key) === value && !allowed.has(key),
          );
          expect(copies.map(([key]) => key)).toEqual([]);
        });
      }

      it('has no empty strings', () => {
        expect([...strings].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
      });
    });
  }
});
