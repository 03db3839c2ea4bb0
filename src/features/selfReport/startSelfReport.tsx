import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { DepsProvider } from '../../app/DepsContext';
import { useRoute } from '../../app/useRoute';
import { openDatabase } from '../../db/database';
import { browserDeps } from '../../db/deps';
import SelfReportScreen from './SelfReportScreen';

function SelfReportRoot() {
  const route = useRoute();
  const leaving = route.name !== 'selfReport';
  useEffect(() => {
    // This page was started for a representative: no coordinator sync, no reference data.
    // Anywhere else in the app needs the full start, so load the page again.
    if (leaving) window.location.reload();
  }, [leaving]);
  return route.name === 'selfReport' ? <SelfReportScreen token={route.token} /> : null;
}

/**
 * The start of a page opened on `#/report/<token>`: the database for the draft and the chosen
 * language, nothing of the coordinator's app (no sync, no login, no reference data).
 */
export function startSelfReport(rootElement: HTMLElement, i18n: I18n): void {
  const deps = browserDeps(openDatabase());
  createRoot(rootElement).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <DepsProvider deps={deps}>
          <SelfReportRoot />
        </DepsProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
