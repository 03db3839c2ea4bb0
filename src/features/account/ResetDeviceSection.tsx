import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../app/DepsContext';
import { useAuthApi, useStopSyncAndRun } from '../../app/SyncContext';
import { useFormatters } from '../../app/ui/useFormatters';
import { sessionUser } from '../../db/queries/account';
import { countDrafts, unsyncedSnapshot } from '../../db/queries/unsynced';
import { deleteLocalDatabase } from '../../db/repositories/account';
import { unsyncedGuard } from '../../sync/unsyncedGuard';
import { UnsyncedRefusal } from './UnsyncedRefusal';
import { useUnsyncedDecision } from './useUnsyncedDecision';
import './account.css';

type Step = 'idle' | 'asked' | 'confirming' | 'working' | 'failed';

class StillUnsynced extends Error {}

/**
 * Deletes the whole local database (e.g. before the tablet goes to someone else), after a
 * confirmation, and never while edits exist only here unless they were exported first.
 */
export function ResetDeviceSection() {
  const { t } = useTranslation(['account']);
  const deps = useDeps();
  const auth = useAuthApi();
  const stopSyncAndRun = useStopSyncAndRun();
  const fmt = useFormatters();
  const guard = useUnsyncedDecision();
  const drafts = useLiveQuery(() => countDrafts(deps.db), [deps.db]) ?? 0;
  const [step, setStep] = useState<Step>('idle');
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // Focus the safe choice when the question opens.
    if (step === 'confirming') cancelRef.current?.focus();
  }, [step]);

  async function ask(): Promise<void> {
    const decision = await guard.check();
    setStep(decision.allowed ? 'confirming' : 'asked');
  }

  async function reset(): Promise<void> {
    setStep('working');
    try {
      await stopSyncAndRun(async () => {
        // Checked again under the sync lock: another tab may have written meanwhile.
        if (!unsyncedGuard(await unsyncedSnapshot(deps.db)).allowed) throw new StillUnsynced();
        // Best effort: offline, the session ends when it expires or at the next logout.
        if (await sessionUser(deps.db)) await auth.logout();
        await deleteLocalDatabase(deps);
      });
    } catch (error) {
      setStep(error instanceof StillUnsynced ? 'asked' : 'failed');
      return;
    }
    // A fresh start: a new, empty database with a new device id, on the start screen.
    window.history.replaceState(null, '', '#/');
    window.location.reload();
  }

  const decision = guard.decision;
  const refused = step === 'asked' && decision && !decision.allowed ? decision : null;
  const exportedAt =
    decision?.allowed && decision.reason === 'exported' ? guard.snapshot?.lastExport?.at : null;

  return (
    <section className="card" aria-labelledby="settings-reset-title" data-testid="reset-section">
      <h2 id="settings-reset-title">{t('account:reset.title')}</h2>
      <p>{t('account:reset.intro')}</p>
      {step === 'confirming' || step === 'working' ? (
        <div className="reset-confirm" role="group" aria-labelledby="reset-question">
          <p id="reset-question">
            <strong>{t('account:reset.confirmQuestion')}</strong>
          </p>
          {drafts > 0 ? <p>{t('account:reset.drafts', { count: drafts })}</p> : null}
          {exportedAt ? (
            <p>{t('account:unsynced.exported', { date: fmt.dateTime(exportedAt) })}</p>
          ) : null}
          <div className="account-actions">
            <button
              type="button"
              className="button danger"
              disabled={step === 'working'}
              data-testid="reset-confirm"
              onClick={() => void reset()}
            >
              {step === 'working' ? t('account:reset.working') : t('account:reset.confirm')}
            </button>
            <button
              ref={cancelRef}
              type="button"
              className="button"
              disabled={step === 'working'}
              data-testid="reset-cancel"
              onClick={() => setStep('idle')}
            >
              {t('account:reset.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button danger"
          data-testid="reset-device"
          onClick={() => void ask()}
        >
          {t('account:reset.button')}
        </button>
      )}
      {refused ? <UnsyncedRefusal action="reset" decision={refused} /> : null}
      {step === 'failed' ? (
        <p className="field-error" role="alert">
          {t('account:reset.failed')}
        </p>
      ) : null}
    </section>
  );
}
