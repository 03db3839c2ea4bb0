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
 * and `common` for the shared form fields): the only ones that page loads, also when the
 * representative switches language (tests/unit/selfReportNamespaces.test.ts checks its screens'
 * keys). A key from elsewhere would load the rest at once (i18n.ts, `missingKeyLoader`).
 */
export const selfReportNamespaces: readonly string[] = ['common', 'needs', 'selfReport'];
