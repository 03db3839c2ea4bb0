import { useTranslation } from 'react-i18next';
import { formattersFor } from '../../../app/ui/useFormatters';
import { openNeeds, valueOf } from '../../../domain/checklist';
import { needsCatalogue } from '../../../domain/needsCatalogue';
import type { Organisation } from '../../../domain/organisation';
import { isOverdue, sortFollowUps, type FollowUp } from '../../../domain/visit';
import { ProvenanceLine } from './ProvenanceLine';

interface Props {
  org: Organisation;
  lastVisit: string | null;
  followUps: readonly FollowUp[];
  today: string;
}

export function statusTagClass(status: Organisation['status']): string {
  return status === 'excluded' ? 'tag danger' : status === 'cooperating' ? 'tag ok' : 'tag';
}

/** Status, last visit, open needs and open follow-ups: what to know before walking in. */
export function AtAGlance({ org, lastVisit, followUps, today }: Props) {
  const { t, i18n } = useTranslation(['organisations', 'needs']);
  const fmt = formattersFor(i18n.language);
  const needs = openNeeds(org.needs);
  const open = sortFollowUps(followUps);
  const groupOf = new Map(needsCatalogue.map((i) => [i.id, i.group]));
  return (
    <section className="card glance" aria-labelledby="glance-title">
      <h2 id="glance-title" className="visually-hidden">
        {t('organisations:profile.glanceTitle')}
      </h2>
      <div className="glance-grid">
        <div>
          <h3>{t('organisations:fields.status')}</h3>
          <p>
            <span className={statusTagClass(org.status)} data-testid="profile-status">
              {t(`organisations:status.${org.status}`)}
            </span>
            {org.statusChangedAt ? (
              <span className="muted">
                {' '}
                {t('organisations:profile.statusSince', { date: fmt.date(org.statusChangedAt) })}
              </span>
            ) : null}
          </p>
          {org.statusReason ? (
            <p>
              {t('organisations:fields.statusReason')}: <bdi>{org.statusReason}</bdi>
            </p>
          ) : null}
        </div>
        <div>
          <h3>{t('organisations:profile.lastVisit')}</h3>
          <p data-testid="profile-last-visit">
            {lastVisit ? fmt.date(lastVisit) : t('organisations:profile.neverVisited')}
          </p>
        </div>
        <div data-testid="profile-open-needs">
          <h3>{t('organisations:profile.openNeeds', { count: needs.length })}</h3>
          {needs.length === 0 ? (
            <p className="muted">{t('organisations:profile.noOpenNeeds')}</p>
          ) : (
            <ul className="compact-list">
              {needs.map((id) => {
                const { priority } = valueOf(org.needs, id);
                return (
                  <li key={id}>
                    {t(`needs:items.${id}.label`)}
                    {groupOf.get(id) !== 'readiness' && priority ? (
                      <>
                        {' '}
                        <span className={`tag${priority === 'high' ? ' danger' : ''}`}>
                          {t(`needs:priorities.${priority}`)}
                        </span>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          <ProvenanceLine section="needs" provenance={org.provenance.needs} hideWhenNone />
        </div>
        <div data-testid="profile-follow-ups">
          <h3>{t('organisations:profile.followUps', { count: open.length })}</h3>
          {open.length === 0 ? (
            <p className="muted">{t('organisations:profile.noFollowUps')}</p>
          ) : (
            <ul className="compact-list">
              {open.map((f) => {
                const overdue = isOverdue(f, today);
                return (
                  <li key={f.id} className={overdue ? 'overdue' : undefined}>
                    <bdi>{f.what}</bdi>
                    {f.who ? (
                      <span className="muted">
                        {' '}
                        {t('organisations:profile.followUpWho', { who: f.who })}
                      </span>
                    ) : null}{' '}
                    <span className="muted">
                      {t('organisations:profile.due', { date: fmt.date(f.dueDate) })}
                    </span>
                    {overdue ? (
                      <>
                        {' '}
                        <span className="tag danger">{t('organisations:profile.overdue')}</span>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
