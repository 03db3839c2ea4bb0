/**
 * The bundle budget's figures from one app build and one floor build: the start page's JS per
 * language (the active language's start-namespace chunks are part of the start page; German, the
 * fallback, is loaded only for a missing key), the floor's JS, and the verdict for the default
 * language and for the heaviest language.
 */
import { DEFAULT_LANGUAGE } from '../../src/app/languages';
import { judgeBundle, type BundleVerdict } from './bundleBudget';
import type { BundlePair } from './bundleBuild';
import { measureStartPage, type StartPageSize } from './bundleMeasure';
import { appStartDynamicImports, manifestLanguages } from './bundleStartFiles';

export interface LanguageFigure {
  language: string;
  size: StartPageSize;
  verdict: BundleVerdict;
}

export interface BundleFigures {
  floor: StartPageSize;
  /** One per language with locale chunks, default language first. */
  languages: LanguageFigure[];
  /** The default language (`de`): what a German browser loads. */
  byDefault: LanguageFigure;
  /** The language whose start page is heaviest. */
  heaviest: LanguageFigure;
}

export function measureBundles(pair: BundlePair): BundleFigures {
  const floor = measureStartPage(pair.floor, 'floor');
  const codes = manifestLanguages(pair.app.manifest);
  const ordered = [DEFAULT_LANGUAGE, ...codes.filter((c) => c !== DEFAULT_LANGUAGE)];
  const languages = ordered.map((language) => {
    const size = measureStartPage(pair.app, `app (${language})`, appStartDynamicImports(language));
    return { language, size, verdict: judgeBundle(size.gzip, floor.gzip) };
  });
  const [byDefault] = languages;
  if (!byDefault) throw new Error('no languages measured');
  const heaviest = languages.reduce((a, b) => (b.size.gzip > a.size.gzip ? b : a), byDefault);
  return { floor, languages, byDefault, heaviest };
}
