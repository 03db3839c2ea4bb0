import { useTranslation } from 'react-i18next';
import { FieldMessages } from '../../app/ui/FieldMessages';
import { describedBy } from '../../app/ui/fieldIds';
import type { ChecklistState, ChecklistValue } from '../../domain/checklist';
import type { ChecklistItem } from '../../domain/needsCatalogue';

interface Props {
  item: ChecklistItem;
  value: ChecklistValue;
  /** "Done" is offered only when the coordination office had marked it so. */
  offerResolved: boolean;
  stateError?: string | undefined;
  noteError?: string | undefined;
  onState: (state: ChecklistState) => void;
  onNote: (note: string) => void;
}

const basicStates = ['needed', 'notNeeded', 'unknown'] as const;

/** One need in plain words: yes / no / don't know, and an optional note. */
export function NeedItem({
  item,
  value,
  offerResolved,
  stateError,
  noteError,
  onState,
  onNote,
}: Props) {
  const { t } = useTranslation(['selfReport', 'needs']);
  const base = `need-${item.id}`;
  const label = t(`needs:items.${item.id}.label`);
  const states: readonly ChecklistState[] = offerResolved
    ? [...basicStates, 'resolved']
    : basicStates;
  const stateKey = item.group === 'readiness' ? 'readinessStates' : 'states';
  const described = [`${base}-help`, stateError ? `${base}-state-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="sr-need" data-testid={base}>
      <fieldset id={`${base}-state`} aria-describedby={described}>
        <legend className="sr-need-label">{label}</legend>
        <p className="field-hint" id={`${base}-help`}>
          {t(`needs:items.${item.id}.help`)}
        </p>
        <div className="choices sr-choices">
          {states.map((s) => (
            <label key={s} className="choice">
              <input
                type="radio"
                name={base}
                value={s}
                checked={value.state === s}
                onChange={() => onState(s)}
              />
              <span>{t(`selfReport:needs.${stateKey}.${s}`)}</span>
            </label>
          ))}
        </div>
        <FieldMessages id={`${base}-state`} error={stateError} />
      </fieldset>
      <div className={`field sr-need-note${noteError ? ' has-error' : ''}`}>
        <label htmlFor={`${base}-note`}>
          {t('selfReport:needs.note')}
          <span className="visually-hidden"> {t('selfReport:needs.forItem', { item: label })}</span>
        </label>
        <textarea
          id={`${base}-note`}
          name={`${base}-note`}
          dir="auto"
          rows={2}
          value={value.note}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={describedBy(`${base}-note`, Boolean(noteError), false)}
          onChange={(e) => onNote(e.target.value)}
        />
        <FieldMessages id={`${base}-note`} error={noteError} />
      </div>
    </div>
  );
}
