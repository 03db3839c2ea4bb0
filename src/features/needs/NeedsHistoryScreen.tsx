import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../app/DepsContext';
import { hrefOf } from '../../app/routes';
import { PageHeader } from '../../app/ui/PageHeader';
import { useFormatters } from '../../app/ui/useFormatters';
import { needsHistoryData } from '../../db/queries/organisationProfile';
import {
  needsHistory,
  valueOf,
  type ChecklistValue,
  type HistoryStep,
} from '../../domain/checklist';
import { checklistGroups, itemsOfGroup, type ChecklistGroup } from '../../domain/needsCatalogue';
import '../organisations/organisations.css';
import { OrganisationUnavailable } from '../organisations/OrganisationUnavailable';

/** How every checklist item changed across the organisation's visits, group by group. */
export default function NeedsHistoryScreen({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation(['needs', 'organisations', 'common']);
  const { db } = useDeps();
  const data = useLiveQuery(() => needsHistoryData(db, organisationId), [db, organisationId]);
  const history = useMemo(() => (data ? needsHistory(data.visits) : null), [data]);

  if (!data || !history) return <p className="loading">{t('common:loading')}</p>;
  const org = data.organisation;
  if (!org || org.deleted) {
    return <OrganisationUnavailable deleted={Boolean(org)} />;
  }

  return (
    <section className="needs-history" aria-labelledby="needs-history-title">
      <PageHeader
        title={
          <span id="needs-history-title">
            {t('needs:history.title')}: <bdi>{org.name}</bdi>
          </span>
        }
      >
        <a className="button" href={hrefOf({ name: 'organisation', id: org.id })}>
          <span className="icon-directional" aria-hidden="true">
            ←
          </span>{' '}
          {t('needs:history.backToProfile')}
        </a>
      </PageHeader>
      <p className="muted" data-testid="needs-history-summary">
        {data.visits.length === 0
          ? t('needs:history.noVisits')
          : t('needs:history.basedOn', { count: data.visits.length })}
      </p>
      {checklistGroups.map((group) => (
        <HistoryGroup
          key={group}
          group={group}
          history={history}
          current={(id) => valueOf(org.needs, id)}
        />
      ))}
    </section>
  );
}

function HistoryGroup({
  group,
  history,
  current,
}: {
  group: ChecklistGroup;
  history: ReadonlyMap<string, HistoryStep[]>;
  current: (itemId: string) => ChecklistValue;
}) {
  const { t } = useTranslation('needs');
  const fmt = useFormatters();
  const items = itemsOfGroup(group);
  const changed = items.filter((i) => (history.get(i.id)?.length ?? 0) > 0);
  const unchanged = items.filter((i) => !history.has(i.id));
  const stateLabel = (v: ChecklistValue) =>
    t(group === 'readiness' ? `readinessStates.${v.state}` : `states.${v.state}`);
  const headingId = `history-group-${group}`;
  return (
    <section className="card" aria-labelledby={headingId} data-testid={`history-${group}`}>
      <h2 id={headingId}>{t(`groups.${group}`)}</h2>
      {changed.map((item) => {
        const steps = history.get(item.id) ?? [];
        return (
          <div key={item.id} className="history-item" data-testid={`history-item-${item.id}`}>
            <h3>{t(`items.${item.id}.label`)}</h3>
            <p className="muted">{t('history.current', { state: stateLabel(current(item.id)) })}</p>
            <ol className="history-steps">
              {steps.map((step) => (
                <li key={`${step.visitId}:${item.id}`} className="history-step">
                  <time dateTime={step.date} className="history-date">
                    {fmt.date(step.date)}
                  </time>
                  <span className="history-change">
                    {step.from.state === step.to.state
                      ? t('history.updated', { state: stateLabel(step.to) })
                      : t('history.change', {
                          from: stateLabel(step.from),
                          to: stateLabel(step.to),
                        })}
                  </span>
                  {step.to.priority && group !== 'readiness' ? (
                    <span className={`tag${step.to.priority === 'high' ? ' danger' : ''}`}>
                      {t('priority')}: {t(`priorities.${step.to.priority}`)}
                    </span>
                  ) : null}
                  {step.to.note && step.to.note !== step.from.note ? (
                    <span className="history-note">
                      {t('note')}: <bdi>{step.to.note}</bdi>
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          </div>
        );
      })}
      {unchanged.length > 0 ? (
        <details className="history-unchanged">
          <summary>{t('history.unchanged', { count: unchanged.length })}</summary>
          <p className="muted">{t('history.unchangedHint')}</p>
          <ul className="compact-list">
            {unchanged.map((i) => (
              <li key={i.id}>
                {t(`items.${i.id}.label`)}
                <span className="muted"> · {stateLabel(current(i.id))}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
