import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../domain/organisation';
import { matchesQuery, searchKey } from '../../domain/search';
import { describedBy } from '../../app/ui/fieldIds';
import { FieldMessages } from '../../app/ui/FieldMessages';
import { useReferenceData } from '../../app/ui/useReferenceData';
import { NewOrganisationForm } from './NewOrganisationForm';

const MAX_SHOWN = 8;

interface Props {
  /** Undefined while they are loading. */
  organisations: readonly Organisation[] | undefined;
  selected: Organisation | null;
  /** The id in the form; may point to an organisation that is not (or no longer) here. */
  selectedId: string;
  onSelect: (id: string) => void;
  newOrgName: string;
  newOrgDistrict: string;
  onNewOrgChange: (field: 'newOrgName' | 'newOrgDistrict', value: string) => void;
  error?: string | undefined;
  /** Id of the search input: the error summary links here. */
  inputId: string;
  idPrefix: string;
}

/** Searchable over every name (official, short, original script) and folded across scripts. */
function organisationKey(org: Organisation): string {
  return searchKey([org.name, org.originalName, org.shortName].join(' '));
}

export function OrganisationPicker({
  organisations,
  selected,
  selectedId,
  onSelect,
  newOrgName,
  newOrgDistrict,
  onNewOrgChange,
  error,
  inputId,
  idPrefix,
}: Props) {
  const { t, i18n } = useTranslation(['visits', 'organisations', 'common']);
  const ref = useReferenceData();
  const [query, setQuery] = useState('');
  const collator = useMemo(
    () => new Intl.Collator(i18n.language, { sensitivity: 'base' }),
    [i18n.language],
  );
  const keyed = useMemo(
    () =>
      [...(organisations ?? [])]
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((org) => ({ org, key: organisationKey(org) })),
    [organisations, collator],
  );
  const matches = useMemo(
    () => keyed.filter(({ key }) => matchesQuery(key, query)).map(({ org }) => org),
    [keyed, query],
  );
  // Choosing swaps the search for the chosen organisation (and back): focus follows, so keyboard
  // and screen reader users are not dropped at the top of the page.
  const moveFocus = useRef(false);
  const selectedRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const selectedKey = selected?.id ?? '';
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (selectedKey ? selectedRef.current : searchRef.current)?.focus();
  }, [selectedKey]);
  const choose = (id: string): void => {
    moveFocus.current = true;
    onSelect(id);
  };

  if (selected) {
    return (
      <div className="org-selected" ref={selectedRef} tabIndex={-1}>
        <p className="org-selected-name">
          <span className="muted">{t('visits:org.selected')}</span>
          <strong>
            <bdi>{selected.name}</bdi>
          </strong>
          {selected.originalName ? (
            <span className="muted" dir="auto">
              {selected.originalName}
            </span>
          ) : null}
          {selected.district ? (
            <span className="tag">{ref.label('district', selected.district)}</span>
          ) : null}
          <span className={`tag${selected.status === 'excluded' ? ' danger' : ''}`}>
            {t(`organisations:status.${selected.status}`)}
          </span>
        </p>
        {selected.status === 'excluded' ? (
          <p className="field-error">{t('visits:org.excludedWarning')}</p>
        ) : null}
        <button type="button" className="button" onClick={() => choose('')}>
          {t('visits:org.change')}
        </button>
      </div>
    );
  }

  const shown = matches.slice(0, MAX_SHOWN);
  const more = matches.length - shown.length;
  const statusText =
    organisations === undefined
      ? t('visits:org.loading')
      : matches.length === 0
        ? t('visits:org.none')
        : more > 0
          ? t('visits:org.more', { count: more })
          : t('visits:org.matches', { count: matches.length });

  return (
    <div className="org-picker">
      {selectedId && organisations !== undefined ? (
        <p className="field-error">{t('visits:org.notFound')}</p>
      ) : null}
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor={inputId}>
          {t('visits:org.search')}
          <span aria-hidden="true"> *</span>
        </label>
        <input
          ref={searchRef}
          id={inputId}
          name={inputId}
          type="search"
          inputMode="search"
          dir="auto"
          autoComplete="off"
          data-testid="visit-org-search"
          value={query}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(inputId, Boolean(error), true)}
          aria-controls={`${inputId}-results`}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            const only = matches.length === 1 ? matches[0] : undefined;
            if (only) choose(only.id);
          }}
        />
        <FieldMessages id={inputId} hint={t('visits:org.searchHint')} error={error} />
      </div>
      <p className="muted org-result-status" role="status" aria-live="polite">
        {statusText}
      </p>
      <ul id={`${inputId}-results`} className="org-options" aria-label={t('visits:org.results')}>
        {shown.map((org) => (
          <li key={org.id}>
            <button
              type="button"
              className="org-option"
              data-testid="visit-org-option"
              onClick={() => choose(org.id)}
            >
              <bdi className="org-option-name">{org.name}</bdi>
              {org.originalName ? (
                <span className="muted" dir="auto">
                  {org.originalName}
                </span>
              ) : null}
              {org.district ? (
                <span className="muted">{ref.label('district', org.district)}</span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
      <NewOrganisationForm
        organisations={organisations}
        name={newOrgName}
        district={newOrgDistrict}
        onChange={onNewOrgChange}
        onCreated={choose}
        idPrefix={idPrefix}
      />
    </div>
  );
}
