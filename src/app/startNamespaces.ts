/**
 * The locale namespaces the start page translates: the organisation list (with its filters and
 * the needs catalogue), the layout and its navigation (incl. `review:nav`), the status bar
 * (`sync`), the demo banner (`settings`) and reference data labels. main.tsx loads only these
 * before the first screen; every other screen waits for the rest (`NamespacesReady`), which is
 * fetched right after the first screen. tests/bench/bundleStartFiles.ts counts the same list.
 */
export const startNamespaces: readonly string[] = [
  'common',
  'needs',
  'organisations',
  'reference',
  'review',
  'settings',
  'sync',
];
