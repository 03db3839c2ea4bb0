import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../app/DepsContext';
import { hrefOf } from '../../app/routes';
import { PageHeader } from '../../app/ui/PageHeader';
import { useFormatters } from '../../app/ui/useFormatters';
import { useReferenceData } from '../../app/ui/useReferenceData';
import { VirtualList } from '../../app/ui/VirtualList';
import { emptyFilters, type OrganisationRow } from './filterOrganisations';
import { useOrganisationFilters } from './filterStore';
import { OrganisationFilterForm } from './list/OrganisationFilterForm';
import { OrganisationListRow } from './list/OrganisationListRow';
import { useOrganisationRows } from './list/useOrganisationRows';
import './list/organisationList.css';

const rowKey = (row: OrganisationRow): string => row.org.id;

export function OrganisationListScreen() {
  const { t } = useTranslation(['organisations', 'common']);
  const { db } = useDeps();
  const { filters, set, reset } = useOrganisationFilters();
  const { rows, total } = useOrganisationRows(db, filters);
  const refData = useReferenceData();
  const fmt = useFormatters();
  const renderRow = useCallback(
    (row: OrganisationRow) => <OrganisationListRow row={row} fmt={fmt} refData={refData} />,
    [fmt, refData],
  );
  const filtered =
    JSON.stringify(filters) !== JSON.stringify({ ...emptyFilters, sort: filters.sort });
  const shown = rows ?? [];

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

      <OrganisationFilterForm filters={filters} filtered={filtered} set={set} reset={reset} />

      <p role="status" aria-live="polite" data-testid="org-count">
        {filtered
          ? t('organisations:list.countFiltered', { count: shown.length, total })
          : t('organisations:list.count', { count: total })}
      </p>

      {rows && total === 0 ? <p className="card">{t('organisations:list.empty')}</p> : null}

      <VirtualList
        items={shown}
        getKey={rowKey}
        renderRow={renderRow}
        rowSize="var(--org-row-size)"
        label={t('organisations:list.title')}
        className="org-list"
        testId="org-list"
      />
    </section>
  );
}
