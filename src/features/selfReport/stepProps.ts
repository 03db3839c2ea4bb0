import type { OpenSelfReportDraft } from '../../db/repositories/selfReportDrafts';
import type { SelfReportAnswersFull } from '../../domain/selfReport';
import type { FieldError } from '../../domain/validation';
import type { SelfReportSession } from './session';

export type SetAnswer = <K extends keyof SelfReportAnswersFull>(
  key: K,
  value: SelfReportAnswersFull[K],
) => void;

/** What every screen of the self-report gets. */
export interface StepProps {
  draft: OpenSelfReportDraft;
  errors: readonly FieldError[];
  setAnswer: SetAnswer;
  session: SelfReportSession;
}
