import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formattersFor } from '../../../app/ui/useFormatters';
import type { Referral, Visit } from '../../../domain/visit';

/**
 * Visits read and shown at first, and added per "show older visits": a busy organisation has
 * hundreds, and reading and rendering all of them made opening its profile slow.
 */
export const VISIT_PAGE_SIZE = 20;

type Translate = (key: string, options?: { count: number }) => string;

/**
 * `t`, remembering each text: the rows repeat a handful of purposes, places and counts, and each
 * is translated once instead of once per row.
 */
function rememberingT(t: Translate): Translate {
  const known = new Map<string, string>();
  return (key, options) => {
    const at = options ? `${key}|${options.count}` : key;
    let text = known.get(at);
    if (text === undefined) {
      text = t(key, options);
      known.set(at, text);
    }
    return text;
  };
}

/** Referrals per visit, counted once (not once per visit row). */
function referralsByVisit(referrals: readonly Referral[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of referrals) counts.set(r.visitId, (counts.get(r.visitId) ?? 0) + 1);
  return counts;
}

/**
 * Past visits, newest first: when, why, where, and how many needs changed. `visits` are the ones
 * read so far (the newest), `total` how many there are; `onShowOlder` asks for the next page.
 */
export function VisitList({
  visits,
  total,
  referrals,
  onShowOlder,
}: {
  visits: readonly Visit[];
  total: number;
  /** Referrals of the visits given (others are not needed). */
  referrals: readonly Referral[];
  onShowOlder: () => void;
}) {
  const { t: translate, i18n } = useTranslation('organisations');
  const t = useMemo(() => rememberingT(translate), [translate]);
  const fmt = formattersFor(i18n.language);
  const referred = useMemo(() => referralsByVisit(referrals), [referrals]);
  /** The first row "show older visits" revealed: focus moves there (the button may be gone). */
  const [revealed, setRevealed] = useState<number | null>(null);
  const revealedRef = useRef<HTMLLIElement | null>(null);
  // The revealed row arrives with the next page, after the click.
  const arrived = revealed !== null && visits.length > revealed;
  useEffect(() => {
    if (arrived) revealedRef.current?.focus();
  }, [arrived, revealed]);

  const shown = visits;
  const more = Math.min(VISIT_PAGE_SIZE, total - shown.length);
  // A list that is only partly rendered says its full length on each row.
  const paged = total > VISIT_PAGE_SIZE;
  const setRevealedRow = useCallback((li: HTMLLIElement | null): void => {
    revealedRef.current = li;
  }, []);
  return (
    <section className="card" aria-labelledby="visits-title" data-testid="profile-visits">
      <h2 id="visits-title">{t('profile.visitsTitle', { count: total })}</h2>
      {shown.length === 0 ? (
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
                aria-setsize={paged ? total : undefined}
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
            onShowOlder();
          }}
        >
          {t('profile.visitsMore', { count: more })}
        </button>
      ) : null}
    </section>
  );
}
