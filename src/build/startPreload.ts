/**
 * Start files fetched in parallel (build only). The entry (src/app/main.tsx) picks a page and
 * that page picks a language; each step's files would only be requested after the previous
 * script ran. This plugin writes a small inline script into index.html that makes the same
 * choices before any module loads — the route by the app's own `parseRoute`, the language by the
 * app's own `chooseLanguageCode` (their source is inlined, so there is one rule) — and adds
 * `<link rel="modulepreload">` for that page's chunks and its translation chunks, and stylesheet
 * links for its CSS (Vite's loader then finds them present).
 */
import { minifySync, type Plugin, type Rollup } from 'vite';
import { chooseLanguageCode, DEFAULT_LANGUAGE } from '../app/languages';
import { LANGUAGE_STORAGE_KEY } from '../app/languageStorage';
import { parseRoute } from '../app/routes';

/** What one start page needs: its chunks, its stylesheets, per language its translations. */
export interface PagePreload {
  scripts: string[];
  styles: string[];
  translations: Record<string, string[]>;
}

export interface StartPreloadConfig {
  storageKey: string;
  languages: string[];
  fallback: string;
  /** The self-report page (`#/report/<token>`) and the coordinator's app (every other route). */
  selfReport: PagePreload;
  app: PagePreload;
}

/** Runs in the page, from its source text: uses only its parameters and browser globals. */
function preloadStart(
  config: StartPreloadConfig,
  choose: typeof chooseLanguageCode,
  route: typeof parseRoute,
): void {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(config.storageKey);
  } catch {
    // Storage blocked: the browser's languages decide, as in the app.
  }
  const page = route(location.hash).name === 'selfReport' ? config.selfReport : config.app;
  const language = choose(saved, navigator.languages, config.languages, config.fallback);
  const add = (rel: string, href: string): void => {
    const link = document.createElement('link');
    link.rel = rel;
    link.href = href;
    if (rel === 'modulepreload') link.crossOrigin = '';
    document.head.appendChild(link);
  };
  for (const href of page.scripts) add('modulepreload', href);
  for (const href of page.translations[language] ?? []) add('modulepreload', href);
  for (const href of page.styles) add('stylesheet', href);
}

/** The inline script for `config` (minified). */
export function preloadScript(config: StartPreloadConfig): string {
  const source = `(${String(preloadStart)})(${JSON.stringify(config)},${String(chooseLanguageCode)},${String(parseRoute)});`;
  return minifySync('start-preload.js', source).code;
}

type Chunk = Rollup.OutputChunk & { viteMetadata?: { importedCss: Set<string> } };

const localeKey = /\/locales\/([^/]+)\/([^/]+)\.json$/;

/** The bundle's chunk that holds a module (absolute path). */
function chunkOf(bundle: Rollup.OutputBundle, moduleId: string): Chunk {
  const hit = Object.values(bundle).find(
    (c): c is Chunk => c.type === 'chunk' && c.moduleIds.includes(moduleId),
  );
  if (!hit) throw new Error(`no chunk for ${moduleId}`);
  return hit;
}

/** A chunk and its static imports, each once. */
function withImports(bundle: Rollup.OutputBundle, first: Chunk): Chunk[] {
  const out: Chunk[] = [];
  const queue = [first.fileName];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const chunk = bundle[file];
    if (chunk?.type !== 'chunk' || out.includes(chunk)) continue;
    out.push(chunk);
    queue.push(...chunk.imports);
  }
  return out;
}

export interface StartPages {
  /** Absolute paths: the HTML entry's script and each page's start module. */
  entry: string;
  app: string;
  selfReport: string;
  /** Namespaces each page loads before its first screen (all if undefined). */
  appNamespaces?: readonly string[];
  selfReportNamespaces?: readonly string[];
}

/** The preload configuration of a finished bundle (pure). */
export function preloadConfig(
  bundle: Rollup.OutputBundle,
  pages: StartPages,
  base: string,
): StartPreloadConfig {
  const loaded = new Set(withImports(bundle, chunkOf(bundle, pages.entry)));
  const locales = Object.values(bundle).flatMap((c) => {
    const match = c.type === 'chunk' ? localeKey.exec(c.facadeModuleId ?? '') : null;
    return match?.[1] && match[2] ? [{ language: match[1], ns: match[2], file: c.fileName }] : [];
  });
  const languages = [...new Set(locales.map((l) => l.language))].sort();
  const page = (moduleId: string, namespaces?: readonly string[]): PagePreload => {
    const chunks = withImports(bundle, chunkOf(bundle, moduleId)).filter((c) => !loaded.has(c));
    const translations: Record<string, string[]> = {};
    for (const l of locales)
      if (!namespaces || namespaces.includes(l.ns))
        (translations[l.language] ??= []).push(base + l.file);
    return {
      scripts: chunks.map((c) => base + c.fileName),
      styles: chunks.flatMap((c) => [...(c.viteMetadata?.importedCss ?? [])].map((f) => base + f)),
      translations,
    };
  };
  return {
    storageKey: LANGUAGE_STORAGE_KEY,
    languages,
    fallback: languages.includes(DEFAULT_LANGUAGE) ? DEFAULT_LANGUAGE : (languages[0] ?? ''),
    selfReport: page(pages.selfReport, pages.selfReportNamespaces),
    app: page(pages.app, pages.appNamespaces),
  };
}

export function startPreload(pages: StartPages): Plugin {
  let base = '/';
  return {
    name: 'bruecke:start-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        if (!ctx.bundle) return [];
        const config = preloadConfig(ctx.bundle, pages, base);
        return [{ tag: 'script', children: preloadScript(config), injectTo: 'head' }];
      },
    },
  };
}
