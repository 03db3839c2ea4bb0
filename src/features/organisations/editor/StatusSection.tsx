import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../app/ui/SelectField';
import { TextField } from '../../../app/ui/TextField';
import { useFormatters } from '../../../app/ui/useFormatters';
import type { CooperationStatus } from '../../../domain/organisation';
import { orgFieldId } from '../organisationForm';
import type { OrgFormApi } from './formApi';
import { FormSection } from './FormSection';
import { useOrgOptions } from './useOrgOptions';

/** Status and its reason; the date of the change is set when the profile is saved. */
export function StatusSection({ api }: { api: OrgFormApi }) {
  const { t } = useTranslation('organisations');
  const options = useOrgOptions();
  const fmt = useFormatters();
  const { fields } = api;
  const excluded = fields.status === 'excluded';
  return (
    <FormSection section="status" api={api}>
      <div className="grid-2">
        <SelectField
          id={orgFieldId('status')}
          label={t('fields.status')}
          value={fields.status}
          options={options.statuses}
          error={api.error('status')}
          onChange={(v) => api.setField('status', v as CooperationStatus)}
        />
        <TextField
          id={orgFieldId('statusReason')}
          label={t('fields.statusReason')}
          hint={excluded ? t('hints.statusReasonExcluded') : t('hints.statusReason')}
          required={excluded}
          value={fields.statusReason}
          error={api.error('statusReason')}
          onChange={(v) => api.setField('statusReason', v)}
        />
      </div>
      {fields.statusChangedAt ? (
        <p className="muted">
          {t('edit.statusChangedAt', { date: fmt.date(fields.statusChangedAt) })}
        </p>
      ) : null}
    </FormSection>
  );
}
