import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../app/DepsContext';
import { hrefOf } from '../../app/routes';
import { PageHeader } from '../../app/ui/PageHeader';
import { useFormatters } from '../../app/ui/useFormatters';
import { selfReportQueue, type SelfReportQueueItem } from '../../db/queries/selfReports';
import { useDisplayNames } from '../organisations/displayNames';
import './review.css';

function QueueItem({ item }: { item: SelfReportQueueItem }) {
  const { t } = useTranslation(['review']);
  const fmt = useFormatters();
  const names = useDisplayNames();
  const { report } = item;
  return (
    <li className="list-item review-queue-item">
      <a
        href={hrefOf({ name: 'selfReportReview', id: report.id })}
        className="review-queue-link"
        data-testid="review-item"
        data-open={item.openCount}
      >
        <span className="review-queue-name">
          {item.organisationName !== null ? (
            <bdi>{item.organisationName}</bdi>
          ) : (
            t('review:queue.unknownOrganisation')
          )}
        </span>
        <span className="review-queue-meta">
          {t('review:queue.meta', {
            date: fmt.dateTime(report.submittedAt),
            language: names.language(report.language),
          })}
        </span>
        <span className={item.openCount > 0 ? 'tag' : 'tag ok'}>
          {item.openCount > 0
            ? t('review:queue.waiting', { count: item.openCount })
            : t('review:queue.reviewed')}
        </span>
      </a>
    </li>
  );
}

/** Self-reports sent by representatives: those waiting for a decision first, reviewed ones below. */
export default function SelfReportQueueScreen() {
  const { t } = useTranslation(['review', 'common']);
  const { db } = useDeps();
  const queue = useLiveQuery(() => selfReportQueue(db), [db]);
  if (!queue) return <p className="loading">{t('common:loading')}</p>;
  return (
    <section className="self-report-queue" aria-labelledby="queue-title">
      <PageHeader title={<span id="queue-title">{t('review:queue.title')}</span>} />
      <p className="muted">{t('review:queue.intro')}</p>
      <h2 id="queue-open-title">{t('review:queue.openTitle', { count: queue.open.length })}</h2>
      {queue.open.length === 0 ? (
        <p className="muted" data-testid="review-queue-empty">
          {t('review:queue.noneOpen')}
        </p>
      ) : (
        <ul className="list" aria-labelledby="queue-open-title" data-testid="review-queue-open">
          {queue.open.map((item) => (
            <QueueItem key={item.report.id} item={item} />
          ))}
        </ul>
      )}
      <h2 id="queue-reviewed-title">{t('review:queue.reviewedTitle')}</h2>
      {queue.reviewed.length === 0 ? (
        <p className="muted">{t('review:queue.noneReviewed')}</p>
      ) : (
        <ul
          className="list"
          aria-labelledby="queue-reviewed-title"
          data-testid="review-queue-reviewed"
        >
          {queue.reviewed.map((item) => (
            <QueueItem key={item.report.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}
