import { useState } from 'react';
import { useDeps } from '../../app/DepsContext';
import {
  decideItems,
  SelfReportMissing,
  SelfReportOrganisationMissing,
  type ReviewItem,
} from '../../db/repositories/selfReviews';
import { ValidationError } from '../../db/validationError';
import type { SelfReportDecisionValue } from '../../domain/selfReport';
import type { FieldError } from '../../domain/validation';

/** What happened to the last decision (translated by the screen). */
export type ReviewNotice =
  | { kind: 'decided'; decision: SelfReportDecisionValue; count: number; label: string }
  | { kind: 'alreadyDecided' }
  | { kind: 'organisationMissing' }
  | { kind: 'reportMissing' }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'failed' };

export interface ReviewActions {
  busy: boolean;
  notice: ReviewNotice | null;
  /**
   * Decides on `items`; `label` names them in the confirmation. Resolves to true when something
   * was written.
   */
  decide: (
    items: readonly ReviewItem[],
    decision: SelfReportDecisionValue,
    label: string,
  ) => Promise<boolean>;
}

export function useReviewActions(selfReportId: string): ReviewActions {
  const deps = useDeps();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ReviewNotice | null>(null);

  return {
    busy,
    notice,
    decide: async (items, decision, label) => {
      setBusy(true);
      setNotice(null);
      try {
        const outcome = await decideItems(deps, selfReportId, items, decision);
        setNotice(
          outcome === 'decided'
            ? { kind: 'decided', decision, count: items.length, label }
            : { kind: 'alreadyDecided' },
        );
        return outcome === 'decided';
      } catch (error) {
        setNotice(
          error instanceof SelfReportOrganisationMissing
            ? { kind: 'organisationMissing' }
            : error instanceof SelfReportMissing
              ? { kind: 'reportMissing' }
              : error instanceof ValidationError
                ? { kind: 'invalid', errors: error.errors }
                : { kind: 'failed' },
        );
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
