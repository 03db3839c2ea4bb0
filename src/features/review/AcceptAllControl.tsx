import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  count: number;
  busy: boolean;
  onConfirm: () => void;
}

/** "Accept all remaining", behind one confirming question. */
export function AcceptAllControl({ count, busy, onConfirm }: Props) {
  const { t } = useTranslation(['review']);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <p className="review-accept-all">
        <button
          type="button"
          className="button"
          data-testid="review-accept-all"
          disabled={busy}
          onClick={() => setAsking(true)}
        >
          {t('review:review.acceptAll', { count })}
        </button>
      </p>
    );
  }
  return (
    <div className="review-accept-all" role="group" aria-labelledby="review-accept-all-question">
      <p id="review-accept-all-question">{t('review:review.acceptAllQuestion', { count })}</p>
      <div className="review-actions">
        <button
          type="button"
          className="button primary"
          data-testid="review-accept-all-confirm"
          disabled={busy}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {t('review:review.acceptAllConfirm')}
        </button>
        <button type="button" className="button" onClick={() => setAsking(false)}>
          {t('common:form.cancel')}
        </button>
      </div>
    </div>
  );
}
