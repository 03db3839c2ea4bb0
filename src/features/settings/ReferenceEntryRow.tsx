import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceEntry } from '../../domain/referenceData';
import { updateReferenceEntry } from '../../db/repositories/referenceData';
import { useDeps } from '../../app/DepsContext';
import { TextField } from '../../app/ui/TextField';
import { isBuiltIn, isRenamable, labelProblem, saveErrorKey } from './referenceLabels';

interface Props {
  entry: ReferenceEntry;
  label: string;
  /** Labels of the other entries of the same kind, to refuse duplicates. */
  otherLabels: readonly string[];
  onDone: (message: string) => void;
}

/** One reference entry: its name, rename (own entries only), archive or reactivate. */
export function ReferenceEntryRow({ entry, label, otherLabels, onDone }: Props) {
  const { t, i18n } = useTranslation(['settings', 'common']);
  const deps = useDeps();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(entry.label);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const inputId = `ref-rename-${entry.id}`;
  const labelId = `ref-label-${entry.id}`;

  async function save(changes: Pick<ReferenceEntry, 'label' | 'archived'>, message: string) {
    setBusy(true);
    try {
      await updateReferenceEntry(deps, entry, changes);
      setEditing(false);
      setError(undefined);
      onDone(message);
    } catch (err) {
      setError(saveErrorKey(err));
    } finally {
      setBusy(false);
    }
  }

  function submitRename(e: SubmitEvent<HTMLFormElement>): void {
    e.preventDefault();
    const problem = labelProblem(text, otherLabels, i18n.language);
    if (problem) {
      setError(problem);
      return;
    }
    const next = text.trim();
    if (next === entry.label) {
      setEditing(false);
      return;
    }
    void save(
      { label: next, archived: entry.archived },
      t('settings:reference.renamed', { label: `\u2068${next}\u2069` }),
    );
  }

  const isolated = `\u2068${label}\u2069`;
  return (
    <li
      className={`list-item ref-entry${entry.archived ? ' is-archived' : ''}`}
      data-testid="reference-entry"
      data-code={entry.code}
    >
      {editing ? (
        <form className="ref-rename" onSubmit={submitRename} noValidate>
          <TextField
            id={inputId}
            label={t('settings:reference.renameLabel')}
            value={text}
            onChange={(v) => {
              setText(v);
              setError(undefined);
            }}
            error={error}
            required
          />
          <div className="ref-actions">
            <button type="submit" className="button primary" disabled={busy}>
              {t('settings:reference.save')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setEditing(false);
                setText(entry.label);
                setError(undefined);
              }}
            >
              {t('settings:reference.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <span className="ref-label">
            <bdi id={labelId}>{label}</bdi>
            {isBuiltIn(entry) ? (
              <span className="tag">{t('settings:reference.builtIn')}</span>
            ) : null}
            {entry.archived ? (
              <span className="tag danger">{t('settings:reference.archived')}</span>
            ) : null}
          </span>
          <span className="ref-actions">
            {isRenamable(entry) ? (
              <button
                type="button"
                className="button"
                aria-describedby={labelId}
                onClick={() => {
                  setText(entry.label);
                  setEditing(true);
                }}
              >
                {t('settings:reference.rename')}
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              aria-describedby={labelId}
              disabled={busy}
              data-testid={entry.archived ? 'reference-unarchive' : 'reference-archive'}
              onClick={() =>
                void save(
                  { label: entry.label, archived: !entry.archived },
                  t(
                    entry.archived
                      ? 'settings:reference.unarchivedDone'
                      : 'settings:reference.archivedDone',
                    { label: isolated },
                  ),
                )
              }
            >
              {entry.archived ? t('settings:reference.unarchive') : t('settings:reference.archive')}
            </button>
          </span>
          {error ? <p className="field-error ref-error">{t(error)}</p> : null}
        </>
      )}
    </li>
  );
}
