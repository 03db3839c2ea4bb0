import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../app/DepsContext';
import { hrefOf } from '../../app/routes';
import { PageHeader } from '../../app/ui/PageHeader';
import { useFormatters } from '../../app/ui/useFormatters';
import { selfReportForReview } from '../../db/queries/selfReports';
import { remainingItems, type ReviewItem } from '../../db/repositories/selfReviews';
import type { ProvenanceSection } from '../../domain/organisation';
import { selfReportFields, type SelfReportDecisionValue } from '../../domain/selfReport';
import { useDisplayNames } from '../organisations/displayNames';
import { AcceptAllControl } from './AcceptAllControl';
import { AnswerValue, NeedValue } from './AnswerValue';
import { ReviewNoticeLine } from './ReviewNoticeLine';
import { ReviewRow } from './ReviewRow';
import { fieldRows, needRows } from './reviewRows';
import { useReviewActions } from './useReviewActions';
import './review.css';

/**
 * One self-report, answer by answer: the profile's value, the representative's proposal in their
 * own words and language, and Accept / Reject. Accepting writes the organisation and the decision
 * together; rejecting writes only the decision.
 */
export default function SelfReportReviewScreen({ selfReportId }: { selfReportId: string }) {
  const { t } = useTranslation(['review', 'organisations', 'needs', 'common']);
  const { db } = useDeps();
  const fmt = useFormatters();
  const names = useDisplayNames();
  const data = useLiveQuery(() => selfReportForReview(db, selfReportId), [db, selfReportId]);
  const actions = useReviewActions(selfReportId);
  // Once a row is decided its buttons go: keep keyboard focus on the row's new status.
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const id = pendingFocus.current;
    const target = id ? document.getElementById(id) : null;
    if (target) {
      target.focus();
      pendingFocus.current = null;
    }
  });

  if (!data) return <p className="loading">{t('common:loading')}</p>;
  const { report, organisation } = data;
  if (!report) {
    return (
      <div className="card" role="alert">
        <p>{t('review:review.notFound')}</p>
        <a className="button" href={hrefOf({ name: 'selfReports' })}>
          {t('review:review.backToQueue')}
        </a>
      </div>
    );
  }
  const org = organisation && !organisation.deleted ? organisation : null;
  const language = names.language(report.language);
  const proposedCaption = t('review:review.proposed', { language });
  const fields = fieldRows(report, org);
  const needs = needRows(report, org);
  const remaining = remainingItems(report);

  const decide = (item: ReviewItem, testKey: string, label: string) => {
    return (decision: SelfReportDecisionValue) => {
      void actions.decide([item], decision, label).then((written) => {
        if (written) pendingFocus.current = `review-status-${testKey}`;
      });
    };
  };
  /** Free text already in the profile keeps the language its provenance names. */
  const profileLang = (section: ProvenanceSection): string | undefined =>
    org?.provenance[section]?.language ?? undefined;

  return (
    <article className="self-report-review" aria-labelledby="review-title">
      <PageHeader
        title={
          <span id="review-title">
            {org ? t('review:review.title', { name: org.name }) : t('review:review.titleUnknown')}
          </span>
        }
      >
        <a className="button" href={hrefOf({ name: 'selfReports' })}>
          {t('review:review.backToQueue')}
        </a>
        {org ? (
          <a className="button" href={hrefOf({ name: 'organisation', id: org.id })}>
            {t('review:review.openProfile')}
          </a>
        ) : null}
      </PageHeader>
      <p className="review-meta" data-testid="review-meta">
        {t('review:review.meta', { date: fmt.dateTime(report.submittedAt), language })}
      </p>
      {org ? null : (
        <p className="review-warning" role="alert" data-testid="review-org-missing">
          {t(
            organisation?.deleted
              ? 'review:review.organisationDeleted'
              : 'review:review.organisationMissing',
          )}{' '}
          <a href={hrefOf({ name: 'sync' })}>{t('review:review.openSync')}</a>
        </p>
      )}
      <ReviewNoticeLine notice={actions.notice} />
      {org && remaining.length > 1 ? (
        <AcceptAllControl
          count={remaining.length}
          busy={actions.busy}
          onConfirm={() =>
            void actions.decide(remaining, 'accepted', t('review:review.allRemaining'))
          }
        />
      ) : null}

      <section className="card" aria-labelledby="review-fields-title">
        <h2 id="review-fields-title">{t('review:review.fieldsTitle')}</h2>
        {fields.length === 0 ? (
          <p className="muted">{t('review:review.noFields')}</p>
        ) : (
          <ul className="review-list">
            {fields.map((row) => {
              const label = t(`organisations:fields.${row.key}`);
              const section = selfReportFields[row.key].section;
              return (
                <ReviewRow
                  key={row.key}
                  testKey={row.key}
                  label={label}
                  current={
                    org ? (
                      <AnswerValue
                        fieldKey={row.key}
                        value={row.current}
                        lang={profileLang(section)}
                      />
                    ) : null
                  }
                  proposed={
                    <AnswerValue fieldKey={row.key} value={row.proposed} lang={report.language} />
                  }
                  proposedCaption={proposedCaption}
                  decision={row.decision}
                  busy={actions.busy}
                  onDecide={decide({ kind: 'field', key: row.key }, row.key, label)}
                />
              );
            })}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="review-needs-title">
        <h2 id="review-needs-title">{t('review:review.needsTitle')}</h2>
        {needs.length === 0 ? (
          <p className="muted">{t('review:review.noNeeds')}</p>
        ) : (
          <ul className="review-list">
            {needs.map((row) => {
              const label = t(`needs:items.${row.itemId}.label`);
              const testKey = `need-${row.itemId}`;
              return (
                <ReviewRow
                  key={row.itemId}
                  testKey={testKey}
                  label={label}
                  current={
                    row.current ? (
                      <NeedValue
                        group={row.group}
                        value={row.current}
                        lang={profileLang('needs')}
                      />
                    ) : null
                  }
                  proposed={
                    <NeedValue group={row.group} value={row.proposed} lang={report.language} />
                  }
                  proposedCaption={proposedCaption}
                  decision={row.decision}
                  busy={actions.busy}
                  onDecide={decide({ kind: 'need', itemId: row.itemId }, testKey, label)}
                />
              );
            })}
          </ul>
        )}
      </section>
    </article>
  );
}
