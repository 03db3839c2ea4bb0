import { Trans, useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/ui/useFormatters';
import { LanguageSelect } from './LanguageSelect';
import type { StepProps } from './stepProps';

/** Who this is for, what it is for (two sentences), how long it takes, and the language. */
export function WelcomeStep({ draft }: StepProps) {
  const { t } = useTranslation(['selfReport']);
  const fmt = useFormatters();
  return (
    <>
      <LanguageSelect />
      <p className="sr-org">
        <Trans
          t={t}
          i18nKey="selfReport:for"
          values={{ name: draft.view.organisationName }}
          components={{ org: <bdi dir="auto" /> }}
        />
      </p>
      <p>{t('selfReport:welcome.intro')}</p>
      <p>{t('selfReport:welcome.time')}</p>
      <p className="muted">
        {t('selfReport:welcome.validUntil', { date: fmt.dateTime(draft.view.expiresAt) })}
      </p>
    </>
  );
}
