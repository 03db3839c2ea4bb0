import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { countPending } from '../../db/queries/pending';
import { countOpenConflicts, countQuarantined } from '../../db/queries/syncStatus';
import { readSyncState } from '../../sync/syncState';
import { useDeps } from '../DepsContext';
import { hrefOf } from '../routes';
import { useSyncing, useSyncNow } from '../SyncContext';
import { relativeTime } from './relativeTime';
import { usePersistStore } from './storagePersistence';
import { useNow } from './useNow';
import { useOnline } from './useOnline';
import './statusBar.css';

/**
 * Always visible: online or offline, unsynced changes, the last successful sync and the last
 * error, refused changes and open conflicts, whether storage is kept, and "sync now".
 *
 * Its height must not depend on what it says: pills appear and change while the app starts (the
 * first sync's answer, storage persistence), and a taller header would push the whole screen
 * down (layout shift). On a phone the pills form one row that scrolls sideways, with "sync now"
 * beside it; the button keeps the width of its longer label. Problems come first, so a phone
 * shows them without scrolling.
 */
export function StatusBar() {
  const { t, i18n } = useTranslation(['common', 'sync']);
  const { db } = useDeps();
  const online = useOnline();
  const now = useNow();
  const syncNow = useSyncNow();
  const syncing = useSyncing();
  const pending = useLiveQuery(() => countPending(db), [db]);
  const quarantined = useLiveQuery(() => countQuarantined(db), [db]) ?? 0;
  const conflicts = useLiveQuery(() => countOpenConflicts(db), [db]) ?? 0;
  const sync = useLiveQuery(() => readSyncState(db), [db]);
  const persist = usePersistStore((s) => s.state);
  const request = usePersistStore((s) => s.request);
  useEffect(() => {
    void request();
  }, [request]);

  const lastSync = sync?.lastSyncAt
    ? t('sync:status.lastSync', {
        when: relativeTime(sync.lastSyncAt, now, i18n.language) ?? t('sync:status.justNow'),
      })
    : t('sync:status.neverSynced');
  // While offline the pill above says it all; an old "server unreachable" would only add noise.
  const error =
    sync?.lastError && !(sync.lastError === 'network' && !online) ? sync.lastError : null;

  return (
    <div className="status-bar">
      <div className="status-scroll">
        <div className="status-items" role="status" aria-live="polite">
          <span
            className={`status-pill ${online ? 'online' : 'offline'}`}
            data-testid="online-status"
          >
            {online ? t('status.online') : t('status.offline')}
          </span>{' '}
          {error ? (
            <span className="status-pill warn" data-testid="sync-error" data-error={error}>
              {t(`sync:errors.${error}`, { defaultValue: t('sync:errors.unexpected') })}
            </span>
          ) : null}{' '}
          {error === 'loginRequired' ? (
            <a
              className="status-link"
              href={hrefOf({ name: 'login' })}
              data-testid="sync-error-login"
            >
              <span className="status-pill strong">{t('sync:status.login')}</span>
            </a>
          ) : null}{' '}
          {quarantined > 0 ? (
            <a
              className="status-link"
              href={hrefOf({ name: 'sync' })}
              data-testid="quarantine-count"
            >
              <span className="status-pill warn">
                {t('sync:status.quarantined', { count: quarantined })}
              </span>
            </a>
          ) : null}{' '}
          {conflicts > 0 ? (
            <a
              className="status-link"
              href={hrefOf({ name: 'conflicts' })}
              data-testid="conflict-count"
            >
              <span className="status-pill warn">
                {t('sync:status.conflicts', { count: conflicts })}
              </span>
            </a>
          ) : null}{' '}
          <span className="status-pill" data-testid="pending-count">
            {t('status.pending', { count: pending ?? 0 })}
          </span>
        </div>{' '}
        <a className="status-link" href={hrefOf({ name: 'sync' })} data-testid="last-sync">
          <span className="status-pill">{lastSync}</span>
        </a>{' '}
        <span className={`status-pill ${persist === 'persisted' ? 'online' : 'warn'}`}>
          {t(`status.storage.${persist}`)}
        </span>
      </div>{' '}
      <button
        type="button"
        className="status-sync-button"
        disabled={!online || syncing}
        aria-busy={syncing}
        data-testid="sync-now"
        onClick={() => void syncNow()}
      >
        <svg
          className={`status-sync-icon${syncing ? ' spinning' : ''}`}
          viewBox="0 0 24 24"
          width="20"
          height="20"
          aria-hidden="true"
          focusable="false"
        >
          <path
            d="M20 12a8 8 0 1 1-2.34-5.66M20 4v5h-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        {/*
          The label stays the accessible name when a phone shows only the icon. Both labels
          share one grid cell, so the button is as wide as the longer one; the hidden one is
          left out of the accessible name.
        */}
        <span className="status-sync-label">
          <span className={syncing ? 'status-sync-inactive' : undefined}>
            {t('sync:status.syncNow')}
          </span>
          <span className={syncing ? undefined : 'status-sync-inactive'}>
            {t('sync:status.syncing')}
          </span>
        </span>
      </button>
    </div>
  );
}
