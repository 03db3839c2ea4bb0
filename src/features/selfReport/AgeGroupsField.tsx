import { useTranslation } from 'react-i18next';
import { ageGroups } from '../../domain/organisation';
import { FieldMessages } from '../../app/ui/FieldMessages';
import { withAgeGroup } from './selfReportDraft';

type AgeGroup = (typeof ageGroups)[number];

interface Props {
  values: readonly AgeGroup[];
  onChange: (values: AgeGroup[]) => void;
  error?: string | undefined;
}

/** Age groups as big check boxes (`name="ageGroups"`, value = the group). */
export function AgeGroupsField({ values, onChange, error }: Props) {
  const { t } = useTranslation(['selfReport']);
  const id = 'ageGroups';
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`field checkbox-group${error ? ' has-error' : ''}`}
      id={id}
      aria-describedby={described}
    >
      <legend>{t('selfReport:fields.ageGroups.label')}</legend>
      <div className="choices sr-choices">
        {ageGroups.map((group) => {
          const checked = values.includes(group);
          return (
            <label key={group} className="choice">
              <input
                type="checkbox"
                name="ageGroups"
                value={group}
                checked={checked}
                onChange={() => onChange(withAgeGroup(values, group, !checked))}
              />
              <span>{t(`selfReport:ageGroups.${group}`)}</span>
            </label>
          );
        })}
      </div>
      <FieldMessages id={id} hint={t('selfReport:fields.ageGroups.hint')} error={error} />
    </fieldset>
  );
}
