import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceEntry, ReferenceKind } from '../../domain/referenceData';
import { addReferenceEntry } from '../../db/repositories/referenceData';
import { useDeps } from '../../app/DepsContext';
import { TextField } from '../../app/ui/TextField';
import { labelProblem, saveErrorKey } from './referenceLabels';
import { ReferenceEntryRow } from './ReferenceEntryRow';

interface Props {
  kind: ReferenceKind;
  entries: readonly ReferenceEntry[];
}

/** The entries of one kind (districts, fields of activity, …) and a form to add one. */
export function ReferenceKindSection({ kind, entries }: Props) {
  const { t, i18n } = useTranslation(['settings', 'common']);
  const deps = useDeps();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const labelOf = (e: ReferenceEntry): string => (e.labelKey ? t(e.labelKey) : e.label);
  const labels = entries.map(labelOf);
  const archived = entries.filter((e) => e.archived).length;
  const addId = `ref-add-${kind}`;

  async function add(e: SubmitEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    const problem = labelProblem(text, labels, i18n.language);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      const entry = await addReferenceEntry(deps, kind, text);
      setText('');
      setError(undefined);
      setMessage(t('settings:reference.added', { label: `\u2068${entry.label}\u2069` }));
    } catch (err) {
      setError(saveErrorKey(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="ref-kind" data-testid={`reference-kind-${kind}`}>
      <summary>
        <span className="ref-kind-title">{t(`settings:reference.kinds.${kind}`)}</span>{' '}
        <span className="muted">
          {t('settings:reference.count', { count: entries.length })}
          {archived > 0 ? ` · ${t('settings:reference.archivedCount', { count: archived })}` : null}
        </span>
      </summary>
      <p role="status" aria-live="polite" className="saved-message">
        {message}
      </p>
      <ul className="list">
        {entries.map((entry, i) => (
          <ReferenceEntryRow
            key={entry.id}
            entry={entry}
            label={labels[i] ?? entry.label}
            otherLabels={labels.filter((_, j) => j !== i)}
            onDone={setMessage}
          />
        ))}
      </ul>
      <form className="ref-add" onSubmit={(e) => void add(e)} noValidate>
        <TextField
          id={addId}
          label={t('settings:reference.addLabel')}
          value={text}
          onChange={(v) => {
            setText(v);
            setError(undefined);
          }}
          error={error}
        />
        <button
          type="submit"
          className="button"
          disabled={busy}
          data-testid={`reference-add-${kind}`}
        >
          {t('settings:reference.add')}
        </button>
      </form>
    </details>
  );
}
