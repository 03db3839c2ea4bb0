import { startTransition, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { DepsProvider } from '../../app/DepsContext';
import { useRoute } from '../../app/useRoute';
import { openDatabase } from '../../db/database';
import { browserDeps } from '../../db/deps';
import type { SelfReportApi } from './selfReportApi';
import SelfReportScreen from './SelfReportScreen';

export interface SelfReportStart {
  /** Called once the first real screen (a step, the sent screen or a problem) is shown. */
  onShown: () => void;
  /** The server's client (see earlyLoad.ts). */
  api: SelfReportApi;
}

function SelfReportRoot({ onShown, api }: SelfReportStart) {
  const route = useRoute();
  const leaving = route.name !== 'selfReport';
  useEffect(() => {
    // This page was started for a representative: no coordinator sync, no reference data.
    // Anywhere else in the app needs the full start, so load the page again.
    if (leaving) window.location.reload();
  }, [leaving]);
  return route.name === 'selfReport' ? (
    <SelfReportScreen token={route.token} onShown={onShown} api={api} />
  ) : null;
}

/**
 * The start of a page opened on `#/report/<token>`: the database for the draft and the chosen
 * language, nothing of the coordinator's app (no sync, no login, no reference data).
 */
export function startSelfReport(
  rootElement: HTMLElement,
  i18n: I18n,
  start: SelfReportStart,
): void {
  const deps = browserDeps(openDatabase());
  // Opening the database (the draft's store) runs while the first screen renders.
  void deps.db.open().catch(() => undefined);
  const root = createRoot(rootElement);
  // A transition: React renders the first screen in short slices instead of one long task, so
  // a slow phone stays responsive while the page starts.
  startTransition(() => {
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <DepsProvider deps={deps}>
            <SelfReportRoot {...start} />
          </DepsProvider>
        </I18nextProvider>
      </StrictMode>,
    );
  });
}
