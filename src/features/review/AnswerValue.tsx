import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/ui/useFormatters';
import type { ChecklistValue } from '../../domain/checklist';
import type { ChecklistGroup } from '../../domain/needsCatalogue';
import type { SelfReportFieldKey } from '../../domain/selfReport';

/** Typed text exactly as written (line breaks kept), in its language and its own direction. */
export function UserText({ text, lang }: { text: string; lang: string | undefined }) {
  return (
    <span className="user-text review-text" lang={lang} dir="auto">
      {text}
    </span>
  );
}

function NotRecorded() {
  const { t } = useTranslation(['organisations']);
  return <span className="muted">{t('organisations:profile.notRecorded')}</span>;
}

interface AnswerProps {
  fieldKey: SelfReportFieldKey;
  value: unknown;
  /** The language of free text (the report's, or the profile section's provenance). */
  lang: string | undefined;
}

/** One answer of the self-report (or the profile's current value) as people read it. */
export function AnswerValue({ fieldKey, value, lang }: AnswerProps) {
  const { t } = useTranslation(['organisations', 'common']);
  const fmt = useFormatters();
  if (value === null || value === undefined || value === '') return <NotRecorded />;
  if (typeof value === 'string') return <UserText text={value} lang={lang} />;
  if (typeof value === 'boolean') return <>{value ? t('common:form.yes') : t('common:form.no')}</>;
  if (typeof value === 'number') {
    return <>{fieldKey === 'foundingYear' ? String(value) : fmt.number(value)}</>;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <NotRecorded />;
    return <>{fmt.list(value.map((v) => t(`organisations:ageGroups.${String(v)}`)))}</>;
  }
  return <NotRecorded />;
}

interface NeedProps {
  group: ChecklistGroup;
  value: ChecklistValue;
  lang: string | undefined;
}

/** A checklist item's state, priority and note. */
export function NeedValue({ group, value, lang }: NeedProps) {
  const { t } = useTranslation(['needs']);
  const states = group === 'readiness' ? 'needs:readinessStates' : 'needs:states';
  const state = t(`${states}.${value.state}`);
  return (
    <>
      <span>
        {value.priority && group !== 'readiness'
          ? t('needs:editor.stateWithPriority', {
              state,
              priority: t(`needs:priorities.${value.priority}`),
            })
          : state}
      </span>
      {value.note ? (
        <span className="review-note">
          <span className="muted">{t('needs:note')}: </span>
          <UserText text={value.note} lang={lang} />
        </span>
      ) : null}
    </>
  );
}
