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

describe('locale files', () => {
  it('include German and English', () => {
    expect(languages).toEqual(expect.arrayContaining(['de', 'en']));
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
      });

      it('has every key German has and no extra ones', () => {
        expect([...germanBase].filter((k) => !base.has(k))).toEqual([]);
        expect([...base].filter((k) => !germanBase.has(k))).toEqual([]);
      });

      it('has the "other" plural form for every plural key', () => {
        const plurals = [...strings.keys()].filter((k) => PLURAL.test(k)).map(baseKey);
        expect(plurals.filter((k) => !strings.has(`${k}_other`))).toEqual([]);
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

      it('has no empty strings', () => {
        expect([...strings].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
      });
    });
  }
});
