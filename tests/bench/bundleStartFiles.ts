/**
 * Which JavaScript files the start page loads, read from Vite's build manifest (pure).
 *
 * From the HTML entry, follow every static import (these are what index.html references as the
 * entry script and `modulepreload` links) and, in addition, the dynamic imports that the start
 * route triggers right away (for the app: the active language's locale chunks). Every chunk
 * reached that way is followed in turn, so a start-needed lazy chunk brings its own static
 * imports along. Other dynamic imports (the other screens) are not followed.
 */
import type { Manifest } from 'vite';
import { startNamespaces } from '../../src/app/startNamespaces';

/**
 * Decides, by manifest key (the source path, e.g. `locales/de/common.json`), which lazy chunks
 * the start route loads.
 */
export type StartDynamicImport = (manifestKey: string) => boolean;

export const noDynamicImports: StartDynamicImport = () => false;

export interface StartFile {
  /** Output file, relative to the build folder, e.g. `assets/index-abc.js`. */
  file: string;
  /** The manifest key that brought it in. */
  key: string;
  /** `entry`, `static` (a static import, preloaded) or `lazy` (a start-route dynamic import). */
  via: 'entry' | 'static' | 'lazy';
}

/** The default `index.html` entry of the manifest. */
export function htmlEntryKey(manifest: Manifest): string {
  const key = Object.keys(manifest).find((k) => manifest[k]?.isEntry && k.endsWith('.html'));
  if (!key) throw new Error('the manifest has no HTML entry');
  return key;
}

/** The start page's JavaScript files in load order (entry first), each once. */
export function startPageFiles(
  manifest: Manifest,
  entryKey: string,
  isStartDynamic: StartDynamicImport = noDynamicImports,
): StartFile[] {
  const out: StartFile[] = [];
  const seen = new Set<string>();
  const queue: { key: string; via: StartFile['via'] }[] = [{ key: entryKey, via: 'entry' }];
  for (let item = queue.shift(); item; item = queue.shift()) {
    if (seen.has(item.key)) continue;
    seen.add(item.key);
    const chunk = manifest[item.key];
    if (!chunk) throw new Error(`manifest has no entry ${item.key}`);
    if (chunk.file.endsWith('.js')) out.push({ file: chunk.file, key: item.key, via: item.via });
    for (const key of chunk.imports ?? []) queue.push({ key, via: 'static' });
    for (const key of chunk.dynamicImports ?? [])
      if (isStartDynamic(key)) queue.push({ key, via: 'lazy' });
  }
  return out;
}

/** The coordinator's start module: main.tsx imports it dynamically on every route but a self-report. */
export const COORDINATOR_START = 'src/app/startCoordinator.tsx';

/**
 * The app's start route (the organisation list): main.tsx, a small router, dynamically imports the
 * coordinator's start module (`COORDINATOR_START`, with its static imports: the `app` chunk), which
 * has `createI18n` (src/app/i18n.ts) load the start page's namespaces
 * (src/app/startNamespaces.ts) of the active language, and only those: German, the fallback, is
 * loaded only if a key were ever missing. index.html's preload script (src/build/startPreload.ts)
 * requests exactly these files early. The organisation list itself is a static import of
 * App.tsx. Not part of the start page: the self-report page (the other branch of main.tsx) and
 * lazy chunks fetched only after the first screen is shown (src/app/firstScreen.tsx): the sync
 * engine (src/sync/syncEngine.ts, first round after the first screen) and the other namespaces.
 */
export function appStartDynamicImports(language: string): StartDynamicImport {
  return (key) => {
    if (key === COORDINATOR_START) return true;
    const match = /^locales\/([^/]+)\/([^/]+)\.json$/.exec(key);
    return match?.[1] === language && startNamespaces.includes(match[2] ?? '');
  };
}

/** Language codes that have locale chunks in the manifest (`locales/<code>/<ns>.json`). */
export function manifestLanguages(manifest: Manifest): string[] {
  const codes = new Set<string>();
  for (const key of Object.keys(manifest)) {
    const code = /^locales\/([^/]+)\/[^/]+\.json$/.exec(key)?.[1];
    if (code) codes.add(code);
  }
  return [...codes].sort();
}
