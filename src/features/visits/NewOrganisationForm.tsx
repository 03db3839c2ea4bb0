import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../domain/organisation';
import { todayIso } from '../../domain/organisationStatus';
import { searchKey } from '../../domain/search';
import { errorFor } from '../../domain/validation';
import { createOrganisation } from '../../db/repositories/organisations';
import { ValidationError } from '../../db/validationError';
import { useDeps } from '../../app/DepsContext';
import { describedBy } from '../../app/ui/fieldIds';
import { FieldMessages } from '../../app/ui/FieldMessages';
import { SelectField } from '../../app/ui/SelectField';
import { useReferenceData } from '../../app/ui/useReferenceData';

interface Props {
  organisations: readonly Organisation[] | undefined;
  name: string;
  district: string;
  onChange: (field: 'newOrgName' | 'newOrgDistrict', value: string) => void;
  /** Called with the new organisation's id once it is stored. */
  onCreated: (id: string) => void;
  idPrefix: string;
}

/** Creates an organisation on the spot: name and district now, the rest later in its profile. */
export function NewOrganisationForm({
  organisations,
  name,
  district,
  onChange,
  onCreated,
  idPrefix,
}: Props) {
  const { t } = useTranslation(['visits', 'common']);
  const deps = useDeps();
  const ref = useReferenceData();
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const nameId = `${idPrefix}newOrg-name`;
  const titleId = `${idPrefix}newOrg-title`;
  const wanted = searchKey(name);
  const duplicate =
    wanted === '' ? undefined : organisations?.find((o) => searchKey(o.name) === wanted);

  const create = async (): Promise<void> => {
    if (busy) return;
    if (name.trim() === '') {
      setError('errors.nameRequired');
      document.getElementById(nameId)?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const org = await createOrganisation(deps, {
        name: name.trim(),
        district: district || null,
        provenance: {
          names: { source: 'visit', verifiedAt: todayIso(deps.now()), language: null },
        },
      });
      onCreated(org.id);
    } catch (e) {
      setError(
        e instanceof ValidationError
          ? (errorFor(e.errors, 'name') ?? e.errors[0]?.key ?? 'errors.invalidValue')
          : 'errors.storageFailed',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="new-org" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('visits:newOrg.title')}</h3>
      <p className="field-hint">{t('visits:newOrg.hint')}</p>
      <div className="grid-2">
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor={nameId}>{t('visits:newOrg.name')}</label>
          <input
            id={nameId}
            name={nameId}
            dir="auto"
            autoComplete="off"
            data-testid="visit-new-org-name"
            value={name}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(nameId, Boolean(error), false)}
            onChange={(e) => {
              setError(undefined);
              onChange('newOrgName', e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              void create();
            }}
          />
          <FieldMessages id={nameId} error={error} />
        </div>
        <SelectField
          id={`${idPrefix}newOrg-district`}
          label={t('visits:newOrg.district')}
          value={district}
          emptyLabel=""
          options={ref.options('district')}
          onChange={(value) => onChange('newOrgDistrict', value)}
        />
      </div>
      {duplicate ? (
        <p className="new-org-duplicate">
          <span>
            {t('visits:newOrg.duplicate')} <bdi>{duplicate.name}</bdi>
          </span>
          <button type="button" className="button" onClick={() => onCreated(duplicate.id)}>
            {t('visits:newOrg.useExisting')}
          </button>
        </p>
      ) : null}
      <button
        type="button"
        className="button"
        data-testid="visit-new-org-create"
        disabled={busy}
        onClick={() => void create()}
      >
        {busy ? t('visits:newOrg.creating') : t('visits:newOrg.create')}
      </button>
    </div>
  );
}
