import { useTranslation } from 'react-i18next';
import type { ConflictSubject, SubjectOrganisation } from '../../db/queries/conflicts';
import { hrefOf } from '../../app/routes';
import { useFormatters } from '../../app/ui/useFormatters';
import { useReferenceData } from '../../app/ui/useReferenceData';
import { isolate } from '../followUps/isolate';

function OrganisationLink({ organisation }: { organisation: SubjectOrganisation | null }) {
  const { t } = useTranslation(['conflicts']);
  if (!organisation) return <span>{t('conflicts:subject.unknownOrganisation')}</span>;
  return (
    <a href={hrefOf({ name: 'organisation', id: organisation.id })} data-testid="conflict-org-link">
      <bdi>{organisation.name}</bdi>
    </a>
  );
}

/** Which record a conflict is about, in words, with a link to its organisation. */
export function ConflictSubjectLine({ subject }: { subject: ConflictSubject }) {
  const { t } = useTranslation(['conflicts', 'settings', 'review']);
  const fmt = useFormatters();
  const ref = useReferenceData();

  const deletedTag =
    'deleted' in subject && subject.deleted ? (
      <span className="tag danger">{t('conflicts:subject.deleted')}</span>
    ) : null;

  switch (subject.kind) {
    case 'organisation':
      return (
        <p className="conflict-subject">
          <span className="muted">{t('conflicts:subject.organisation')}</span>
          <OrganisationLink organisation={subject.organisation} />
          {deletedTag}
        </p>
      );
    case 'missing':
      return (
        <p className="conflict-subject muted">
          {subject.table === 'selfReports'
            ? t('review:conflict.missing')
            : t('conflicts:subject.missing', { table: t(`conflicts:tables.${subject.table}`) })}
        </p>
      );
    case 'selfReport':
      return (
        <p className="conflict-subject">
          <a
            href={hrefOf({ name: 'selfReportReview', id: subject.selfReportId })}
            data-testid="conflict-self-report-link"
          >
            {t('review:conflict.subject', { date: fmt.dateTime(subject.submittedAt) })}
          </a>
          <OrganisationLink organisation={subject.organisation} />
          {deletedTag}
        </p>
      );
    case 'referenceData':
      return (
        <p className="conflict-subject">
          <span>
            {t('conflicts:subject.referenceData', {
              kind: t(`settings:reference.kinds.${subject.refKind}`),
              label: subject.labelKey ? t(subject.labelKey) : isolate(subject.label),
            })}
          </span>
          {deletedTag}
        </p>
      );
    default: {
      const what =
        subject.kind === 'contact'
          ? t('conflicts:subject.contact', { name: isolate(subject.name) })
          : subject.kind === 'visit'
            ? t('conflicts:subject.visit', { date: fmt.date(subject.date) })
            : subject.kind === 'referral'
              ? t('conflicts:subject.referral', {
                  target: ref.label('referralTarget', subject.targetId),
                })
              : t('conflicts:subject.followUp', { what: isolate(subject.what) });
      return (
        <p className="conflict-subject">
          <span>{what}</span>
          <OrganisationLink organisation={subject.organisation} />
          {deletedTag}
        </p>
      );
    }
  }
}
