import type { Organisation } from '../../domain/organisation';
import {
  acceptAnswer,
  acceptNeed,
  openItems,
  type SelfReport,
  type SelfReportDecisionValue,
  type SelfReportFieldKey,
} from '../../domain/selfReport';
import { commitWrites, type RecordWrite } from '../commitWrites';
import type { RepoDeps } from '../deps';

/** One thing a coordinator decides on: a profile answer or a needs checklist item. */
export type ReviewItem =
  { kind: 'field'; key: SelfReportFieldKey } | { kind: 'need'; itemId: string };

export type DecideOutcome = 'decided' | 'alreadyDecided';

/** The self-report is not on this device (any more). */
export class SelfReportMissing extends Error {
  constructor(readonly selfReportId: string) {
    super(`self-report ${selfReportId} is not on this device`);
    this.name = 'SelfReportMissing';
  }
}

/** An answer cannot be accepted: its organisation is not on this device (not pulled, or deleted). */
export class SelfReportOrganisationMissing extends Error {
  constructor(readonly organisationId: string) {
    super(`organisation ${organisationId} is not on this device`);
    this.name = 'SelfReportOrganisationMissing';
  }
}

/** Everything in the report still waiting for a decision. */
export function remainingItems(report: SelfReport): ReviewItem[] {
  const open = openItems(report);
  return [
    ...open.fields.map((key): ReviewItem => ({ kind: 'field', key })),
    ...open.needs.map((itemId): ReviewItem => ({ kind: 'need', itemId })),
  ];
}

const isOpen = (report: SelfReport, item: ReviewItem): boolean =>
  item.kind === 'field'
    ? report.answers[item.key] !== undefined && !report.decisions.fields[item.key]
    : report.needs[item.itemId] !== undefined && !report.decisions.needs[item.itemId];

function applyAccepted(org: Organisation, report: SelfReport, items: ReviewItem[]): Organisation {
  return items.reduce(
    (o, item) =>
      item.kind === 'field'
        ? acceptAnswer(o, report, item.key)
        : acceptNeed(o, report, item.itemId),
    org,
  );
}

function withDecisions(
  report: SelfReport,
  items: ReviewItem[],
  decision: SelfReportDecisionValue,
  nowIso: string,
): SelfReport {
  const fields = { ...report.decisions.fields };
  const needs = { ...report.decisions.needs };
  for (const item of items) {
    if (item.kind === 'field') fields[item.key] = { decision, decidedAt: nowIso };
    else needs[item.itemId] = { decision, decidedAt: nowIso };
  }
  return { ...report, decisions: { fields, needs }, updatedAt: nowIso };
}

/**
 * Records the coordinator's decision on answers of a self-report. Accepting writes the answers
 * into the organisation (value and provenance: self-report, its date, its language) and the
 * decision into the self-report, both with their outbox entries, in ONE transaction: neither
 * exists without the other. Rejecting writes only the decision. Items decided meanwhile (another
 * tab, a sync) are left as they are. Throws (nothing written) when the report or, for
 * accepting, its organisation is missing, or a ValidationError when a record would be invalid.
 */
export async function decideItems(
  deps: RepoDeps,
  selfReportId: string,
  items: readonly ReviewItem[],
  decision: SelfReportDecisionValue,
): Promise<DecideOutcome> {
  const { db } = deps;
  const tables = [db.organisations, db.selfReports, db.outbox, db.meta, db.drafts, db.shadows];
  return db.transaction('rw', tables, async () => {
    const report = await db.selfReports.get(selfReportId);
    if (!report || report.deleted) throw new SelfReportMissing(selfReportId);
    const pending = items.filter((item) => isOpen(report, item));
    if (pending.length === 0) return 'alreadyDecided';
    const nowIso = deps.now().toISOString();
    const writes: RecordWrite[] = [];
    if (decision === 'accepted') {
      const org = await db.organisations.get(report.organisationId);
      if (!org || org.deleted) throw new SelfReportOrganisationMissing(report.organisationId);
      const after = { ...applyAccepted(org, report, pending), updatedAt: nowIso };
      writes.push({ table: 'organisations', before: org, after });
    }
    writes.push({
      table: 'selfReports',
      before: report,
      after: withDecisions(report, pending, decision, nowIso),
    });
    await commitWrites(deps, writes);
    return 'decided';
  });
}
