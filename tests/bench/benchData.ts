import type { ContactPerson } from '../../src/domain/contactPerson';
import type { Organisation } from '../../src/domain/organisation';
import type { DataTable } from '../../src/domain/sync/mutation';
import type { FollowUp, Referral, Visit } from '../../src/domain/visit';
import { buildDemoData } from '../../src/features/settings/demoData';
import { seededIds as uuidSource } from '../support/seededIds';

/** The tables the generated data set fills, in the order a bundle lists them. */
export const benchTables = [
  'organisations',
  'contacts',
  'visits',
  'referrals',
  'followUps',
] as const satisfies readonly DataTable[];
export type BenchTable = (typeof benchTables)[number];

export type BenchRecord = Organisation | ContactPerson | Visit | Referral | FollowUp;

export interface BenchDataSet {
  /** Records by table; every record is valid against its schema. */
  byTable: Record<BenchTable, BenchRecord[]>;
  /** All records in the order they would have been created: organisation by organisation. */
  inCreationOrder: Bundle[];
  total: number;
}

export interface Bundle {
  table: BenchTable;
  record: BenchRecord;
}

/**
 * One organisation of the demo set with everything that hangs off it, parents before children
 * (organisation, contacts, then each visit followed by its referrals and follow-ups), so cutting
 * the list anywhere never leaves a child without its parent.
 */
function bundlesOf(copy: number, newId: () => string): Bundle[][] {
  const set = buildDemoData('2026-03-10', newId);
  return set.organisations.map((org) => {
    const own = <T extends { organisationId: string }>(list: T[]): T[] =>
      list.filter((r) => r.organisationId === org.id);
    const out: Bundle[] = [
      { table: 'organisations', record: { ...org, name: `${org.name} #${copy}` } },
      ...own(set.contacts).map((record) => ({ table: 'contacts' as const, record })),
    ];
    for (const visit of own(set.visits)) {
      out.push({ table: 'visits', record: visit });
      for (const r of set.referrals.filter((x) => x.visitId === visit.id))
        out.push({ table: 'referrals', record: r });
      for (const f of set.followUps.filter((x) => x.visitId === visit.id))
        out.push({ table: 'followUps', record: f });
    }
    return out;
  });
}

/**
 * Exactly `total` realistic records: the demo organisations (with their contacts, visits,
 * referrals and follow-ups) copied under fresh ids until the count is reached. Checklist entries
 * are not records of their own: they live in `organisation.needs` and `visit.checklistUpdates`.
 */
export function buildBenchData(total: number, seed = 1): BenchDataSet {
  const newId = uuidSource(seed);
  const byTable: Record<BenchTable, BenchRecord[]> = {
    organisations: [],
    contacts: [],
    visits: [],
    referrals: [],
    followUps: [],
  };
  const inCreationOrder: Bundle[] = [];
  for (let copy = 1; inCreationOrder.length < total; copy += 1) {
    for (const bundle of bundlesOf(copy, newId)) {
      for (const entry of bundle) {
        if (inCreationOrder.length >= total) break;
        byTable[entry.table].push(entry.record);
        inCreationOrder.push(entry);
      }
    }
  }
  return { byTable, inCreationOrder, total: inCreationOrder.length };
}

export interface MixRow {
  table: BenchTable;
  count: number;
  share: number;
  /** Average size of one record as JSON, in bytes. */
  avgJsonBytes: number;
}

export interface DataSetMix {
  rows: MixRow[];
  /** Entries of `organisation.needs` maps. */
  needsEntries: number;
  /** Entries of `visit.checklistUpdates` maps. */
  checklistUpdateEntries: number;
  jsonBytes: number;
}

export function describeMix(data: BenchDataSet): DataSetMix {
  let jsonBytes = 0;
  const rows = benchTables.map((table) => {
    const list = data.byTable[table];
    const bytes = list.reduce((sum, r) => sum + Buffer.byteLength(JSON.stringify(r)), 0);
    jsonBytes += bytes;
    return {
      table,
      count: list.length,
      share: list.length / data.total,
      avgJsonBytes: list.length ? Math.round(bytes / list.length) : 0,
    };
  });
  const orgs = data.byTable.organisations as Organisation[];
  const visits = data.byTable.visits as Visit[];
  return {
    rows,
    needsEntries: orgs.reduce((n, o) => n + Object.keys(o.needs).length, 0),
    checklistUpdateEntries: visits.reduce((n, v) => n + Object.keys(v.checklistUpdates).length, 0),
    jsonBytes,
  };
}
