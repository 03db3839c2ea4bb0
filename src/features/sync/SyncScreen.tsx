import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../app/DepsContext';
import { hrefOf } from '../../app/routes';
import { formatDuration, relativeTime } from '../../app/status/relativeTime';
import { useNow } from '../../app/status/useNow';
import { useOnline } from '../../app/status/useOnline';
import { useSyncing, useSyncNow } from '../../app/SyncContext';
import { PageHeader } from '../../app/ui/PageHeader';
import { useFormatters } from '../../app/ui/useFormatters';
import { countPending } from '../../db/queries/pending';
import { listQuarantine, type QuarantineItem } from '../../db/queries/quarantine';
import { discardQuarantined, resendQuarantined } from '../../db/repositories/quarantine';
import { CLOCK_DRIFT_WARN_MS } from '../../domain/sync/protocol';
import { readSyncState } from '../../sync/syncState';
import { QuarantineEntry } from './QuarantineEntry';
import './sync.css';

type Notice = 'resent' | 'discarded' | 'failed';

/** Sync details and the changes the server refused, with "send again" and "discard". */
export default function SyncScreen() {
  const { t, i18n } = useTranslation(['sync']);
  const deps = useDeps();
  const { db } = deps;
  const fmt = useFormatters();
  const now = useNow();
  const online = useOnline();
  const syncNow = useSyncNow();
  const syncing = useSyncing();
  const state = useLiveQuery(() => readSyncState(db), [db]);
  const pending = useLiveQuery(() => countPending(db), [db]);
  const quarantine = useLiveQuery(() => listQuarantine(db), [db]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  async function act(item: QuarantineItem, action: 'resend' | 'discard'): Promise<void> {
    setBusy(true);
    setNotice(null);
    try {
      if (action === 'resend') {
        await resendQuarantined(deps, item.mutationId);
        setNotice('resent');
        void syncNow();
      } else {
        await discardQuarantined(deps, item.mutationId);
        setNotice('discarded');
      }
    } catch {
      setNotice('failed');
    } finally {
      setBusy(false);
    }
  }

  const when = (iso: string | null): string => {
    if (!iso) return t('sync:screen.never');
    const ago = relativeTime(iso, now, i18n.language) ?? t('sync:status.justNow');
    return t('sync:screen.when', { date: fmt.dateTime(iso), ago });
  };
  const drift = state?.clockDriftMs ?? null;
  const driftWarning =
    drift !== null && Math.abs(drift) > CLOCK_DRIFT_WARN_MS
      ? t(drift > 0 ? 'sync:screen.clockAhead' : 'sync:screen.clockBehind', {
          duration: formatDuration(drift, i18n.language),
        })
      : null;
  const error = state?.lastError ?? null;

  return (
    <section className="sync-screen" aria-labelledby="sync-title">
      <PageHeader title={<span id="sync-title">{t('sync:screen.title')}</span>}>
        <button
          type="button"
          className="button primary"
          disabled={!online || syncing}
          data-testid="sync-screen-now"
          onClick={() => void syncNow()}
        >
          {syncing ? t('sync:status.syncing') : t('sync:status.syncNow')}
        </button>
      </PageHeader>
      <p>{t('sync:screen.intro')}</p>
      {!online ? <p className="sync-note">{t('sync:screen.offline')}</p> : null}
      {driftWarning ? (
        <p className="sync-warning" role="note" data-testid="clock-drift">
          {driftWarning}
        </p>
      ) : null}
      <section className="card" aria-labelledby="sync-state-title">
        <h2 id="sync-state-title">{t('sync:screen.stateTitle')}</h2>
        <dl className="sync-facts">
          <dt>{t('sync:screen.lastSync')}</dt>
          <dd data-testid="sync-last-success">{state ? when(state.lastSyncAt) : null}</dd>
          <dt>{t('sync:screen.lastAttempt')}</dt>
          <dd>{state ? when(state.lastAttemptAt) : null}</dd>
          <dt>{t('sync:screen.lastError')}</dt>
          <dd data-testid="sync-last-error">
            {error ? (
              <>
                <strong>
                  {t(`sync:errors.${error}`, { defaultValue: t('sync:errors.unexpected') })}
                </strong>{' '}
                {t(`sync:errorHelp.${error}`, { defaultValue: t('sync:errorHelp.unexpected') })}
                {error === 'loginRequired' ? (
                  <>
                    {' '}
                    <a href={hrefOf({ name: 'login' })}>{t('sync:status.login')}</a>
                  </>
                ) : null}
              </>
            ) : (
              t('sync:screen.noError')
            )}
          </dd>
          <dt>{t('sync:screen.pending')}</dt>
          <dd data-testid="sync-pending">{fmt.number(pending ?? 0)}</dd>
          <dt>{t('sync:screen.quarantined')}</dt>
          <dd>{fmt.number(quarantine?.length ?? 0)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="quarantine-title">
        <h2 id="quarantine-title">{t('sync:quarantine.title')}</h2>
        <p
          role="status"
          aria-live="polite"
          className={notice === 'failed' ? 'field-error' : 'saved-message'}
          data-testid="quarantine-notice"
        >
          {notice ? t(`sync:quarantine.${notice}`) : null}
        </p>
        {quarantine && quarantine.length > 0 ? (
          <>
            <p>{t('sync:quarantine.intro')}</p>
            <ul className="list" data-testid="quarantine-list">
              {quarantine.map((item) => (
                <QuarantineEntry
                  key={item.mutationId}
                  item={item}
                  busy={busy}
                  onResend={(i) => void act(i, 'resend')}
                  onDiscard={(i) => void act(i, 'discard')}
                />
              ))}
            </ul>
          </>
        ) : quarantine ? (
          <p className="muted" data-testid="quarantine-empty">
            {t('sync:quarantine.empty')}
          </p>
        ) : null}
      </section>
    </section>
  );
}
