import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../app/DepsContext';
import { hrefOf } from '../../app/routes';
import { useAuthApi, useSyncNow } from '../../app/SyncContext';
import { sessionUser } from '../../db/queries/account';
import { forgetSessionUser } from '../../db/repositories/account';
import { UnsyncedRefusal } from './UnsyncedRefusal';
import { useUnsyncedDecision } from './useUnsyncedDecision';
import './account.css';

type Outcome = { kind: 'loggedOut' } | { kind: 'network' } | { kind: 'failed'; status: number };

/**
 * Who is logged in on this device, and "log out" — refused while edits exist only here, since the
 * next person to log in would send them under their name. Local data stays after a logout.
 */
export function AccountSection() {
  const { t } = useTranslation(['account']);
  const deps = useDeps();
  const auth = useAuthApi();
  const syncNow = useSyncNow();
  const user = useLiveQuery(() => sessionUser(deps.db), [deps.db]);
  const guard = useUnsyncedDecision();
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function logout(): Promise<void> {
    setOutcome(null);
    setAsked(true);
    if (!(await guard.check()).allowed) return;
    setBusy(true);
    try {
      const result = await auth.logout();
      if (result.kind === 'ok') {
        await forgetSessionUser(deps);
        setAsked(false);
        setOutcome({ kind: 'loggedOut' });
        // Records "login required" in the sync state, so the status bar says so.
        void syncNow();
      } else if (result.kind === 'network') {
        setOutcome({ kind: 'network' });
      } else {
        setOutcome({ kind: 'failed', status: result.status });
      }
    } finally {
      setBusy(false);
    }
  }

  const refused =
    asked && user && guard.decision && !guard.decision.allowed ? guard.decision : null;
  const message =
    outcome?.kind === 'loggedOut'
      ? t('account:section.loggedOut')
      : outcome?.kind === 'network'
        ? t('account:section.logoutNetwork')
        : outcome?.kind === 'failed'
          ? t('account:section.logoutFailed', { status: outcome.status })
          : '';

  return (
    <section
      className="card"
      aria-labelledby="settings-account-title"
      data-testid="account-section"
    >
      <h2 id="settings-account-title">{t('account:section.title')}</h2>
      {user ? (
        <dl className="account-facts">
          <dt>{t('account:section.loggedInAs')}</dt>
          <dd data-testid="account-display-name">
            <bdi>{user.displayName}</bdi>
          </dd>
          <dt>{t('account:login.login')}</dt>
          <dd>
            <bdi>{user.login}</bdi>
          </dd>
        </dl>
      ) : user === null ? (
        <p data-testid="account-not-logged-in">{t('account:section.notLoggedIn')}</p>
      ) : null}
      <div className="account-actions">
        {user ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="logout"
            onClick={() => void logout()}
          >
            {busy ? t('account:section.loggingOut') : t('account:section.logout')}
          </button>
        ) : (
          <a
            className="button primary"
            href={hrefOf({ name: 'login' })}
            data-testid="account-login"
          >
            {t('account:section.login')}
          </a>
        )}
      </div>
      {refused ? <UnsyncedRefusal action="logout" decision={refused} /> : null}
      <p
        role="status"
        aria-live="polite"
        className={outcome && outcome.kind !== 'loggedOut' ? 'field-error' : 'saved-message'}
        data-testid="logout-message"
      >
        {message}
      </p>
    </section>
  );
}
