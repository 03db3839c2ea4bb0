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

/**
 * The namespaces a representative's self-report page translates (its own, the needs catalogue,
 * and `common` for the shared form fields). startSelfReportPage.ts loads only these before its
 * first screen and the rest right after it; a key from elsewhere would load them at once
 * (i18n.ts, `missingKeyLoader`).
 */
export const selfReportNamespaces: readonly string[] = ['common', 'needs', 'selfReport'];
