import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictOverview, type ConflictListItem } from '../../db/queries/conflicts';
import {
  ConflictRecordMissing,
  keepCurrent,
  restoreConflict,
} from '../../db/repositories/conflicts';
import { ValidationError } from '../../db/validationError';
import type { ConflictRecord } from '../../domain/conflict';
import { useDeps } from '../../app/DepsContext';
import { PageHeader } from '../../app/ui/PageHeader';
import { isolate } from '../followUps/isolate';
import { ConflictItem, type ConflictProblem } from './ConflictItem';
import { fieldSpec } from './fieldSpec';
import { useValueRenderer } from './useValueRenderer';
import './conflicts.css';

interface Message {
  text: string;
  error: boolean;
}

/**
 * The conflict log: fields two devices changed concurrently. The later edit won; the coordinator
 * sees both values with who and when, and either keeps the current one or restores the other.
 */
export default function ConflictsScreen() {
  const { t } = useTranslation(['conflicts', 'common']);
  const deps = useDeps();
  const { db } = deps;
  const overview = useLiveQuery(() => conflictOverview(db), [db]);
  const render = useValueRenderer();
  const [showResolved, setShowResolved] = useState(false);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<ReadonlyMap<string, ConflictProblem>>(new Map());
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  const fieldLabel = useCallback(
    (c: ConflictRecord): string => {
      const spec = fieldSpec(c.recordTable, c.path.split('.'));
      if (!spec) return c.path;
      return spec.label
        .map((key) => t(key))
        .reduce((parent, child) => t('conflicts:fieldPath', { parent, child }));
    },
    [t],
  );

  function setProblem(id: string, problem: ConflictProblem | null): void {
    setProblems((current) => {
      const next = new Map(current);
      if (problem) next.set(id, problem);
      else next.delete(id);
      return next;
    });
  }

  async function resolve(conflict: ConflictRecord, restore: boolean): Promise<void> {
    setBusy((s) => new Set(s).add(conflict.id));
    setProblem(conflict.id, null);
    let moveFocus = true;
    try {
      const outcome = restore
        ? await restoreConflict(deps, conflict)
        : await keepCurrent(deps, conflict);
      const field = isolate(fieldLabel(conflict));
      setMessage({
        text:
          outcome === 'alreadyResolved'
            ? t('conflicts:alreadyResolved')
            : t(restore ? 'conflicts:restored' : 'conflicts:kept', { field }),
        error: false,
      });
    } catch (error) {
      // The conflict stays in the list with the reason; nothing was written.
      moveFocus = false;
      setProblem(
        conflict.id,
        error instanceof ValidationError
          ? { kind: 'invalid', errors: error.errors }
          : error instanceof ConflictRecordMissing
            ? { kind: 'missing' }
            : { kind: 'failed' },
      );
    } finally {
      setBusy((s) => {
        const next = new Set(s);
        next.delete(conflict.id);
        return next;
      });
      // The item leaves the open list: keep keyboard and screen reader users where the news is.
      if (moveFocus) messageRef.current?.focus();
    }
  }

  const row = (item: ConflictListItem) => (
    <ConflictItem
      key={item.conflict.id}
      item={item}
      fieldLabel={fieldLabel(item.conflict)}
      render={render}
      busy={busy.has(item.conflict.id)}
      problem={problems.get(item.conflict.id) ?? null}
      onRestore={(c) => void resolve(c, true)}
      onKeep={(c) => void resolve(c, false)}
    />
  );

  const open = overview?.open ?? [];
  const resolved = overview?.resolved ?? [];

  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <PageHeader title={<span id="conflicts-title">{t('conflicts:title')}</span>} />
      <p className="muted conflicts-intro">{t('conflicts:intro')}</p>

      <p
        ref={messageRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={message?.error ? 'field-error' : 'saved-message'}
        data-testid="conflict-message"
      >
        {message?.text}
      </p>

      <section aria-labelledby="conflicts-open-title">
        <h2 id="conflicts-open-title">
          {t('conflicts:openTitle')}{' '}
          <span className="tag" data-testid="conflict-open-count">
            {t('conflicts:openCount', { count: open.length })}
          </span>
        </h2>
        {overview && open.length === 0 ? <p className="card">{t('conflicts:empty')}</p> : null}
        <ul className="list" aria-labelledby="conflicts-open-title">
          {open.map(row)}
        </ul>
      </section>

      <label className="choice conflicts-toggle">
        <input
          type="checkbox"
          checked={showResolved}
          onChange={(e) => setShowResolved(e.target.checked)}
          data-testid="conflict-show-resolved"
        />
        <span>{t('conflicts:showResolved')}</span>
      </label>

      {showResolved ? (
        <section aria-labelledby="conflicts-resolved-title">
          <h2 id="conflicts-resolved-title">{t('conflicts:resolvedTitle')}</h2>
          {resolved.length === 0 ? <p className="muted">{t('conflicts:noneResolved')}</p> : null}
          <ul className="list" aria-labelledby="conflicts-resolved-title">
            {resolved.map(row)}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
