import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandIcon } from '../../app/BrandIcon';
import { SentScreen } from './SentScreen';
import { linkProblemKey } from './selfReportDraft';
import type { SelfReportApi } from './selfReportApi';
import type { SelfReportSession, SessionState } from './session';
import { StepView } from './StepView';
import { useSelfReportSession } from './useSelfReportSession';
import './selfReport.css';

interface ProblemProps {
  title: string;
  text: string;
  testId: string;
  retry?: { label: string; onRetry: () => void };
}

function Problem({ title, text, testId, retry }: ProblemProps) {
  return (
    <section className="sr-problem-page" role="alert" data-testid={testId}>
      <h1>{title}</h1>
      <p>{text}</p>
      {retry ? (
        <button type="button" className="button primary" onClick={retry.onRetry}>
          {retry.label}
        </button>
      ) : null}
    </section>
  );
}

function Body({ state, session }: { state: SessionState; session: SelfReportSession }) {
  const { t } = useTranslation(['selfReport']);
  const retry = (label: string) => ({ label, onRetry: () => void session.retry() });
  switch (state.phase) {
    case 'loading':
      return (
        <p className="loading" role="status">
          {t('selfReport:loading')}
        </p>
      );
    case 'needsNetwork':
      return (
        <Problem
          testId="sr-offline"
          title={t('selfReport:needsNetwork.title')}
          text={t('selfReport:needsNetwork.text')}
          retry={retry(t('selfReport:needsNetwork.retry'))}
        />
      );
    case 'linkInvalid':
      return (
        <Problem
          testId="sr-error"
          title={t('selfReport:link.title')}
          text={t(linkProblemKey(state.linkProblem ?? 'unauthenticated'))}
        />
      );
    case 'failed':
      return (
        <Problem
          testId="sr-error"
          title={t('selfReport:failed.title')}
          text={t('selfReport:failed.text')}
          retry={retry(t('selfReport:failed.retry'))}
        />
      );
    case 'ready':
      if (!state.draft) return null;
      return state.draft.status === 'sent' ? (
        <SentScreen sent={state.draft} session={session} />
      ) : (
        <StepView draft={state.draft} state={state} session={session} />
      );
  }
}

interface FlowProps {
  token: string;
  /** Called once something other than "loading" is shown (see startSelfReport.tsx). */
  onShown?: () => void;
  /** The server's client (default: the browser's; startSelfReport.tsx passes one already asking). */
  api?: SelfReportApi;
}

function SelfReportFlow({ token, onShown, api }: FlowProps) {
  const { t } = useTranslation(['selfReport', 'common']);
  const { session, state } = useSelfReportSession(token, api);
  const loading = state.phase === 'loading';
  useEffect(() => {
    if (!loading) onShown?.();
  }, [loading, onShown]);
  return (
    <div className="sr" data-testid="self-report">
      <header className="sr-header">
        <BrandIcon size={28} />
        <span className="sr-brand">{t('common:appName')}</span>
        <span className="sr-page-title">{t('selfReport:pageTitle')}</span>
      </header>
      <main className="sr-main" id="main">
        <Body state={state} session={session} />
      </main>
    </div>
  );
}

/**
 * The representative's self-report, opened from an invitation link (`#/report/<token>`) on their
 * own phone: their language, one topic per screen, saved on the phone, sent when online.
 */
export default function SelfReportScreen(props: FlowProps) {
  // Another link is another report: a fresh session, never the previous link's state.
  return <SelfReportFlow key={props.token} {...props} />;
}
