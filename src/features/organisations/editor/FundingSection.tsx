import { presentEntries } from '../../../domain/organisation';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../app/ui/NumberField';
import { SelectField } from '../../../app/ui/SelectField';
import { TextField } from '../../../app/ui/TextField';
import type { Organisation } from '../../../domain/organisation';
import { orgFieldId } from '../organisationForm';
import type { OrgFormApi } from './formApi';
import { FormSection } from './FormSection';
import { useOrgOptions } from './useOrgOptions';

type Funding = NonNullable<Organisation['funding'][string]>;

export function FundingSection({ api }: { api: OrgFormApi }) {
  const { t } = useTranslation('organisations');
  const options = useOrgOptions();
  const entries = presentEntries(api.fields.funding);
  const set = (update: (map: Organisation['funding']) => Organisation['funding']) =>
    api.change((f) => ({ ...f, fields: { ...f.fields, funding: update(f.fields.funding) } }));
  const patch = (key: string, value: Partial<Funding>) =>
    set((map) => {
      const prev = map[key];
      return prev ? { ...map, [key]: { ...prev, ...value } } : map;
    });
  const add = () => {
    const key = api.newId();
    set((map) => ({
      ...map,
      [key]: { programme: '', status: 'applied', year: null, amountEur: null },
    }));
  };
  const remove = (key: string) =>
    set((map) => Object.fromEntries(Object.entries(map).filter(([k]) => k !== key)));
  return (
    <FormSection section="funding" api={api}>
      {entries.length === 0 ? <p className="muted">{t('edit.noFunding')}</p> : null}
      {entries.map(([key, f], i) => {
        const path = `funding.${key}`;
        return (
          <fieldset key={key} className="map-row" id={orgFieldId(path)}>
            <legend>{t('edit.fundingN', { n: i + 1 })}</legend>
            <div className="grid-2">
              <TextField
                id={orgFieldId(`${path}.programme`)}
                label={t('fields.programme')}
                required
                value={f.programme}
                error={api.error(`${path}.programme`)}
                onChange={(v) => patch(key, { programme: v })}
              />
              <SelectField
                id={orgFieldId(`${path}.status`)}
                label={t('fields.fundingStatus')}
                value={f.status}
                options={options.fundingStatuses}
                error={api.error(`${path}.status`)}
                onChange={(v) => patch(key, { status: v as Funding['status'] })}
              />
              <NumberField
                id={orgFieldId(`${path}.year`)}
                label={t('fields.fundingYear')}
                min={1950}
                max={2100}
                value={f.year}
                error={api.error(`${path}.year`)}
                onChange={(v) => patch(key, { year: v })}
              />
              <NumberField
                id={orgFieldId(`${path}.amountEur`)}
                label={t('fields.amountEur')}
                min={0}
                value={f.amountEur}
                error={api.error(`${path}.amountEur`)}
                onChange={(v) => patch(key, { amountEur: v })}
              />
            </div>
            <div className="map-row-actions">
              <button type="button" className="button danger" onClick={() => remove(key)}>
                {t('edit.removeFunding', { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="button" onClick={add}>
        {t('edit.addFunding')}
      </button>
    </FormSection>
  );
}
