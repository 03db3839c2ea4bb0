import type { SelfReport } from '../../domain/selfReport';
import { allFields } from '../../domain/sync/fieldChanges';
import { encodeHlc, initialHlc, tick } from '../../domain/sync/hlc';
import type { Mutation } from '../../domain/sync/mutation';

/** The sync client id under which the server writes an invitation's submissions. */
export function invitationClientId(invitationId: string): string {
  return `inv-${invitationId}`;
}

/**
 * A representative's submission as one sync mutation, as if a device had created the record:
 * every field, stamped with the server clock under the invitation's client id. Its mutationId is
 * the submission id, so a retried submission is recognised as the same mutation.
 */
export function selfReportMutation(report: SelfReport, invitationId: string, now: Date): Mutation {
  const clientId = invitationClientId(invitationId);
  const stamp = encodeHlc(tick(initialHlc(clientId), now.getTime()));
  return {
    mutationId: report.id,
    clientId,
    seq: 0,
    table: 'selfReports',
    recordId: report.id,
    baseVersion: null,
    changes: allFields(report).map((change) => ({ ...change, stamp })),
    createdAt: now.toISOString(),
  };
}
