import type { SelfReportReceipt } from '../../domain/invitation';
import { selfReportFromSubmission, type SelfReportSubmission } from '../../domain/selfReport';
import { processPush } from '../sync/processPush';
import type { SyncStore } from '../sync/syncStore';
import { selfReportMutation } from './selfReportMutation';

export interface SubmissionScope {
  invitationId: string;
  organisationId: string;
}

export type SubmitOutcome =
  /** Stored now: it reaches every coordinator's next pull. */
  | { kind: 'created'; receipt: SelfReportReceipt }
  /** This invitation sent this id before: nothing changed, here is what was stored. */
  | { kind: 'repeated'; receipt: SelfReportReceipt }
  /** The id belongs to something else (another invitation's report, another mutation). */
  | { kind: 'idTaken' };

const receiptOf = (data: Record<string, unknown>): SelfReportReceipt => ({
  id: String(data.id),
  submittedAt: String(data.submittedAt),
});

/**
 * Stores a validated submission through the sync push path (one mutation in one transaction), so
 * it is checked against the record schema, versioned and pulled like any device's edit.
 */
export async function submitSelfReport(
  store: SyncStore,
  submission: SelfReportSubmission,
  scope: SubmissionScope,
  now: Date,
): Promise<SubmitOutcome> {
  return store.transact(async (tx): Promise<SubmitOutcome> => {
    const existing = await tx.getRecord('selfReports', submission.id);
    if (existing) {
      return existing.data.invitationId === scope.invitationId
        ? { kind: 'repeated', receipt: receiptOf(existing.data) }
        : { kind: 'idTaken' };
    }
    if (await tx.findMutation(submission.id)) return { kind: 'idTaken' };

    const report = selfReportFromSubmission(submission, scope, now.toISOString());
    await processPush(tx, [selfReportMutation(report, scope.invitationId, now)], {
      now,
      author: `invitation:${scope.invitationId}`,
      authorize: () => null,
      source: 'selfReport',
    });
    return { kind: 'created', receipt: receiptOf(report) };
  });
}
