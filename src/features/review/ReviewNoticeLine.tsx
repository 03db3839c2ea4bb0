import { useTranslation } from 'react-i18next';
import type { ReviewNotice } from './useReviewActions';

/** The outcome of the last decision, announced to screen readers. */
export function ReviewNoticeLine({ notice }: { notice: ReviewNotice | null }) {
  const { t } = useTranslation(['review', 'common']);
  const text = (n: ReviewNotice): string => {
    switch (n.kind) {
      case 'decided':
        return n.count > 1
          ? t(`review:review.notices.${n.decision}Many`, { count: n.count })
          : t(`review:review.notices.${n.decision}`, { field: n.label });
      case 'invalid':
        return t('review:review.notices.invalid', {
          errors: n.errors.map((e) => t(`common:${e.key}`)).join(' '),
        });
      default:
        return t(`review:review.notices.${n.kind}`);
    }
  };
  const error = notice !== null && notice.kind !== 'decided';
  return (
    <div aria-live="polite" data-testid="review-notice">
      {notice ? <p className={error ? 'review-error' : 'review-ok'}>{text(notice)}</p> : null}
    </div>
  );
}
