import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * "Adding a language is dropping in a folder": a copy of the app's i18n setup and language picker
 * in a temporary folder, with a fixture locale `fa` (Farsi, right to left) added next to German,
 * is compiled by Vite exactly as the app is. The picker must offer Farsi in its own name and
 * direction — with no code change.
 */
const repo = join(import.meta.dirname, '../..');
const copied = [
  'src/app/i18n.ts',
  'src/app/languages.ts',
  'src/app/languageStorage.ts',
  'src/features/settings/LanguagePicker.tsx',
];

let root: string;
let vite: ViteDevServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'bruecke-locales-'));
  for (const file of copied) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(repo, file), join(root, file));
  }
  cpSync(join(repo, 'locales/de'), join(root, 'locales/de'), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  // The dropped-in folder: only files, no code.
  mkdirSync(join(root, 'locales/fa'));
  writeFileSync(join(root, 'locales/fa/meta.json'), JSON.stringify({ name: 'فارسی', dir: 'rtl' }));
  writeFileSync(
    join(root, 'locales/fa/settings.json'),
    JSON.stringify({ language: { title: 'زبان', legend: 'زبان برنامه', hint: 'روی این دستگاه' } }),
  );
  writeFileSync(
    join(root, 'renderPicker.tsx'),
    [
      "import { renderToStaticMarkup } from 'react-dom/server';",
      "import { I18nextProvider } from 'react-i18next';",
      "import { availableLanguages, createI18n } from './src/app/i18n';",
      "import { LanguagePicker } from './src/features/settings/LanguagePicker';",
      'export { availableLanguages };',
      'export async function render(code: string): Promise<string> {',
      '  const language = availableLanguages.find((l) => l.code === code);',
      "  if (!language) throw new Error('no ' + code);",
      '  const i18n = await createI18n(language);',
      '  return renderToStaticMarkup(',
      '    <I18nextProvider i18n={i18n}><LanguagePicker /></I18nextProvider>,',
      '  );',
      '}',
    ].join('\n'),
  );
  vite = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
}, 60_000);

afterAll(async () => {
  await vite.close();
  rmSync(root, { recursive: true, force: true });
});

interface PickerModule {
  availableLanguages: { code: string; name: string; dir: string }[];
  render: (code: string) => Promise<string>;
}

describe('a language added by dropping a folder into locales/', () => {
  it('is discovered with its own name and direction', async () => {
    const mod = (await vite.ssrLoadModule('/renderPicker.tsx')) as PickerModule;
    expect(mod.availableLanguages).toEqual([
      { code: 'de', name: 'Deutsch', dir: 'ltr' },
      { code: 'fa', name: 'فارسی', dir: 'rtl' },
    ]);
  });

  it('appears in the language picker, named in itself and right to left', async () => {
    const mod = (await vite.ssrLoadModule('/renderPicker.tsx')) as PickerModule;
    const html = await mod.render('fa');
    expect(html).toMatch(/<label[^>]*lang="fa"[^>]*dir="rtl"[^>]*>/);
    expect(html).toContain('value="fa"');
    expect(html).toContain('فارسی');
    // The picker's own texts come from the new folder (German is only the fallback).
    expect(html).toContain('زبان برنامه');
  });
});
