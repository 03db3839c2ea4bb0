import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../db/database';
import { listDrafts } from '../../db/queries/drafts';
import { discardDraft } from '../../db/repositories/drafts';
import { useDeps } from '../../app/DepsContext';
import { PageHeader } from '../../app/ui/PageHeader';
import { DraftItem } from './DraftItem';
import './drafts.css';

interface Message {
  text: string;
  error: boolean;
}

/** Every unfinished form on this device: pick it up again, or discard it after confirming. */
export default function DraftsScreen() {
  const { t } = useTranslation(['drafts', 'common']);
  const deps = useDeps();
  const drafts = useLiveQuery(() => listDrafts(deps.db), [deps.db]);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  async function discard(draft: Draft): Promise<void> {
    setBusy(draft.id);
    try {
      await discardDraft(deps, draft.id);
      const title = `\u2068${draft.title.trim() || t('drafts:untitled')}\u2069`;
      setMessage({ text: t('drafts:discarded', { title }), error: false });
    } catch {
      setMessage({ text: t('common:errors.storageFailed'), error: true });
    } finally {
      setBusy(null);
      messageRef.current?.focus();
    }
  }

  return (
    <section aria-labelledby="drafts-title">
      <PageHeader title={<span id="drafts-title">{t('drafts:title')}</span>} />
      <p className="muted">{t('drafts:intro')}</p>
      <p data-testid="draft-count">{t('drafts:count', { count: drafts?.length ?? 0 })}</p>
      <p
        ref={messageRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={message?.error ? 'field-error' : 'saved-message'}
      >
        {message?.text}
      </p>
      {drafts && drafts.length === 0 ? <p className="card">{t('drafts:empty')}</p> : null}
      <ul className="list" aria-labelledby="drafts-title">
        {(drafts ?? []).map((d) => (
          <DraftItem
            key={d.id}
            draft={d}
            busy={busy === d.id}
            onDiscard={(draft) => void discard(draft)}
          />
        ))}
      </ul>
    </section>
  );
}
