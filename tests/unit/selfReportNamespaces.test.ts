import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { selfReportNamespaces } from '../../src/app/startNamespaces';

/**
 * A representative's page loads only `selfReportNamespaces` (startSelfReportPage.ts), also when
 * they switch language. This reads the page's source: every module it imports, from its entry
 * on (lazy imports included, type-only imports not), and every namespace its translation keys
 * and `useTranslation` calls name.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = join(ROOT, 'src/app/startSelfReportPage.ts');

const namespaces = readdirSync(join(ROOT, 'locales/de'))
  .filter((f) => f.endsWith('.json') && f !== 'meta.json')
  .map((f) => f.slice(0, -'.json'.length));

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (
      candidate.startsWith(join(ROOT, 'src')) &&
      /\.tsx?$/.test(candidate) &&
      existsSync(candidate)
    )
      return candidate;
  return null;
}

/** The page's modules: static and dynamic relative imports, not `import type`. */
function pageModules(): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = [ENTRY];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    const specs = [
      ...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.{1,2}\/[^']+)'/gms),
      ...text.matchAll(/^export\s+(?!type\b)[^;]*?from\s+'(\.{1,2}\/[^']+)'/gms),
      ...text.matchAll(/import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g),
    ].map((m) => m[1] ?? '');
    for (const spec of specs) {
      const target = resolveImport(file, spec);
      if (target) queue.push(target);
    }
  }
  return seen;
}

/**
 * Namespaces named by a module's code (comments left out): `'ns:key'` / `` `ns:${…}` `` literals
 * and `useTranslation([…])`.
 */
function namespacesIn(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = new Set<string>();
  for (const m of text.matchAll(/['"`]([A-Za-z]+):[A-Za-z$]/g))
    if (m[1] && namespaces.includes(m[1])) found.add(m[1]);
  for (const m of text.matchAll(/useTranslation\(([^)]*)\)/g))
    for (const ns of (m[1] ?? '').matchAll(/'([A-Za-z]+)'/g)) if (ns[1]) found.add(ns[1]);
  return [...found];
}

describe("a representative's page translates with its own namespaces only", () => {
  it('reads the page from its entry through the self-report screens', () => {
    const files = [...pageModules().keys()].map((f) => relative(ROOT, f));
    expect(files).toEqual(
      expect.arrayContaining([
        'src/features/selfReport/startSelfReport.tsx',
        'src/features/selfReport/NeedItem.tsx',
      ]),
    );
  });

  it('names no namespace beyond selfReportNamespaces in any of its modules', () => {
    const outside: string[] = [];
    for (const [file, text] of pageModules())
      for (const ns of namespacesIn(text))
        if (!selfReportNamespaces.includes(ns)) outside.push(`${relative(ROOT, file)}: ${ns}`);
    expect(outside).toEqual([]);
  });
});
