import type { ConflictRecord } from '../../domain/conflict';
import type { ContactPerson } from '../../domain/contactPerson';
import type { Organisation } from '../../domain/organisation';
import type { ReferenceEntry, ReferenceKind } from '../../domain/referenceData';
import type { SelfReport } from '../../domain/selfReport';
import type { DataTable } from '../../domain/sync/mutation';
import type { FollowUp, Referral, Visit } from '../../domain/visit';
import type { BrueckeDb } from '../database';

export interface SubjectOrganisation {
  id: string;
  name: string;
}

/** What a conflict is about, enough to describe the record in words. */
export type ConflictSubject =
  | { kind: 'organisation'; organisation: SubjectOrganisation; deleted: boolean }
  | { kind: 'contact'; name: string; organisation: SubjectOrganisation | null; deleted: boolean }
  | { kind: 'visit'; date: string; organisation: SubjectOrganisation | null; deleted: boolean }
  | {
      kind: 'referral';
      targetId: string;
      organisation: SubjectOrganisation | null;
      deleted: boolean;
    }
  | {
      kind: 'followUp';
      what: string;
      dueDate: string;
      organisation: SubjectOrganisation | null;
      deleted: boolean;
    }
  | {
      kind: 'referenceData';
      refKind: ReferenceKind;
      code: string;
      label: string;
      labelKey: string | null;
      deleted: boolean;
    }
  | {
      kind: 'selfReport';
      selfReportId: string;
      submittedAt: string;
      organisation: SubjectOrganisation | null;
      deleted: boolean;
    }
  | { kind: 'missing'; table: DataTable };

export interface ConflictListItem {
  conflict: ConflictRecord;
  subject: ConflictSubject;
}

export interface ConflictOverview {
  /** Open conflicts, newest first. */
  open: ConflictListItem[];
  /** Kept or restored conflicts, most recently resolved first. */
  resolved: ConflictListItem[];
}

/** Newest first: when the server logged it, then by the winning edit's clock. */
const newestFirst = (a: ConflictRecord, b: ConflictRecord): number =>
  b.createdAt.localeCompare(a.createdAt) || b.winner.stamp.localeCompare(a.winner.stamp);

async function byId<T extends { id: string }>(
  db: BrueckeDb,
  table: DataTable,
  ids: readonly string[],
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const found = await db.table<T, string>(table).bulkGet(unique);
  return new Map(found.flatMap((r) => (r ? [[r.id, r] as const] : [])));
}

/** Every conflict with a description of its record, split into open and resolved. */
export async function conflictOverview(db: BrueckeDb): Promise<ConflictOverview> {
  const conflicts = (await db.conflicts.toArray()).filter((c) => !c.deleted);
  const idsOf = (table: DataTable) =>
    conflicts.filter((c) => c.recordTable === table).map((c) => c.recordId);
  const [contacts, visits, referrals, followUps, references, selfReports] = await Promise.all([
    byId<ContactPerson>(db, 'contacts', idsOf('contacts')),
    byId<Visit>(db, 'visits', idsOf('visits')),
    byId<Referral>(db, 'referrals', idsOf('referrals')),
    byId<FollowUp>(db, 'followUps', idsOf('followUps')),
    byId<ReferenceEntry>(db, 'referenceData', idsOf('referenceData')),
    byId<SelfReport>(db, 'selfReports', idsOf('selfReports')),
  ]);
  const orgIds = [
    ...idsOf('organisations'),
    ...[contacts, visits, referrals, followUps, selfReports].flatMap((m) =>
      [...m.values()].map((r) => r.organisationId),
    ),
  ];
  const orgs = await byId<Organisation>(db, 'organisations', orgIds);
  const org = (id: string): SubjectOrganisation | null => {
    const o = orgs.get(id);
    return o ? { id: o.id, name: o.name } : null;
  };

  const subjectOf = (c: ConflictRecord): ConflictSubject => {
    const missing: ConflictSubject = { kind: 'missing', table: c.recordTable };
    switch (c.recordTable) {
      case 'organisations': {
        const o = orgs.get(c.recordId);
        return o
          ? { kind: 'organisation', organisation: { id: o.id, name: o.name }, deleted: o.deleted }
          : missing;
      }
      case 'contacts': {
        const r = contacts.get(c.recordId);
        return r
          ? {
              kind: 'contact',
              name: r.name,
              organisation: org(r.organisationId),
              deleted: r.deleted,
            }
          : missing;
      }
      case 'visits': {
        const r = visits.get(c.recordId);
        return r
          ? { kind: 'visit', date: r.date, organisation: org(r.organisationId), deleted: r.deleted }
          : missing;
      }
      case 'referrals': {
        const r = referrals.get(c.recordId);
        return r
          ? {
              kind: 'referral',
              targetId: r.targetId,
              organisation: org(r.organisationId),
              deleted: r.deleted,
            }
          : missing;
      }
      case 'followUps': {
        const r = followUps.get(c.recordId);
        return r
          ? {
              kind: 'followUp',
              what: r.what,
              dueDate: r.dueDate,
              organisation: org(r.organisationId),
              deleted: r.deleted,
            }
          : missing;
      }
      case 'referenceData': {
        const r = references.get(c.recordId);
        return r
          ? {
              kind: 'referenceData',
              refKind: r.kind,
              code: r.code,
              label: r.label,
              labelKey: r.labelKey,
              deleted: r.deleted,
            }
          : missing;
      }
      case 'selfReports': {
        const r = selfReports.get(c.recordId);
        return r
          ? {
              kind: 'selfReport',
              selfReportId: r.id,
              submittedAt: r.submittedAt,
              organisation: org(r.organisationId),
              deleted: r.deleted,
            }
          : missing;
      }
    }
  };

  const items = conflicts.map((conflict) => ({ conflict, subject: subjectOf(conflict) }));
  return {
    open: items
      .filter((i) => i.conflict.resolution === 'open')
      .sort((a, b) => newestFirst(a.conflict, b.conflict)),
    resolved: items
      .filter((i) => i.conflict.resolution !== 'open')
      .sort(
        (a, b) =>
          (b.conflict.resolvedAt ?? '').localeCompare(a.conflict.resolvedAt ?? '') ||
          b.conflict.updatedAt.localeCompare(a.conflict.updatedAt),
      ),
  };
}
