import { runInNewContext } from 'node:vm';
import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { pickLanguage, type LanguageMeta } from '../../src/app/languages';
import { LANGUAGE_STORAGE_KEY } from '../../src/app/languageStorage';
import { parseRoute } from '../../src/app/routes';
import { startChunkOf } from '../../src/build/startChunks';
import {
  preloadConfig,
  preloadScript,
  type StartPreloadConfig,
} from '../../src/build/startPreload';

/**
 * index.html's preload script (src/build/startPreload.ts) must choose the page and the language
 * exactly as the app does (parseRoute, pickLanguage), and preload exactly that page's files.
 */

const languages: LanguageMeta[] = [
  { code: 'de', name: 'Deutsch', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'tr', name: 'Türkçe', dir: 'ltr' },
];

const page = (name: string) => ({
  scripts: [`/assets/${name}.js`],
  styles: [`/assets/${name}.css`],
  translations: Object.fromEntries(languages.map((l) => [l.code, [`/${name}/${l.code}.js`]])),
});

const config: StartPreloadConfig = {
  storageKey: LANGUAGE_STORAGE_KEY,
  languages: languages.map((l) => l.code),
  fallback: 'de',
  selfReport: page('report'),
  app: page('app'),
};

/** Runs the inline script against a fake page; returns the links it added. */
function run(hash: string, saved: string | null, browser: string[], storageThrows = false) {
  const links: { rel: string; href: string }[] = [];
  const localStorage = {
    getItem: (key: string) => {
      if (storageThrows) throw new Error('blocked');
      return key === LANGUAGE_STORAGE_KEY ? saved : null;
    },
  };
  const document = {
    createElement: () => ({ rel: '', href: '', crossOrigin: null }),
    head: { appendChild: (link: { rel: string; href: string }) => links.push(link) },
  };
  runInNewContext(preloadScript(config), {
    localStorage,
    navigator: { languages: browser },
    location: { hash },
    document,
    URLSearchParams,
  });
  return links;
}

describe('start preload script', () => {
  const cases: [string | null, string[]][] = [
    ['en', ['de-DE']],
    [null, ['en-GB', 'de']],
    [null, ['fr-FR']],
    [null, ['AR-eg']],
    ['xx', ['tr']],
    [null, []],
  ];

  it.each(cases)('picks the language as pickLanguage does (saved %s, browser %j)', (saved, b) => {
    const expected = pickLanguage(saved, b, languages).code;
    expect(run('#/organisations', saved, b).map((l) => l.href)).toEqual([
      '/assets/app.js',
      `/app/${expected}.js`,
      '/assets/app.css',
    ]);
  });

  it('uses the browser languages when storage is blocked', () => {
    const hrefs = run('', 'tr', ['en-US'], true).map((l) => l.href);
    expect(hrefs).toContain('/app/en.js');
  });

  it.each(['#/report/abc', '#/report/abc?x=1', '#/report/', '#/reports/abc', '', '#/settings'])(
    'picks the page as parseRoute does (%s)',
    (hash) => {
      const selfReport = parseRoute(hash).name === 'selfReport';
      const links = run(hash, 'de', []);
      expect(links.map((l) => `${l.rel} ${l.href}`)).toEqual(
        selfReport
          ? [
              'modulepreload /assets/report.js',
              'modulepreload /report/de.js',
              'stylesheet /assets/report.css',
            ]
          : [
              'modulepreload /assets/app.js',
              'modulepreload /app/de.js',
              'stylesheet /assets/app.css',
            ],
      );
    },
  );
});

describe('preloadConfig', () => {
  const chunk = (
    fileName: string,
    moduleIds: string[],
    imports: string[] = [],
    css: string[] = [],
  ) => ({
    type: 'chunk',
    fileName,
    moduleIds,
    imports,
    facadeModuleId: moduleIds[0] ?? null,
    viteMetadata: { importedCss: new Set(css) },
  });
  const chunks = [
    chunk('assets/index.js', ['/src/main.tsx'], ['assets/start.js']),
    chunk('assets/start.js', ['/node_modules/react.js']),
    chunk('assets/coord.js', ['/src/coord.tsx'], ['assets/app.js', 'assets/start.js']),
    chunk('assets/app.js', ['/src/App.tsx'], ['assets/start.js'], ['assets/app.css']),
    chunk('assets/page.js', ['/src/page.ts'], ['assets/start.js']),
    chunk('assets/common-de.js', ['/repo/locales/de/common.json']),
    chunk('assets/visits-de.js', ['/repo/locales/de/visits.json']),
    chunk('assets/common-en.js', ['/repo/locales/en/common.json']),
  ];
  const bundle = Object.fromEntries(
    chunks.map((c) => [c.fileName, c]),
  ) as unknown as Rollup.OutputBundle;

  it("lists each page's own chunks (not the entry's), styles and translations", () => {
    const result = preloadConfig(
      bundle,
      {
        entry: '/src/main.tsx',
        app: '/src/coord.tsx',
        selfReport: '/src/page.ts',
        appNamespaces: ['common'],
      },
      '/',
    );
    expect(result.languages).toEqual(['de', 'en']);
    expect(result.fallback).toBe('de');
    expect(result.app).toEqual({
      scripts: ['/assets/coord.js', '/assets/app.js'],
      styles: ['/assets/app.css'],
      translations: { de: ['/assets/common-de.js'], en: ['/assets/common-en.js'] },
    });
    expect(result.selfReport.scripts).toEqual(['/assets/page.js']);
    expect(result.selfReport.translations.de).toEqual([
      '/assets/common-de.js',
      '/assets/visits-de.js',
    ]);
  });
});

describe('startChunkOf', () => {
  const graph = new Map<string, string[]>([
    ['main', ['routes', 'css']],
    ['coord', ['react', 'app', 'db']],
    ['page', ['react', 'form', 'db']],
    ['app', ['list']],
    ['db', ['dexie']],
    ['lazy', ['zod']],
  ]);
  const of = startChunkOf(graph, { entry: 'main', app: 'coord', report: 'page' });

  it('puts what both pages import, and the entry’s imports, in start', () => {
    expect(['routes', 'css', 'react', 'db', 'dexie'].map(of)).toEqual(Array(5).fill('start'));
  });

  it("keeps each page's own imports apart, and the start modules in their own chunks", () => {
    expect(['app', 'list', 'form'].map(of)).toEqual(['app', 'app', 'report']);
    expect(['main', 'coord', 'page', 'lazy', 'zod'].map(of)).toEqual(Array(5).fill(undefined));
  });
});
