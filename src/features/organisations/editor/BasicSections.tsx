import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../app/ui/CheckboxGroup';
import { SelectField } from '../../../app/ui/SelectField';
import { TextField } from '../../../app/ui/TextField';
import { useReferenceData } from '../../../app/ui/useReferenceData';
import type { Organisation } from '../../../domain/organisation';
import { orgFieldId } from '../organisationForm';
import type { OrgFormApi } from './formApi';
import { FormSection } from './FormSection';
import { useOrgOptions } from './useOrgOptions';

export function NamesSection({ api }: { api: OrgFormApi }) {
  const { t } = useTranslation('organisations');
  const { fields } = api;
  return (
    <FormSection section="names" api={api}>
      <TextField
        id={orgFieldId('name')}
        label={t('fields.name')}
        required
        value={fields.name}
        error={api.error('name')}
        onChange={(v) => api.setField('name', v)}
      />
      <div className="grid-2">
        <TextField
          id={orgFieldId('originalName')}
          label={t('fields.originalName')}
          hint={t('hints.originalName')}
          value={fields.originalName}
          error={api.error('originalName')}
          onChange={(v) => api.setField('originalName', v)}
        />
        <TextField
          id={orgFieldId('shortName')}
          label={t('fields.shortName')}
          value={fields.shortName}
          error={api.error('shortName')}
          onChange={(v) => api.setField('shortName', v)}
        />
      </div>
    </FormSection>
  );
}

export function LegalFormSection({ api }: { api: OrgFormApi }) {
  const { t } = useTranslation('organisations');
  const options = useOrgOptions();
  const { fields } = api;
  return (
    <FormSection section="form" api={api}>
      <div className="grid-2">
        <SelectField
          id={orgFieldId('legalForm')}
          label={t('fields.legalForm')}
          value={fields.legalForm}
          options={options.legalForms}
          error={api.error('legalForm')}
          onChange={(v) => api.setField('legalForm', v as Organisation['legalForm'])}
        />
        <TextField
          id={orgFieldId('registerNumber')}
          label={t('fields.registerNumber')}
          hint={t('hints.registerNumber')}
          userText={false}
          value={fields.registerNumber}
          error={api.error('registerNumber')}
          onChange={(v) => api.setField('registerNumber', v)}
        />
      </div>
    </FormSection>
  );
}

export function ActivitiesSection({ api }: { api: OrgFormApi }) {
  const { t } = useTranslation('organisations');
  const ref = useReferenceData();
  const { fields } = api;
  return (
    <FormSection section="activities" api={api}>
      <TextField
        id={orgFieldId('goals')}
        label={t('fields.goals')}
        multiline
        value={fields.goals}
        error={api.error('goals')}
        onChange={(v) => api.setField('goals', v)}
      />
      <CheckboxGroup
        id={orgFieldId('fieldsOfActivity')}
        legend={t('fields.fieldsOfActivity')}
        options={ref.options('fieldOfActivity')}
        values={fields.fieldsOfActivity}
        error={api.error('fieldsOfActivity')}
        onChange={(v) => api.setField('fieldsOfActivity', v)}
      />
    </FormSection>
  );
}

export function AbroadSection({ api }: { api: OrgFormApi }) {
  const { t } = useTranslation('organisations');
  return (
    <FormSection section="abroad" api={api}>
      <TextField
        id={orgFieldId('relationsAbroad')}
        label={t('fields.relationsAbroad')}
        hint={t('hints.relationsAbroad')}
        multiline
        value={api.fields.relationsAbroad}
        error={api.error('relationsAbroad')}
        onChange={(v) => api.setField('relationsAbroad', v)}
      />
    </FormSection>
  );
}

export function NetworksSection({ api }: { api: OrgFormApi }) {
  const { t } = useTranslation('organisations');
  const ref = useReferenceData();
  return (
    <FormSection section="networks" api={api}>
      <CheckboxGroup
        id={orgFieldId('networks')}
        legend={t('fields.networks')}
        options={ref.options('network')}
        values={api.fields.networks}
        error={api.error('networks')}
        onChange={(v) => api.setField('networks', v)}
      />
    </FormSection>
  );
}
