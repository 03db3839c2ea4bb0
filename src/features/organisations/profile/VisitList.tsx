import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/ui/useFormatters';
import type { Referral, Visit } from '../../../domain/visit';

/** Past visits, newest first: when, why, where, and how many needs changed. */
export function VisitList({
  visits,
  referrals,
}: {
  visits: readonly Visit[];
  referrals: readonly Referral[];
}) {
  const { t } = useTranslation('organisations');
  const fmt = useFormatters();
  return (
    <section className="card" aria-labelledby="visits-title" data-testid="profile-visits">
      <h2 id="visits-title">{t('profile.visitsTitle', { count: visits.length })}</h2>
      {visits.length === 0 ? (
        <p className="muted">{t('profile.noVisits')}</p>
      ) : (
        <ol className="visit-list">
          {visits.map((v) => {
            const changed = Object.keys(v.checklistUpdates).length;
            const referred = referrals.filter((r) => r.visitId === v.id).length;
            return (
              <li key={v.id} className="list-item">
                <p className="visit-head">
                  <time dateTime={v.date}>{fmt.date(v.date)}</time>
                  {' · '}
                  {t(`visitPurposes.${v.purpose}`)}
                  {' · '}
                  {t(`visitPlaces.${v.place}`)}
                  {v.placeNote ? (
                    <span className="muted" dir="auto">
                      {' '}
                      ({v.placeNote})
                    </span>
                  ) : null}
                </p>
                <p className="muted">
                  {changed > 0
                    ? t('profile.visitChanges', { count: changed })
                    : t('profile.visitNoChanges')}
                  {referred > 0 ? ` · ${t('profile.visitReferrals', { count: referred })}` : ''}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
