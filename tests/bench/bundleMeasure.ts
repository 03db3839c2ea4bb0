/**
 * Gzip sizes of the start page's JavaScript: every file from `startPageFiles`, compressed on its
 * own with node's zlib at level 9, summed. Raw (minified) bytes are reported alongside.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BuiltBundle } from './bundleBuild';
import {
  htmlEntryKey,
  noDynamicImports,
  startPageFiles,
  type StartDynamicImport,
  type StartFile,
} from './bundleStartFiles';

export interface MeasuredFile extends StartFile {
  raw: number;
  gzip: number;
}

export interface StartPageSize {
  /** What was measured, e.g. `app (de)` or `floor`. */
  label: string;
  files: MeasuredFile[];
  raw: number;
  gzip: number;
}

export function gzipSize(content: string | Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}

export function measureStartPage(
  bundle: BuiltBundle,
  label: string,
  isStartDynamic: StartDynamicImport = noDynamicImports,
): StartPageSize {
  const files = startPageFiles(bundle.manifest, htmlEntryKey(bundle.manifest), isStartDynamic).map(
    (f) => {
      const content = readFileSync(join(bundle.outDir, f.file));
      return { ...f, raw: content.length, gzip: gzipSize(content) };
    },
  );
  return {
    label,
    files,
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}
