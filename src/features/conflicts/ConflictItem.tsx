import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictListItem } from '../../db/queries/conflicts';
import type { ConflictRecord } from '../../domain/conflict';
import { decodeHlc, isHlc } from '../../domain/sync/hlc';
import type { FieldError } from '../../domain/validation';
import { useFormatters } from '../../app/ui/useFormatters';
import { isolate } from '../followUps/isolate';
import { ConflictSubjectLine } from './ConflictSubjectLine';
import { describeValue, type ValueView } from './describeValue';

/** Why the last attempt to resolve this conflict did not work; nothing was written. */
export type ConflictProblem =
  { kind: 'invalid'; errors: FieldError[] } | { kind: 'missing' } | { kind: 'failed' };

interface Props {
  item: ConflictListItem;
  fieldLabel: string;
  render: (view: ValueView) => ReactNode;
  busy: boolean;
  problem: ConflictProblem | null;
  onRestore: (conflict: ConflictRecord) => void;
  onKeep: (conflict: ConflictRecord) => void;
}

type Side = 'winner' | 'loser';

/** One field changed on two devices: both values, who and when, and the two ways to resolve it. */
export function ConflictItem({
  item,
  fieldLabel,
  render,
  busy,
  problem,
  onRestore,
  onKeep,
}: Props) {
  const { t } = useTranslation(['conflicts', 'common']);
  const fmt = useFormatters();
  const c = item.conflict;
  const headingId = `conflict-${c.id}-field`;
  const open = c.resolution === 'open';

  const side = (role: Side) => {
    const s = c[role];
    const author = s.author.trim() ? isolate(s.author) : t('conflicts:unknownAuthor');
    const when = isHlc(s.stamp)
      ? fmt.dateTime(new Date(decodeHlc(s.stamp).wall).toISOString())
      : null;
    return (
      <section className={`conflict-side is-${role}`} aria-labelledby={`${headingId}-${role}`}>
        <h4 id={`${headingId}-${role}`}>
          {/* Once restored, the former winner is no longer the current value. */}
          {t(role === 'winner' && !open ? 'conflicts:winnerThen' : `conflicts:${role}`)}
        </h4>
        <div className="conflict-value" data-testid={`conflict-${role}-value`}>
          {render(describeValue(c.recordTable, c.path, s.value))}
        </div>
        <p className="conflict-meta">
          {when
            ? t('conflicts:changedByAt', { author, when })
            : t('conflicts:changedBy', { author })}
        </p>
      </section>
    );
  };

  return (
    <li
      className={`list-item conflict-item${open ? '' : ' is-resolved'}`}
      data-testid="conflict-item"
      data-resolution={c.resolution}
    >
      <ConflictSubjectLine subject={item.subject} />
      <h3 id={headingId} className="conflict-field">
        {fieldLabel}
      </h3>
      {!open && c.resolvedAt ? (
        <p>
          <span className={`tag${c.resolution === 'restored' ? ' ok' : ''}`}>
            {t(`conflicts:resolution.${c.resolution}`, { date: fmt.date(c.resolvedAt) })}
          </span>
        </p>
      ) : null}
      <div className="conflict-sides">
        {side('winner')}
        {side('loser')}
      </div>
      {problem ? (
        <div className="conflict-problem" role="alert" data-testid="conflict-problem">
          {problem.kind === 'invalid' ? (
            <>
              <p>{t('conflicts:restoreInvalid')}</p>
              <ul>
                {problem.errors.map((e) => (
                  <li key={`${e.path}:${e.key}`}>{t(`common:${e.key}`)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t(problem.kind === 'missing' ? 'conflicts:recordMissing' : 'conflicts:failed')}</p>
          )}
        </div>
      ) : null}
      {open ? (
        <div className="conflict-actions">
          <button
            type="button"
            className="button"
            aria-describedby={headingId}
            disabled={busy}
            data-testid="conflict-restore"
            onClick={() => onRestore(c)}
          >
            {t('conflicts:restore')}
          </button>
          <button
            type="button"
            className="button primary"
            aria-describedby={headingId}
            disabled={busy}
            data-testid="conflict-keep"
            onClick={() => onKeep(c)}
          >
            {t('conflicts:keep')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
