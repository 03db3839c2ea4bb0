import { useTranslation } from 'react-i18next';
import type { ProfileSection } from '../../../domain/organisation';
import { SelectField } from '../../../app/ui/SelectField';
import { useFormatters } from '../../../app/ui/useFormatters';
import type { ProvenanceSource } from '../organisationForm';
import type { OrgFormApi } from './formApi';
import { useOrgOptions } from './useOrgOptions';

/** "Verified today, source: …": writes the section's provenance when the profile is saved. */
export function VerifiedControl({ section, api }: { section: ProfileSection; api: OrgFormApi }) {
  const { t } = useTranslation('organisations');
  const fmt = useFormatters();
  const options = useOrgOptions();
  const id = `org-provenance-${section}`;
  const current = api.fields.provenance[section];
  const source = api.form.verified[section];
  const setVerified = (next: ProvenanceSource | null) =>
    api.change((f) => {
      const others = Object.entries(f.verified).filter(([key]) => key !== section);
      const verified: typeof f.verified = Object.fromEntries(
        next ? [...others, [section, next]] : others,
      );
      return { ...f, verified };
    });
  return (
    <fieldset className="verified-control" id={id}>
      <legend>{t('provenance.legend')}</legend>
      <p className="muted">
        {current
          ? t('provenance.summary', {
              source: t(`provenance.sources.${current.source}`),
              date: fmt.date(current.verifiedAt),
            })
          : t('provenance.none')}
      </p>
      <div className="verified-row">
        <label className="choice">
          <input
            type="checkbox"
            id={`${id}-today`}
            checked={source !== undefined}
            onChange={(e) => setVerified(e.target.checked ? (current?.source ?? 'visit') : null)}
          />
          <span>{t('provenance.verifiedToday')}</span>
        </label>
        {source ? (
          <SelectField
            id={`${id}-source`}
            label={t('provenance.source')}
            value={source}
            options={options.sources}
            onChange={(v) => setVerified(v as ProvenanceSource)}
          />
        ) : null}
      </div>
    </fieldset>
  );
}
