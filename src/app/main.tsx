import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { openDatabase } from '../db/database';
import { browserDeps } from '../db/deps';
import { ensureReferenceData } from '../db/repositories/referenceData';
import { browserSyncEnv, startBrowserSync } from '../sync/startBrowserSync';
import { App } from './App';
import { DepsProvider } from './DepsContext';
import { applyDocumentLanguage, availableLanguages, createI18n } from './i18n';
import { pickLanguage } from './languages';
import { LANGUAGE_STORAGE_KEY } from './languageStorage';
import { registerServiceWorker } from './pwa/registerServiceWorker';
import { SyncProvider } from './SyncContext';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';

async function start(): Promise<void> {
  const deps = browserDeps(openDatabase());
  const language = pickLanguage(
    localStorage.getItem(LANGUAGE_STORAGE_KEY),
    navigator.languages,
    availableLanguages,
  );
  applyDocumentLanguage(language);
  const [i18n] = await Promise.all([createI18n(language), ensureReferenceData(deps)]);
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  // After the reference data is in place, so a first pull never races the built-in entries.
  const sync = startBrowserSync(deps, browserSyncEnv());
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <DepsProvider deps={deps}>
          <SyncProvider sync={sync}>
            <App />
          </SyncProvider>
        </DepsProvider>
      </I18nextProvider>
    </StrictMode>,
  );
  registerServiceWorker();
}

void start();
