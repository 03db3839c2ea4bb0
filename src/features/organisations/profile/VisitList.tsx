import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../app/ui/useFormatters';
import type { Referral, Visit } from '../../../domain/visit';

/**
 * Visits shown at first, and added per "show older visits": a busy organisation has hundreds,
 * and rendering (and laying out) all of them made opening its profile slow.
 */
export const VISIT_PAGE_SIZE = 20;

/** Referrals per visit, counted once (not once per visit row). */
function referralsByVisit(referrals: readonly Referral[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of referrals) counts.set(r.visitId, (counts.get(r.visitId) ?? 0) + 1);
  return counts;
}

/** Past visits, newest first: when, why, where, and how many needs changed; older ones on request. */
export function VisitList({
  visits,
  referrals,
}: {
  visits: readonly Visit[];
  referrals: readonly Referral[];
}) {
  const { t } = useTranslation('organisations');
  const fmt = useFormatters();
  const [limit, setLimit] = useState(VISIT_PAGE_SIZE);
  const referred = useMemo(() => referralsByVisit(referrals), [referrals]);
  /** The first row "show older visits" revealed: focus moves there (the button may be gone). */
  const [revealed, setRevealed] = useState<number | null>(null);
  const revealedRef = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    if (revealed !== null) revealedRef.current?.focus();
  }, [revealed]);

  const shown = visits.slice(0, limit);
  const more = Math.min(VISIT_PAGE_SIZE, visits.length - shown.length);
  // A list that is only partly rendered says its full length on each row.
  const paged = visits.length > VISIT_PAGE_SIZE;
  const setRevealedRow = useCallback((li: HTMLLIElement | null): void => {
    revealedRef.current = li;
  }, []);
  return (
    <section className="card" aria-labelledby="visits-title" data-testid="profile-visits">
      <h2 id="visits-title">{t('profile.visitsTitle', { count: visits.length })}</h2>
      {visits.length === 0 ? (
        <p className="muted">{t('profile.noVisits')}</p>
      ) : (
        <ol className="visit-list">
          {shown.map((v, i) => {
            const changed = Object.keys(v.checklistUpdates).length;
            const referrals = referred.get(v.id) ?? 0;
            return (
              <li
                key={v.id}
                className="list-item"
                aria-posinset={paged ? i + 1 : undefined}
                aria-setsize={paged ? visits.length : undefined}
                ref={i === revealed ? setRevealedRow : undefined}
                tabIndex={i === revealed ? -1 : undefined}
              >
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
                  {referrals > 0 ? ` · ${t('profile.visitReferrals', { count: referrals })}` : ''}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {more > 0 ? (
        <button
          type="button"
          className="button"
          data-testid="profile-visits-more"
          onClick={() => {
            setRevealed(shown.length);
            setLimit(shown.length + VISIT_PAGE_SIZE);
          }}
        >
          {t('profile.visitsMore', { count: more })}
        </button>
      ) : null}
    </section>
  );
}
