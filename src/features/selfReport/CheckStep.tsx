import { useTranslation } from 'react-i18next';
import { ChangeSummary } from './ChangeSummary';
import type { StepProps } from './stepProps';

interface Props extends StepProps {
  sendFailed: boolean;
}

/** What changed, what happens next, and whether the report is still waiting for a connection. */
export function CheckStep({ draft, session, sendFailed }: Props) {
  const { t } = useTranslation(['selfReport']);
  return (
    <>
      <div role="status" aria-live="polite">
        {draft.status === 'queued' ? (
          <p className="sr-notice sr-queued" data-testid="sr-queued">
            {t('selfReport:check.queued')}
          </p>
        ) : null}
      </div>
      <div role="alert">
        {sendFailed ? (
          <p className="sr-notice sr-problem" data-testid="sr-error">
            {t('selfReport:check.sendFailed')}
          </p>
        ) : null}
      </div>
      <ChangeSummary draft={draft} session={session} />
      <p className="muted">{t('selfReport:check.sendHint')}</p>
    </>
  );
}
