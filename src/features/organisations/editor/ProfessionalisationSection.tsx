import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../app/ui/NumberField';
import { SelectField } from '../../../app/ui/SelectField';
import { TextField } from '../../../app/ui/TextField';
import { useReferenceData } from '../../../app/ui/useReferenceData';
import type { Organisation } from '../../../domain/organisation';
import { orgFieldId } from '../organisationForm';
import type { OrgFormApi } from './formApi';
import { FormSection } from './FormSection';
import { useOrgOptions } from './useOrgOptions';

type Prof = Organisation['professionalisation'];

export function ProfessionalisationSection({ api }: { api: OrgFormApi }) {
  const { t } = useTranslation('organisations');
  const options = useOrgOptions();
  const ref = useReferenceData();
  const p = api.fields.professionalisation;
  const skill = (key: 'boardGermanSkills' | 'boardSystemKnowledge') => (
    <SelectField
      id={orgFieldId(`professionalisation.${key}`)}
      label={t(`fields.${key}`)}
      value={p[key]}
      options={options.skillLevels}
      error={api.error(`professionalisation.${key}`)}
      onChange={(v) => api.setProfessionalisation(key, v as Prof[typeof key])}
    />
  );
  return (
    <FormSection section="professionalisation" api={api}>
      <div className="grid-2">
        <NumberField
          id={orgFieldId('professionalisation.paidStaff')}
          label={t('fields.paidStaff')}
          min={0}
          value={p.paidStaff}
          error={api.error('professionalisation.paidStaff')}
          onChange={(v) => api.setProfessionalisation('paidStaff', v)}
        />
        <SelectField
          id={orgFieldId('professionalisation.welfareAssociation')}
          label={t('fields.welfareAssociation')}
          value={p.welfareAssociation ?? ''}
          emptyLabel={t('edit.none')}
          options={ref.options('welfareAssociation')}
          error={api.error('professionalisation.welfareAssociation')}
          onChange={(v) => api.setProfessionalisation('welfareAssociation', v === '' ? null : v)}
        />
        <SelectField
          id={orgFieldId('professionalisation.umbrellaKind')}
          label={t('fields.umbrellaKind')}
          value={p.umbrellaKind}
          options={options.umbrellaKinds}
          error={api.error('professionalisation.umbrellaKind')}
          onChange={(v) => api.setProfessionalisation('umbrellaKind', v as Prof['umbrellaKind'])}
        />
        <TextField
          id={orgFieldId('professionalisation.umbrellaName')}
          label={t('fields.umbrellaName')}
          value={p.umbrellaName}
          error={api.error('professionalisation.umbrellaName')}
          onChange={(v) => api.setProfessionalisation('umbrellaName', v)}
        />
        {skill('boardGermanSkills')}
        {skill('boardSystemKnowledge')}
      </div>
    </FormSection>
  );
}
