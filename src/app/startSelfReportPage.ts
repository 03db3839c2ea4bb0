import { startSelfReport } from '../features/selfReport/startSelfReport';
import { afterPaintWhenIdle } from './firstScreen';
import { applyDocumentLanguage, createI18n, loadAllNamespaces } from './i18n';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { startLanguage } from './startLanguage';
import { selfReportNamespaces } from './startNamespaces';

/**
 * A representative's invitation link (`#/report/<token>`): their own small page, loaded by
 * main.tsx instead of the coordinator's app (no sync, no reference data, no organisation list).
 */
export async function startSelfReportPage(root: HTMLElement): Promise<void> {
  const language = startLanguage();
  applyDocumentLanguage(language);
  const i18n = await createI18n(language, selfReportNamespaces);
  startSelfReport(root, i18n);
  // Registering installs the service worker, which downloads the whole app for offline use:
  // after the page is shown, so it does not compete with it (as on the coordinator's start).
  afterPaintWhenIdle(() => {
    registerServiceWorker();
    void loadAllNamespaces(i18n);
  });
}
