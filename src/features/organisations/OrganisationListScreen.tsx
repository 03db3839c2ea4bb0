import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cooperationStatuses } from '../../domain/organisation';
import { needsCatalogue } from '../../domain/needsCatalogue';
import { organisationOverview } from '../../db/queries/organisations';
import { useDeps } from '../../app/DepsContext';
import { hrefOf } from '../../app/routes';
import { PageHeader } from '../../app/ui/PageHeader';
import { SelectField } from '../../app/ui/SelectField';
import { TextField } from '../../app/ui/TextField';
import { useFormatters } from '../../app/ui/useFormatters';
import { useReferenceData } from '../../app/ui/useReferenceData';
import { emptyFilters, filterOrganisations } from './filterOrganisations';
import { useOrganisationFilters } from './filterStore';

export function OrganisationListScreen() {
  const { t, i18n } = useTranslation(['organisations', 'needs', 'common']);
  const { db } = useDeps();
  const overview = useLiveQuery(() => organisationOverview(db), [db]);
  const { filters, set, reset } = useOrganisationFilters();
  const ref = useReferenceData();
  const fmt = useFormatters();
  const collator = useMemo(
    () => new Intl.Collator(i18n.language, { sensitivity: 'base' }),
    [i18n.language],
  );
  const rows = useMemo(
    () =>
      overview
        ? filterOrganisations(overview.organisations, overview.lastVisits, filters, collator)
        : [],
    [overview, filters, collator],
  );
  const total = overview?.organisations.filter((o) => !o.deleted).length ?? 0;
  const filtered =
    JSON.stringify(filters) !== JSON.stringify({ ...emptyFilters, sort: filters.sort });

  return (
    <section aria-labelledby="org-list-title">
      <PageHeader title={<span id="org-list-title">{t('organisations:list.title')}</span>}>
        <a className="button" href={hrefOf({ name: 'organisationNew' })}>
          {t('organisations:list.new')}
        </a>
        <a
          className="button primary"
          href={hrefOf({ name: 'visitNew', organisationId: null, draftId: null })}
        >
          {t('organisations:list.recordVisit')}
        </a>
      </PageHeader>

      <form className="card filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="grid-2">
          <TextField
            id="org-search"
            type="search"
            inputMode="search"
            label={t('organisations:list.search')}
            hint={t('organisations:list.searchHint')}
            value={filters.query}
            onChange={(query) => set({ query })}
          />
          <SelectField
            id="filter-district"
            label={t('organisations:fields.district')}
            value={filters.district}
            emptyLabel={t('organisations:list.all')}
            options={ref.options('district')}
            onChange={(district) => set({ district })}
          />
          <SelectField
            id="filter-status"
            label={t('organisations:fields.status')}
            value={filters.status}
            emptyLabel={t('organisations:list.all')}
            options={cooperationStatuses.map((s) => ({
              value: s,
              label: t(`organisations:status.${s}`),
            }))}
            onChange={(status) => set({ status: status as typeof filters.status })}
          />
          <SelectField
            id="filter-field"
            label={t('organisations:fields.fieldsOfActivity')}
            value={filters.fieldOfActivity}
            emptyLabel={t('organisations:list.all')}
            options={ref.options('fieldOfActivity')}
            onChange={(fieldOfActivity) => set({ fieldOfActivity })}
          />
          <SelectField
            id="filter-need"
            label={t('organisations:list.openNeed')}
            value={filters.openNeed}
            emptyLabel={t('organisations:list.all')}
            options={needsCatalogue
              .filter((i) => i.group !== 'readiness')
              .map((i) => ({ value: i.id, label: t(`needs:items.${i.id}.label`) }))}
            onChange={(openNeed) => set({ openNeed })}
          />
          <SelectField
            id="org-sort"
            label={t('organisations:list.sort')}
            value={filters.sort}
            options={[
              { value: 'lastVisit', label: t('organisations:list.sortLastVisit') },
              { value: 'name', label: t('organisations:list.sortName') },
            ]}
            onChange={(sort) => set({ sort: sort === 'name' ? 'name' : 'lastVisit' })}
          />
        </div>
        {filtered ? (
          <button type="button" className="button" onClick={reset}>
            {t('organisations:list.resetFilters')}
          </button>
        ) : null}
      </form>

      <p role="status" aria-live="polite" data-testid="org-count">
        {filtered
          ? t('organisations:list.countFiltered', { count: rows.length, total })
          : t('organisations:list.count', { count: total })}
      </p>

      {overview && total === 0 ? <p className="card">{t('organisations:list.empty')}</p> : null}

      <ul className="list" aria-label={t('organisations:list.title')}>
        {rows.map(({ org, lastVisit, openNeeds }) => (
          <li key={org.id} className="list-item org-row">
            <a href={hrefOf({ name: 'organisation', id: org.id })} className="org-link">
              <bdi>{org.name}</bdi>
              {org.originalName ? (
                <>
                  {' '}
                  <span className="muted" dir="auto">
                    ({org.originalName})
                  </span>
                </>
              ) : null}
            </a>
            <div className="org-meta">
              <span
                className={`tag${org.status === 'excluded' ? ' danger' : org.status === 'cooperating' ? ' ok' : ''}`}
              >
                {t(`organisations:status.${org.status}`)}
              </span>
              {org.district ? (
                <span className="tag">{ref.label('district', org.district)}</span>
              ) : null}
              <span className="muted">
                {lastVisit
                  ? t('organisations:list.lastVisit', { date: fmt.date(lastVisit) })
                  : t('organisations:list.neverVisited')}
              </span>
              {openNeeds.length > 0 ? (
                <span className="muted">
                  {' '}
                  · {t('organisations:list.openNeeds', { count: openNeeds.length })}
                </span>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
