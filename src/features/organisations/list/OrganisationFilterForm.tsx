import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../app/ui/SelectField';
import { TextField } from '../../../app/ui/TextField';
import { useReferenceData } from '../../../app/ui/useReferenceData';
import { needsCatalogue } from '../../../domain/needsCatalogue';
import { cooperationStatuses } from '../../../domain/organisationValues';
import type { OrganisationFilters } from '../filterOrganisations';

interface Props {
  filters: OrganisationFilters;
  filtered: boolean;
  set: (patch: Partial<OrganisationFilters>) => void;
  reset: () => void;
}

/** Search by name (any script) and filters by district, status, field of activity and need. */
export function OrganisationFilterForm({ filters, filtered, set, reset }: Props) {
  const { t } = useTranslation(['organisations', 'common']);
  return (
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
        <FilterSelects
          district={filters.district}
          status={filters.status}
          fieldOfActivity={filters.fieldOfActivity}
          openNeed={filters.openNeed}
          sort={filters.sort}
          set={set}
        />
      </div>
      {filtered ? (
        <button type="button" className="button" onClick={reset}>
          {t('organisations:list.resetFilters')}
        </button>
      ) : null}
    </form>
  );
}

type SelectValues = Omit<OrganisationFilters, 'query'>;

/**
 * The filter choices, apart from the search field: typing in the search does not re-render
 * them (their option lists are long).
 */
const FilterSelects = memo(function FilterSelects({
  set,
  ...filters
}: SelectValues & { set: Props['set'] }) {
  const { t } = useTranslation(['organisations', 'needs', 'common']);
  const ref = useReferenceData();
  return (
    <>
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
    </>
  );
});
