import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/ui/useFormatters';
import type { SelfReportDecision, SelfReportDecisionValue } from '../../domain/selfReport';

interface Props {
  /** `name`, `goals`… for answers, `need-<itemId>` for checklist items (used in test ids). */
  testKey: string;
  label: string;
  /** The profile's value now; null when the organisation is not on this device. */
  current: ReactNode | null;
  proposed: ReactNode;
  /** "Proposed (in Arabic)". */
  proposedCaption: string;
  decision: SelfReportDecision | null;
  busy: boolean;
  onDecide: (decision: SelfReportDecisionValue) => void;
}

/** One answer: what the profile says, what the representative proposes, and the decision. */
export function ReviewRow(props: Props) {
  const { testKey, label, current, proposed, proposedCaption, decision, busy, onDecide } = props;
  const { t } = useTranslation(['review']);
  const fmt = useFormatters();
  const labelId = `review-label-${testKey}`;
  return (
    <li
      className={`review-row${decision ? ` is-${decision.decision}` : ''}`}
      data-testid={`review-row-${testKey}`}
      data-decision={decision?.decision}
      aria-labelledby={labelId}
    >
      <h3 id={labelId} className="review-label">
        {label}
      </h3>
      <div className="review-values">
        <div className="review-value">
          <p className="review-caption">{t('review:review.current')}</p>
          <div data-testid={`review-current-${testKey}`}>
            {current ?? <span className="muted">{t('review:review.currentUnknown')}</span>}
          </div>
        </div>
        <div className="review-value is-proposed">
          <p className="review-caption">{proposedCaption}</p>
          <div data-testid={`review-proposed-${testKey}`}>{proposed}</div>
        </div>
      </div>
      {decision ? (
        <p className="review-decision" id={`review-status-${testKey}`} tabIndex={-1}>
          <span className={`tag${decision.decision === 'accepted' ? ' ok' : ' danger'}`}>
            {t(`review:review.decided.${decision.decision}`, {
              date: fmt.dateTime(decision.decidedAt),
            })}
          </span>
        </p>
      ) : (
        <div className="review-actions">
          <button
            type="button"
            className="button primary"
            data-testid={`review-accept-${testKey}`}
            aria-describedby={labelId}
            disabled={busy}
            onClick={() => onDecide('accepted')}
          >
            {t('review:review.accept')}
          </button>
          <button
            type="button"
            className="button"
            data-testid={`review-reject-${testKey}`}
            aria-describedby={labelId}
            disabled={busy}
            onClick={() => onDecide('rejected')}
          >
            {t('review:review.reject')}
          </button>
        </div>
      )}
    </li>
  );
}
