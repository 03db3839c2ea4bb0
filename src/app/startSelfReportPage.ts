import { browserSelfReportApi, loadingEarly } from '../features/selfReport/earlyLoad';
import { startSelfReport } from '../features/selfReport/startSelfReport';
import { firstScreenSignal } from './firstScreen';
import { applyDocumentLanguage, createI18n } from './i18n';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { prepareIntl } from './prepareIntl';
import { parseRoute } from './routes';
import { startLanguage } from './startLanguage';
import { selfReportNamespaces } from './startNamespaces';

/**
 * A representative's invitation link (`#/report/<token>`): their own small page, loaded by
 * main.tsx instead of the coordinator's app (no sync, no reference data, no organisation list).
 */
export async function startSelfReportPage(root: HTMLElement): Promise<void> {
  const route = parseRoute(window.location.hash);
  const base = browserSelfReportApi();
  // The link's data is asked for first: the answer travels while everything else gets ready.
  const api = route.name === 'selfReport' ? loadingEarly(base, route.token) : base;
  const language = startLanguage();
  applyDocumentLanguage(language);
  prepareIntl(language.code);
  // Its screens translate with these namespaces only (tests/unit/selfReportNamespaces.test.ts):
  // the coordinator's are never loaded here. A key from elsewhere would still load them and show
  // (i18n.ts, `missingKeyLoader`).
  const i18n = await createI18n(language, selfReportNamespaces);
  // Registering installs the service worker, which downloads the whole app for offline use: only
  // once the first real screen (not "loading") is painted, so it does not compete with the
  // page's own start (its draft, the link's data), as on the coordinator's start.
  const firstScreen = firstScreenSignal();
  firstScreen.after(registerServiceWorker);
  startSelfReport(root, i18n, { onShown: firstScreen.shown, api });
}
