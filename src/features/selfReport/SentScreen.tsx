import { useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/ui/useFormatters';
import type { SentSelfReportDraft } from '../../db/repositories/selfReportDrafts';
import type { SelfReportSession } from './session';

interface Props {
  sent: SentSelfReportDraft;
  session: SelfReportSession;
}

/** The clear "sent" confirmation; a new report can be started with the same link. */
export function SentScreen({ sent, session }: Props) {
  const { t } = useTranslation(['selfReport']);
  const fmt = useFormatters();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="sr-sent" data-testid="sr-sent" aria-labelledby="sr-sent-title">
      <p className="sr-sent-icon" aria-hidden="true">
        ✓
      </p>
      <h1 id="sr-sent-title" ref={headingRef} tabIndex={-1}>
        {t('selfReport:sent.title')}
      </h1>
      <p className="sr-org">
        <Trans
          t={t}
          i18nKey="selfReport:for"
          values={{ name: sent.organisationName }}
          components={{ org: <bdi dir="auto" /> }}
        />
      </p>
      <p className="sr-sent-text">{t('selfReport:sent.text')}</p>
      <p>{t('selfReport:sent.next')}</p>
      <p className="muted">{t('selfReport:sent.at', { date: fmt.dateTime(sent.sentAt) })}</p>
      <button
        type="button"
        className="button"
        data-testid="sr-restart"
        onClick={() => void session.restart()}
      >
        {t('selfReport:sent.restart')}
      </button>
    </section>
  );
}
