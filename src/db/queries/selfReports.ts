import type { Organisation } from '../../domain/organisation';
import type { SelfReport } from '../../domain/selfReport';
import { openItems } from '../../domain/selfReportFields';
import type { BrueckeDb } from '../database';

export interface SelfReportQueueItem {
  report: SelfReport;
  /** Null when the organisation is not on this device (not pulled yet) or deleted. */
  organisationName: string | null;
  /** Answers and checklist items still waiting for a decision. */
  openCount: number;
}

export interface SelfReportQueue {
  /** Reports with something left to decide, the longest-waiting first. */
  open: SelfReportQueueItem[];
  /** Fully reviewed reports, the most recently submitted first. */
  reviewed: SelfReportQueueItem[];
}

const openCountOf = (report: SelfReport): number => {
  const open = openItems(report);
  return open.fields.length + open.needs.length;
};

/** Splits and orders the queue: open reports first (oldest first), then reviewed (newest first). */
export function orderQueue(items: readonly SelfReportQueueItem[]): SelfReportQueue {
  const bySubmitted = (a: SelfReportQueueItem, b: SelfReportQueueItem): number =>
    a.report.submittedAt.localeCompare(b.report.submittedAt) ||
    a.report.id.localeCompare(b.report.id);
  return {
    open: items.filter((i) => i.openCount > 0).sort(bySubmitted),
    reviewed: items.filter((i) => i.openCount === 0).sort((a, b) => bySubmitted(b, a)),
  };
}

async function liveReports(db: BrueckeDb): Promise<SelfReport[]> {
  return (await db.selfReports.toArray()).filter((r) => !r.deleted);
}

/** Every self-report on this device with its organisation's name and what is left to decide. */
export async function selfReportQueue(db: BrueckeDb): Promise<SelfReportQueue> {
  const reports = await liveReports(db);
  const orgIds = [...new Set(reports.map((r) => r.organisationId))];
  const orgs = await db.organisations.bulkGet(orgIds);
  const names = new Map(orgs.flatMap((o) => (o && !o.deleted ? [[o.id, o.name] as const] : [])));
  return orderQueue(
    reports.map((report) => ({
      report,
      organisationName: names.get(report.organisationId) ?? null,
      openCount: openCountOf(report),
    })),
  );
}

/** How many self-reports wait for a decision (the navigation's badge). */
export async function openSelfReportCount(db: BrueckeDb): Promise<number> {
  return (await liveReports(db)).filter((r) => openCountOf(r) > 0).length;
}

export interface SelfReportForReview {
  /** Null when no such report is on this device. */
  report: SelfReport | null;
  /** Null when the organisation is not on this device; a deleted one is returned as it is. */
  organisation: Organisation | null;
}

export async function selfReportForReview(
  db: BrueckeDb,
  selfReportId: string,
): Promise<SelfReportForReview> {
  const report = await db.selfReports.get(selfReportId);
  if (!report || report.deleted) return { report: null, organisation: null };
  const organisation = await db.organisations.get(report.organisationId);
  return { report, organisation: organisation ?? null };
}
