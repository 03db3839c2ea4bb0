import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../app/ui/CheckboxGroup';
import { NumberField } from '../../../app/ui/NumberField';
import { TextField } from '../../../app/ui/TextField';
import type { Organisation } from '../../../domain/organisation';
import { orgFieldId } from '../organisationForm';
import type { OrgFormApi } from './formApi';
import { FormSection } from './FormSection';
import { useOrgOptions } from './useOrgOptions';

type Members = Organisation['members'];

export function MembersSection({ api }: { api: OrgFormApi }) {
  const { t } = useTranslation('organisations');
  const options = useOrgOptions();
  const m = api.fields.members;
  const count = (key: 'memberCount' | 'activeVolunteers' | 'peopleReached') => (
    <NumberField
      id={orgFieldId(`members.${key}`)}
      label={t(`fields.${key}`)}
      min={0}
      value={m[key]}
      error={api.error(`members.${key}`)}
      onChange={(v) => api.setMember(key, v)}
    />
  );
  return (
    <FormSection section="members" api={api}>
      <div className="grid-2">
        {count('memberCount')}
        {count('activeVolunteers')}
        {count('peopleReached')}
        <NumberField
          id={orgFieldId('members.shareBornInGermanyPercent')}
          label={t('fields.shareBornInGermanyPercent')}
          min={0}
          max={100}
          value={m.shareBornInGermanyPercent}
          error={api.error('members.shareBornInGermanyPercent')}
          onChange={(v) => api.setMember('shareBornInGermanyPercent', v)}
        />
      </div>
      <CheckboxGroup
        id={orgFieldId('members.ageGroups')}
        legend={t('fields.ageGroups')}
        options={options.ageGroups}
        values={m.ageGroups}
        error={api.error('members.ageGroups')}
        onChange={(v) => api.setMember('ageGroups', v as Members['ageGroups'])}
      />
      <CheckboxGroup
        id={orgFieldId('members.arrivalPeriods')}
        legend={t('fields.arrivalPeriods')}
        options={options.arrivalPeriods}
        values={m.arrivalPeriods}
        error={api.error('members.arrivalPeriods')}
        onChange={(v) => api.setMember('arrivalPeriods', v as Members['arrivalPeriods'])}
      />
      <div className="grid-2">
        <TextField
          id={orgFieldId('members.languages')}
          label={t('fields.languages')}
          hint={t('hints.languages')}
          userText={false}
          autoComplete="off"
          value={api.form.languagesText}
          error={api.error('members.languages')}
          onChange={(v) => api.change((f) => ({ ...f, languagesText: v }))}
        />
        <TextField
          id={orgFieldId('members.originCountries')}
          label={t('fields.originCountries')}
          hint={t('hints.originCountries')}
          userText={false}
          autoComplete="off"
          value={api.form.originCountriesText}
          error={api.error('members.originCountries')}
          onChange={(v) => api.change((f) => ({ ...f, originCountriesText: v }))}
        />
      </div>
    </FormSection>
  );
}
