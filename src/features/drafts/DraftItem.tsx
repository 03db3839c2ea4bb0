import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../db/database';
import { hrefOf } from '../../app/routes';
import { useFormatters } from '../../app/ui/useFormatters';
import { continueRoute } from './continueRoute';

interface Props {
  draft: Draft;
  busy: boolean;
  onDiscard: (draft: Draft) => void;
}

/** One draft with "continue" and a two-step "discard": nothing is thrown away by one tap. */
export function DraftItem({ draft, busy, onDiscard }: Props) {
  const { t } = useTranslation(['drafts']);
  const fmt = useFormatters();
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const route = continueRoute(draft);
  const titleId = `draft-${draft.id}-title`;
  const questionId = `draft-${draft.id}-question`;

  useEffect(() => {
    // Focus the safe choice when asked, and return to "discard" when the question closes.
    if (confirming) keepRef.current?.focus();
    else if (wasConfirming.current) discardRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <li className="list-item draft-item" data-testid="draft-item" data-draft-id={draft.id}>
      <div className="draft-body">
        <p className="draft-title">
          <span className="tag">{t(`drafts:kind.${draft.kind}`)}</span>{' '}
          <bdi id={titleId}>{draft.title.trim() || t('drafts:untitled')}</bdi>
        </p>
        <p className="muted draft-meta">
          {t('drafts:updatedAt', { date: fmt.dateTime(draft.updatedAt) })}
        </p>
      </div>
      {confirming ? (
        <div className="draft-confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId} className="draft-question">
            {t('drafts:confirmQuestion')}
          </p>
          <div className="draft-actions">
            <button
              type="button"
              className="button danger"
              disabled={busy}
              aria-describedby={titleId}
              data-testid="draft-discard-confirm"
              onClick={() => onDiscard(draft)}
            >
              {t('drafts:confirmDiscard')}
            </button>
            <button
              ref={keepRef}
              type="button"
              className="button"
              data-testid="draft-discard-cancel"
              onClick={() => setConfirming(false)}
            >
              {t('drafts:keep')}
            </button>
          </div>
        </div>
      ) : (
        <div className="draft-actions">
          {route ? (
            <a
              className="button primary"
              href={hrefOf(route)}
              aria-describedby={titleId}
              data-testid="draft-continue"
            >
              {t('drafts:continue')}
            </a>
          ) : (
            <span className="muted">{t('drafts:cannotContinue')}</span>
          )}
          <button
            ref={discardRef}
            type="button"
            className="button danger"
            aria-describedby={titleId}
            data-testid="draft-discard"
            onClick={() => setConfirming(true)}
          >
            {t('drafts:discard')}
          </button>
        </div>
      )}
    </li>
  );
}
