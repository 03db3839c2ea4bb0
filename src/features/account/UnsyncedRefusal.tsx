import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/routes';
import { useOnline } from '../../app/status/useOnline';
import { useSyncing, useSyncNow } from '../../app/SyncContext';
import type { GuardDecision } from '../../sync/unsyncedGuard';

type Refused = Extract<GuardDecision, { allowed: false }>;

/** Why logout or reset is refused right now, and what to do about it. */
export function UnsyncedRefusal({
  action,
  decision,
}: {
  action: 'logout' | 'reset';
  decision: Refused;
}) {
  const { t } = useTranslation(['account', 'sync']);
  const online = useOnline();
  const syncNow = useSyncNow();
  const syncing = useSyncing();
  return (
    <div className="unsynced-refusal" role="alert" data-testid={`${action}-refused`}>
      <p>
        <strong>
          {action === 'logout'
            ? t('account:unsynced.logoutRefused')
            : t('account:unsynced.resetRefused')}
        </strong>
      </p>
      {decision.outboxCount > 0 ? (
        <p>{t('account:unsynced.pending', { count: decision.outboxCount })}</p>
      ) : null}
      {decision.quarantineCount > 0 ? (
        <p>{t('account:unsynced.quarantined', { count: decision.quarantineCount })}</p>
      ) : null}
      <p>{t('account:unsynced.whatToDo')}</p>
      <div className="account-actions">
        <button
          type="button"
          className="button"
          disabled={!online || syncing}
          onClick={() => void syncNow()}
        >
          {syncing ? t('sync:status.syncing') : t('sync:status.syncNow')}
        </button>
        <a className="button" href={hrefOf({ name: 'sync' })}>
          {t('account:unsynced.openSync')}
        </a>
      </div>
    </div>
  );
}
