import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../app/DepsContext';
import { navigate } from '../../app/useRoute';
import { useOnline } from '../../app/status/useOnline';
import { useAuthApi, useSyncNow } from '../../app/SyncContext';
import { PageHeader } from '../../app/ui/PageHeader';
import { sessionUser } from '../../db/queries/account';
import { rememberSessionUser } from '../../db/repositories/account';
import type { LoginOutcome } from '../../sync/authApi';
import './account.css';

type Failure = Exclude<LoginOutcome, { kind: 'ok' }> | { kind: 'required' } | { kind: 'offline' };

/** Username and password; on success the device syncs and the organisation list opens. */
export default function LoginScreen() {
  const { t } = useTranslation(['account']);
  const deps = useDeps();
  const auth = useAuthApi();
  const syncNow = useSyncNow();
  const online = useOnline();
  const current = useLiveQuery(() => sessionUser(deps.db), [deps.db]);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SubmitEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (login.trim() === '' || password === '') {
      setFailure({ kind: 'required' });
      return;
    }
    if (!online) {
      setFailure({ kind: 'offline' });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const outcome = await auth.login(login.trim(), password);
      if (outcome.kind === 'ok') {
        await rememberSessionUser(deps, outcome.user);
        void syncNow();
        navigate({ name: 'organisations' });
        return;
      }
      if (outcome.kind === 'invalidCredentials') setPassword('');
      setFailure(outcome.kind === 'network' && !navigator.onLine ? { kind: 'offline' } : outcome);
    } finally {
      setBusy(false);
    }
  }

  const message = (f: Failure): string => {
    switch (f.kind) {
      case 'required':
        return t('account:login.required');
      case 'offline':
        return t('account:login.errors.offline');
      case 'invalidCredentials':
        return t('account:login.errors.invalidCredentials');
      case 'rateLimited':
        return t('account:login.errors.rateLimited', { count: f.retryAfterSeconds });
      case 'network':
        return t('account:login.errors.network');
      case 'unexpected':
        return t('account:login.errors.unexpected', { status: f.status });
    }
  };

  return (
    <section className="login" aria-labelledby="login-title">
      <PageHeader title={<span id="login-title">{t('account:login.title')}</span>} />
      <div className="card login-card">
        <p>{t('account:login.intro')}</p>
        {current ? (
          <div data-testid="login-current-user">
            <p>
              <strong>{t('account:login.current')}</strong> <bdi>{current.displayName}</bdi>
            </p>
            <p className="muted">{t('account:login.switchHint')}</p>
          </div>
        ) : null}
        <form noValidate onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor="login-name">{t('account:login.login')}</label>
            <input
              id="login-name"
              name="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              required
              value={login}
              onChange={(e) => setLogin(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('account:login.password')}</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <p className="field-error" role="alert" data-testid="login-error">
            {failure ? message(failure) : null}
          </p>
          <button
            type="submit"
            className="button primary"
            disabled={busy}
            data-testid="login-submit"
          >
            {busy ? t('account:login.submitting') : t('account:login.submit')}
          </button>
        </form>
      </div>
    </section>
  );
}
