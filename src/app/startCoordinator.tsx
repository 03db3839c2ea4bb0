import { StrictMode } from 'react';
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

/**
 * Starts reading the organisation list's data (organisationOverviewCache.ts keeps it for the
 * session), so it is read while the translations load rather than after the first render.
 */
function readOrganisationsEarly(db: BrueckeDb): void {
  watchOrganisationOverview(db).prefetch();
}

/** The coordinator's app: every route but a representative's self-report (see main.tsx). */
export async function startCoordinator(root: HTMLElement): Promise<void> {
  const deps = browserDeps(openDatabase());
  if (parseRoute(window.location.hash).name === 'organisations') readOrganisationsEarly(deps.db);
  const language = startLanguage();
  applyDocumentLanguage(language);
  const [i18n] = await Promise.all([
    createI18n(language, startNamespaces),
    ensureReferenceData(deps),
  ]);
  // After the reference data is in place, so a first pull never races the built-in entries;
  // the first round (and with it the engine chunk) waits until the first screen is shown.
  const firstScreen = firstScreenSignal();
  const sync = startBrowserSync(deps, { ...browserSyncEnv(), deferFirstRound: firstScreen.after });
  // The other screens' translations, so they are there before anyone navigates.
  firstScreen.after(() => void loadAllNamespaces(i18n));
  // Registering checks for a new version (a request): also after the first screen.
  firstScreen.after(registerServiceWorker);
  createRoot(root).render(
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
}
