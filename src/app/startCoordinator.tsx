import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { openDatabase, type BrueckeDb } from '../db/database';
import { browserDeps } from '../db/deps';
import { watchOrganisationOverview } from '../db/queries/organisationOverviewCache';
import { ensureReferenceData } from '../db/repositories/ensureReferenceData';
import { browserSyncEnv, startBrowserSync } from '../sync/startBrowserSync';
import { App } from './App';
import { DepsProvider } from './DepsContext';
import { firstScreenSignal, FirstScreenShown } from './firstScreen';
import { applyDocumentLanguage, createI18n, loadAllNamespaces } from './i18n';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { parseRoute } from './routes';
import { startLanguage } from './startLanguage';
import { startNamespaces } from './startNamespaces';
import { SyncProvider } from './SyncContext';

/** How long the list's first read may hold back the work that waits for the first screen. */
const LIST_READ_WAIT_MS = 5000;

/**
 * Starts reading the organisation list's data (organisationOverviewCache.ts keeps it for the
 * session), so it is read while the translations load rather than after the first render.
 * Resolves once it was read (or failed), at the latest after `LIST_READ_WAIT_MS`.
 */
function readOrganisationsEarly(db: BrueckeDb): Promise<void> {
  const overview = watchOrganisationOverview(db);
  overview.prefetch();
  const settled = () => overview.current() !== undefined || overview.error() !== undefined;
  return new Promise<void>((resolve) => {
    if (settled()) {
      resolve();
      return;
    }
    const timer = setTimeout(finish, LIST_READ_WAIT_MS);
    const stop = overview.subscribe(() => {
      if (settled()) finish();
    });
    function finish(): void {
      clearTimeout(timer);
      stop();
      resolve();
    }
  });
}

/** The coordinator's app: every route but a representative's self-report (see main.tsx). */
export async function startCoordinator(root: HTMLElement): Promise<void> {
  const deps = browserDeps(openDatabase());
  // The work after the first screen (the sync engine, the other translations, the service
  // worker) waits for the list's rows too: on a device with data they are the first screen.
  const firstScreen = firstScreenSignal();
  if (parseRoute(window.location.hash).name === 'organisations')
    firstScreen.waitFor(readOrganisationsEarly(deps.db));
  const language = startLanguage();
  applyDocumentLanguage(language);
  // The built-in reference entries (written on the first start) are not needed to show the
  // list: it renders meanwhile. The first sync round waits for them (so a first pull never races
  // them) and for the first screen; the engine chunk is loaded only then.
  firstScreen.waitFor(ensureReferenceData(deps));
  const i18n = await createI18n(language, startNamespaces);
  const sync = startBrowserSync(deps, { ...browserSyncEnv(), deferFirstRound: firstScreen.after });
  // The other screens' translations, so they are there before anyone navigates.
  firstScreen.after(() => void loadAllNamespaces(i18n));
  // Registering checks for a new version (a request): also after the first screen.
  firstScreen.after(registerServiceWorker);
  const reactRoot = createRoot(root);
  // A transition: React renders the first screen in short slices instead of one long task, so
  // a slow device stays responsive while the app starts.
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <DepsProvider deps={deps}>
            <SyncProvider sync={sync}>
              <App />
              <FirstScreenShown signal={firstScreen} />
            </SyncProvider>
          </DepsProvider>
        </I18nextProvider>
      </StrictMode>,
    );
  });
}
