import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ageGroups,
  arrivalPeriods,
  cooperationStatuses,
  fundingStatuses,
  legalForms,
  provenanceSources,
  skillLevels,
  umbrellaKinds,
} from '../../../domain/organisation';
import type { Option } from '../../../app/ui/SelectField';

/** The editor's fixed choices, translated. */
export function useOrgOptions() {
  const { t } = useTranslation('organisations');
  return useMemo(() => {
    const of = (values: readonly string[], prefix: string): Option[] =>
      values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
    return {
      legalForms: of(legalForms, 'legalForms'),
      ageGroups: of(ageGroups, 'ageGroups'),
      arrivalPeriods: of(arrivalPeriods, 'arrivalPeriods'),
      umbrellaKinds: of(umbrellaKinds, 'umbrellaKinds'),
      skillLevels: of(skillLevels, 'skillLevels'),
      fundingStatuses: of(fundingStatuses, 'fundingStatuses'),
      statuses: of(cooperationStatuses, 'status'),
      sources: of(provenanceSources, 'provenance.sources'),
      yesNoUnknown: [
        { value: 'yes', label: t('common:form.yes') },
        { value: 'no', label: t('common:form.no') },
        { value: 'unknown', label: t('common:form.unknown') },
      ],
    };
  }, [t]);
}

export function fromYesNo(value: string): boolean | null {
  return value === 'yes' ? true : value === 'no' ? false : null;
}

export function toYesNo(value: boolean | null): string {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}
