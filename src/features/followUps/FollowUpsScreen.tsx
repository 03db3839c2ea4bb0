import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../domain/organisationStatus';
import { isOverdue, sortFollowUps, type FollowUp } from '../../domain/visit';
import { followUpOverview } from '../../db/queries/followUps';
import { setFollowUpDone } from '../../db/repositories/visits';
import { useDeps } from '../../app/DepsContext';
import { PageHeader } from '../../app/ui/PageHeader';
import { FollowUpItem } from './FollowUpItem';
import { isolate } from './isolate';
import './followUps.css';

interface Message {
  text: string;
  error: boolean;
}

/** Every open follow-up across organisations, overdue first; completed ones on request. */
export default function FollowUpsScreen() {
  const { t } = useTranslation(['followUps', 'common']);
  const deps = useDeps();
  const { db } = deps;
  const overview = useLiveQuery(() => followUpOverview(db), [db]);
  const [showDone, setShowDone] = useState(false);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const today = todayIso(deps.now());

  const open = useMemo(() => (overview ? sortFollowUps(overview.followUps) : []), [overview]);
  const done = useMemo(
    () =>
      (overview?.followUps ?? [])
        .filter((f) => f.done)
        .sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? '')),
    [overview],
  );
  const overdueCount = open.filter((f) => isOverdue(f, today)).length;

  async function toggle(followUp: FollowUp, markDone: boolean): Promise<void> {
    setBusy((s) => new Set(s).add(followUp.id));
    try {
      await setFollowUpDone(deps, followUp, markDone, today);
      const key = markDone ? 'followUps:markedDone' : 'followUps:reopened';
      setMessage({ text: t(key, { what: isolate(followUp.what) }), error: false });
    } catch {
      setMessage({ text: t('common:errors.storageFailed'), error: true });
    } finally {
      setBusy((s) => {
        const next = new Set(s);
        next.delete(followUp.id);
        return next;
      });
      // The row leaves the list: keep keyboard and screen reader users where the news is.
      messageRef.current?.focus();
    }
  }

  const row = (f: FollowUp) => (
    <FollowUpItem
      key={f.id}
      followUp={f}
      organisation={overview?.organisations.get(f.organisationId)}
      overdue={isOverdue(f, today)}
      busy={busy.has(f.id)}
      onToggle={(item, markDone) => void toggle(item, markDone)}
    />
  );

  return (
    <section aria-labelledby="follow-ups-title">
      <PageHeader title={<span id="follow-ups-title">{t('followUps:title')}</span>} />
      <p className="muted">{t('followUps:intro')}</p>

      <p className="follow-up-summary" data-testid="follow-up-count">
        {t('followUps:openCount', { count: open.length })}
        {overdueCount > 0 ? ` · ${t('followUps:overdueCount', { count: overdueCount })}` : null}
      </p>

      <p
        ref={messageRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={message?.error ? 'field-error' : 'saved-message'}
      >
        {message?.text}
      </p>

      {overview && open.length === 0 ? <p className="card">{t('followUps:empty')}</p> : null}
      <ul className="list" aria-labelledby="follow-ups-title">
        {open.map(row)}
      </ul>

      <label className="choice follow-up-toggle">
        <input
          type="checkbox"
          checked={showDone}
          onChange={(e) => setShowDone(e.target.checked)}
          data-testid="follow-up-show-done"
        />
        <span>{t('followUps:showDone')}</span>
      </label>

      {showDone ? (
        <section aria-labelledby="follow-ups-done-title">
          <h2 id="follow-ups-done-title">{t('followUps:doneTitle')}</h2>
          {done.length === 0 ? <p className="muted">{t('followUps:noneDone')}</p> : null}
          <ul className="list" aria-labelledby="follow-ups-done-title">
            {done.map(row)}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
