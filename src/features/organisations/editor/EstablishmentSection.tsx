import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../../app/ui/ChoiceField';
import { NumberField } from '../../../app/ui/NumberField';
import { SelectField } from '../../../app/ui/SelectField';
import { useReferenceData } from '../../../app/ui/useReferenceData';
import { orgFieldId } from '../organisationForm';
import type { OrgFormApi } from './formApi';
import { FormSection } from './FormSection';
import { fromYesNo, toYesNo, useOrgOptions } from './useOrgOptions';

export function EstablishmentSection({ api }: { api: OrgFormApi }) {
  const { t } = useTranslation('organisations');
  const options = useOrgOptions();
  const ref = useReferenceData();
  const { fields } = api;
  return (
    <FormSection section="establishment" api={api}>
      <div className="grid-2">
        <SelectField
          id={orgFieldId('district')}
          label={t('fields.district')}
          value={fields.district ?? ''}
          emptyLabel=""
          options={ref.options('district')}
          error={api.error('district')}
          onChange={(v) => api.setField('district', v === '' ? null : v)}
        />
        <NumberField
          id={orgFieldId('foundingYear')}
          label={t('fields.foundingYear')}
          min={1800}
          max={2100}
          value={fields.foundingYear}
          error={api.error('foundingYear')}
          onChange={(v) => api.setField('foundingYear', v)}
        />
      </div>
      <ChoiceField
        id={orgFieldId('ownRooms')}
        legend={t('fields.ownRooms')}
        options={options.yesNoUnknown}
        value={toYesNo(fields.ownRooms)}
        error={api.error('ownRooms')}
        onChange={(v) => api.setField('ownRooms', fromYesNo(v))}
      />
      <ChoiceField
        id={orgFieldId('lendsRooms')}
        legend={t('fields.lendsRooms')}
        options={options.yesNoUnknown}
        value={toYesNo(fields.lendsRooms)}
        error={api.error('lendsRooms')}
        onChange={(v) => api.setField('lendsRooms', fromYesNo(v))}
      />
    </FormSection>
  );
}
