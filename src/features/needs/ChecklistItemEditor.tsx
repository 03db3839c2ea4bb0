import { useTranslation } from 'react-i18next';
import {
  checklistStates,
  priorities,
  sameValue,
  type ChecklistState,
  type ChecklistValue,
  type Priority,
} from '../../domain/checklist';
import type { ChecklistItem } from '../../domain/needsCatalogue';
import { errorFor, type FieldError } from '../../domain/validation';
import { describedBy } from '../../app/ui/fieldIds';
import { FieldMessages } from '../../app/ui/FieldMessages';

export type ChecklistEdit =
  | { kind: 'state'; state: ChecklistState }
  | { kind: 'priority'; priority: Priority }
  | { kind: 'note'; note: string }
  | { kind: 'reset'; value: ChecklistValue };

interface Props {
  item: ChecklistItem;
  value: ChecklistValue;
  before: ChecklistValue | null;
  idPrefix: string;
  errors: readonly FieldError[];
  onEdit: (edit: ChecklistEdit) => void;
}

/** One checklist item: state as big radio buttons, priority for open needs, a note. */
export function ChecklistItemEditor({ item, value, before, idPrefix, errors, onEdit }: Props) {
  const { t } = useTranslation(['needs', 'common']);
  const base = `${idPrefix}${item.id}`;
  const label = t(`needs:items.${item.id}.label`);
  const readiness = item.group === 'readiness';
  const stateLabel = (s: ChecklistState): string =>
    t(readiness ? `needs:readinessStates.${s}` : `needs:states.${s}`);
  const changed = before !== null && !sameValue(before, value);
  // For readiness "needed" means "yes, willing": a priority would mean nothing there.
  const showPriority = value.state === 'needed' && !readiness;
  const stateError = errorFor(errors, `${item.id}.state`);
  const priorityError = errorFor(errors, `${item.id}.priority`);
  const noteError = errorFor(errors, `${item.id}.note`);

  const describeBefore = (v: ChecklistValue): string =>
    v.priority && !readiness
      ? t('needs:editor.stateWithPriority', {
          state: stateLabel(v.state),
          priority: t(`needs:priorities.${v.priority}`),
        })
      : stateLabel(v.state);

  return (
    <div
      className={`checklist-item${changed ? ' is-changed' : ''}`}
      data-testid={`checklist-item-${item.id}`}
      data-changed={changed ? 'true' : undefined}
    >
      <fieldset
        className="checklist-state"
        id={`${base}-state`}
        aria-describedby={[`${base}-help`, stateError ? `${base}-state-error` : null]
          .filter(Boolean)
          .join(' ')}
      >
        <legend>
          <span className="checklist-label">{label}</span>
          {changed ? <span className="tag changed-tag">{t('needs:editor.changed')}</span> : null}
        </legend>
        <p className="field-hint" id={`${base}-help`}>
          {t(`needs:items.${item.id}.help`)}
        </p>
        <div className="choices">
          {checklistStates.map((s) => (
            <label key={s} className="choice">
              <input
                type="radio"
                name={`${base}-state`}
                value={s}
                checked={value.state === s}
                onChange={() => onEdit({ kind: 'state', state: s })}
              />
              <span>{stateLabel(s)}</span>
            </label>
          ))}
        </div>
        <FieldMessages id={`${base}-state`} error={stateError} />
      </fieldset>

      {showPriority ? (
        <fieldset className="checklist-priority" id={`${base}-priority`}>
          <legend>
            {t('needs:priority')}
            <span className="visually-hidden">{t('needs:editor.forItem', { item: label })}</span>
          </legend>
          <div className="choices">
            {priorities.map((p) => (
              <label key={p} className="choice">
                <input
                  type="radio"
                  name={`${base}-priority`}
                  value={p}
                  checked={value.priority === p}
                  onChange={() => onEdit({ kind: 'priority', priority: p })}
                />
                <span>{t(`needs:priorities.${p}`)}</span>
              </label>
            ))}
          </div>
          <FieldMessages id={`${base}-priority`} error={priorityError} />
        </fieldset>
      ) : null}

      <div className={`field checklist-note${noteError ? ' has-error' : ''}`}>
        <label htmlFor={`${base}-note`}>
          {t('needs:note')}
          <span className="visually-hidden">{t('needs:editor.forItem', { item: label })}</span>
        </label>
        <input
          id={`${base}-note`}
          name={`${base}-note`}
          dir="auto"
          value={value.note}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={describedBy(`${base}-note`, Boolean(noteError), false)}
          onChange={(e) => onEdit({ kind: 'note', note: e.target.value })}
        />
        <FieldMessages id={`${base}-note`} error={noteError} />
      </div>

      {changed ? (
        <p className="checklist-before">
          <span className="muted">
            {t('needs:editor.before', { value: describeBefore(before) })}
            {before.note !== value.note ? ` · ${t('needs:editor.noteChanged')}` : null}
          </span>
          <button
            type="button"
            className="button"
            onClick={() => onEdit({ kind: 'reset', value: before })}
          >
            {t('needs:editor.reset')}
            <span className="visually-hidden">{t('needs:editor.forItem', { item: label })}</span>
          </button>
        </p>
      ) : null}
    </div>
  );
}
