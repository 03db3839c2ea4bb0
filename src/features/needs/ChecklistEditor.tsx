import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  changedItems,
  valueOf,
  withNote,
  withPriority,
  withState,
  type ChecklistMap,
} from '../../domain/checklist';
import { checklistGroups, itemsOfGroup } from '../../domain/needsCatalogue';
import type { FieldError } from '../../domain/validation';
import { ChecklistItemEditor, type ChecklistEdit } from './ChecklistItemEditor';
import './checklistEditor.css';

interface Props {
  value: ChecklistMap;
  onChange: (next: ChecklistMap) => void;
  /** The starting point: items that differ from it are marked, can be reset and filtered. */
  before?: ChecklistMap | undefined;
  /** Prefix of every field id; ids are `${idPrefix}${itemId}-state|priority|note`. */
  idPrefix?: string;
  /** Validation errors with paths relative to the map (`<itemId>.note`). */
  errors?: readonly FieldError[];
}

function applyEdit(map: ChecklistMap, itemId: string, edit: ChecklistEdit): ChecklistMap {
  switch (edit.kind) {
    case 'state':
      return withState(map, itemId, edit.state);
    case 'priority':
      return withPriority(map, itemId, edit.priority);
    case 'note':
      return withNote(map, itemId, edit.note);
    case 'reset':
      return { ...map, [itemId]: { ...edit.value } };
  }
}

/** The needs checklist, grouped as in the concept paper; reusable wherever needs are edited. */
export function ChecklistEditor({
  value,
  onChange,
  before,
  idPrefix = 'checklist-',
  errors = [],
}: Props) {
  const { t } = useTranslation(['needs', 'common']);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const toggleId = useId();
  const changed = before ? changedItems(before, value) : {};
  const changedCount = Object.keys(changed).length;
  const showOnlyChanged = Boolean(before) && onlyChanged;

  const edit = (itemId: string, e: ChecklistEdit): void => onChange(applyEdit(value, itemId, e));

  return (
    <div className="checklist-editor">
      {before ? (
        <div className="checklist-toolbar">
          <p className="checklist-count" role="status" aria-live="polite">
            {changedCount === 0
              ? t('needs:editor.noChanges')
              : t('needs:editor.changedCount', { count: changedCount })}
          </p>
          <label className="choice" htmlFor={toggleId}>
            <input
              id={toggleId}
              type="checkbox"
              checked={onlyChanged}
              onChange={(e) => setOnlyChanged(e.target.checked)}
            />
            <span>{t('needs:editor.onlyChanged')}</span>
          </label>
        </div>
      ) : null}

      {showOnlyChanged && changedCount === 0 ? (
        <p className="muted">{t('needs:editor.emptyFiltered')}</p>
      ) : null}

      {checklistGroups.map((group) => {
        const items = itemsOfGroup(group).filter((i) => !showOnlyChanged || i.id in changed);
        if (items.length === 0) return null;
        const headingId = `${idPrefix}group-${group}`;
        return (
          <section key={group} className="checklist-group" aria-labelledby={headingId}>
            <h3 id={headingId}>{t(`needs:groups.${group}`)}</h3>
            {items.map((item) => (
              <ChecklistItemEditor
                key={item.id}
                item={item}
                value={valueOf(value, item.id)}
                before={before ? valueOf(before, item.id) : null}
                idPrefix={idPrefix}
                errors={errors}
                onEdit={(e) => edit(item.id, e)}
              />
            ))}
          </section>
        );
      })}
    </div>
  );
}
