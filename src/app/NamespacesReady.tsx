import { use, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { allNamespacesLoaded, loadAllNamespaces } from './i18n';
import { useRoute } from './useRoute';

/**
 * The start page loads only its own locale namespaces (src/app/startNamespaces.ts). Every other
 * screen renders once all namespaces of the language are in: until then this suspends, and the
 * nearest Suspense boundary shows its fallback. Usually they already are, fetched right after
 * the first screen (main.tsx).
 */
export function NamespacesReady({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const route = useRoute();
  if (route.name !== 'organisations' && !allNamespacesLoaded(i18n)) use(loadAllNamespaces(i18n));
  return children;
}
