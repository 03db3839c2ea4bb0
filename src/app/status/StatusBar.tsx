import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { countPending } from '../../db/queries/pending';
import { useDeps } from '../DepsContext';
import { usePersistStore } from './storagePersistence';
import { useOnline } from './useOnline';

/** Always visible: online or offline, unsynced changes, whether storage is kept. */
export function StatusBar() {
  const { t } = useTranslation();
  const { db } = useDeps();
  const online = useOnline();
  const pending = useLiveQuery(() => countPending(db), [db]);
  const persist = usePersistStore((s) => s.state);
  const request = usePersistStore((s) => s.request);
  useEffect(() => {
    void request();
  }, [request]);
  return (
    <div className="status-bar" role="status" aria-live="polite">
      <span className={`status-pill ${online ? 'online' : 'offline'}`} data-testid="online-status">
        {online ? t('status.online') : t('status.offline')}
      </span>
      <span className="status-pill" data-testid="pending-count">
        {t('status.pending', { count: pending ?? 0 })}
      </span>
      <span className={`status-pill ${persist === 'persisted' ? 'online' : 'warn'}`}>
        {t(`status.storage.${persist}`)}
      </span>
    </div>
  );
}
