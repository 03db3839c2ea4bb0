import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceEntry, ReferenceKind } from '../../domain/referenceData';
import { useDeps } from '../DepsContext';
import type { Option } from './SelectField';

export interface ReferenceData {
  /** Active entries of one kind as select options, in catalogue order. */
  options: (kind: ReferenceKind) => Option[];
  /** The label of an entry by its code (archived entries still resolve). */
  label: (kind: ReferenceKind, code: string | null) => string;
  loaded: boolean;
}

export function useReferenceData(): ReferenceData {
  const { db } = useDeps();
  const { t } = useTranslation();
  const entries = useLiveQuery(() => db.referenceData.toArray(), [db]);
  return useMemo(() => {
    const all: ReferenceEntry[] = (entries ?? [])
      .filter((e) => !e.deleted)
      .sort((a, b) => a.order - b.order);
    const labelOf = (e: ReferenceEntry): string => (e.labelKey ? t(e.labelKey) : e.label);
    return {
      loaded: entries !== undefined,
      options: (kind) =>
        all
          .filter((e) => e.kind === kind && !e.archived)
          .map((e) => ({ value: e.code, label: labelOf(e) })),
      label: (kind, code) => {
        if (!code) return '';
        const e = all.find((x) => x.kind === kind && x.code === code);
        return e ? labelOf(e) : code;
      },
    };
  }, [entries, t]);
}
