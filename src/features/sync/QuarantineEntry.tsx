import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/ui/useFormatters';
import type { QuarantineItem } from '../../db/queries/quarantine';

/** Rejection codes with their own explanation under `sync:rejections.*`. */
const KNOWN_CODES: ReadonlySet<string> = new Set([
  'invalid_record',
  'forbidden',
  'forbidden_field',
  'stamp_invalid',
  'stamp_in_future',
  'invalid_body',
  'client_mismatch',
]);

interface Props {
  item: QuarantineItem;
  busy: boolean;
  onResend: (item: QuarantineItem) => void;
  onDiscard: (item: QuarantineItem) => void;
}

/** One refused change: what it was, why the server refused it, "send again" and "discard". */
export function QuarantineEntry({ item, busy, onResend, onDiscard }: Props) {
  const { t } = useTranslation(['sync']);
  const fmt = useFormatters();
  const [confirming, setConfirming] = useState(false);
  const keepRef = useRef<HTMLButtonElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const titleId = `quarantine-${item.mutationId}-title`;
  const questionId = `quarantine-${item.mutationId}-question`;

  useEffect(() => {
    // Focus the safe choice when asked, and return to "discard" when the question closes.
    if (confirming) keepRef.current?.focus();
    else if (wasConfirming.current) discardRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const reason = KNOWN_CODES.has(item.code)
    ? t(`sync:rejections.${item.code}`)
    : t('sync:rejections.unknown', { code: item.code });

  return (
    <li
      className="list-item quarantine-item"
      data-testid="quarantine-item"
      data-mutation-id={item.mutationId}
    >
      <p className="quarantine-title" id={titleId}>
        <span className="tag">{t(`sync:tables.${item.mutation.table}`)}</span>{' '}
        {item.organisationName ? <bdi>{item.organisationName}</bdi> : null}
      </p>
      <p>
        <strong>{t('sync:quarantine.reason')}</strong>{' '}
        <span data-testid="quarantine-reason">{reason}</span>
      </p>
      {item.message ? (
        <p className="muted">{t('sync:quarantine.serverMessage', { message: item.message })}</p>
      ) : null}
      {item.path ? <p className="muted">{t('sync:quarantine.path', { path: item.path })}</p> : null}
      {item.created ? (
        <p className="muted">{t('sync:quarantine.created')}</p>
      ) : item.fields.length > 0 ? (
        <p className="muted quarantine-fields">
          {t('sync:quarantine.fields', { fields: fmt.list(item.fields) })}
        </p>
      ) : null}
      <p className="muted">
        {t('sync:quarantine.refusedAt', { date: fmt.dateTime(item.quarantinedAt) })}
      </p>
      {confirming ? (
        <div className="quarantine-confirm" role="group" aria-labelledby={questionId}>
          <p id={questionId}>
            <strong>{t('sync:quarantine.confirmQuestion')}</strong>
          </p>
          <div className="quarantine-actions">
            <button
              type="button"
              className="button danger"
              disabled={busy}
              aria-describedby={titleId}
              data-testid="quarantine-discard-confirm"
              onClick={() => onDiscard(item)}
            >
              {t('sync:quarantine.confirmDiscard')}
            </button>
            <button
              ref={keepRef}
              type="button"
              className="button"
              data-testid="quarantine-discard-cancel"
              onClick={() => setConfirming(false)}
            >
              {t('sync:quarantine.keep')}
            </button>
          </div>
        </div>
      ) : (
        <div className="quarantine-actions">
          <button
            type="button"
            className="button primary"
            disabled={busy}
            aria-describedby={titleId}
            data-testid="quarantine-resend"
            onClick={() => onResend(item)}
          >
            {t('sync:quarantine.resend')}
          </button>
          <button
            ref={discardRef}
            type="button"
            className="button danger"
            disabled={busy}
            aria-describedby={titleId}
            data-testid="quarantine-discard"
            onClick={() => setConfirming(true)}
          >
            {t('sync:quarantine.discard')}
          </button>
        </div>
      )}
    </li>
  );
}
