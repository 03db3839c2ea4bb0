import { Dexie, type EntityTable, type Table } from 'dexie';
import type { ContactPerson } from '../domain/contactPerson';
import type { Organisation } from '../domain/organisation';
import type { ReferenceEntry } from '../domain/referenceData';
import type { ConflictRecord } from '../domain/conflict';
import type { SelfReport } from '../domain/selfReport';
import type { Mutation, SyncTable } from '../domain/sync/mutation';
import type { FollowUp, Referral, Visit } from '../domain/visit';
import { upgradeToV2 } from './migrations/v2SplitVisitChildren';
import { upgradeToV5 } from './migrations/v5BucketVersionRows';

/** A half-typed form, kept until it is saved or the user discards it. */
export interface Draft {
  id: string;
  kind: 'visit' | 'organisation' | 'contact' | 'selfReport';
  /** What the draft is about, for the drafts list (e.g. the organisation's name). */
  title: string;
  data: unknown;
  updatedAt: string;
}

export interface DeviceMeta {
  key: 'device';
  clientId: string;
  hlc: string;
  seq: number;
}

export interface SettingEntry {
  key: string;
  value: unknown;
}

/** The record as the server last sent it; the local record is this plus pending outbox edits. */
export interface Shadow {
  /** `${table}/${id}` */
  key: string;
  table: SyncTable;
  id: string;
  version: number;
  data: Record<string, unknown>;
}

/** An outbox entry the server refused: set aside with its reason so the rest keeps flowing. */
export interface QuarantinedMutation {
  mutationId: string;
  seq: number;
  mutation: Mutation;
  code: string;
  message: string;
  path: string;
  quarantinedAt: string;
}

/** Version 1 (pre-release) kept referrals and follow-ups inside the visit; see migrations/. */
export const schemaV1 = {
  organisations: 'id, status, district, updatedAt',
  contacts: 'id, organisationId',
  visits: 'id, organisationId, date',
  referenceData: 'id, kind',
  outbox: 'mutationId, seq, recordId',
  drafts: 'id, kind, updatedAt',
  meta: 'key',
};

export const schemaV2 = {
  ...schemaV1,
  visits: 'id, organisationId, date, [organisationId+date]',
  referrals: 'id, organisationId, visitId',
  followUps: 'id, organisationId, visitId, dueDate',
  settings: 'key',
};

/** Version 3 adds what sync needs: server shadows, quarantine and the conflict log. */
export const schemaV3 = {
  ...schemaV2,
  conflicts: 'id, recordId, resolution',
  shadows: 'key',
  quarantine: 'mutationId, seq',
};

/**
 * Version 4 adds self-reports (synced: representatives' submissions and the coordinator's
 * decisions) and invitations (local only: the links this device created, so their QR code can be
 * shown again offline; the server keeps only a hash of each token).
 */
export const schemaV4 = {
  ...schemaV3,
  selfReports: 'id, organisationId, submittedAt',
  invitations: 'id, organisationId, expiresAt',
};

export const CURRENT_SCHEMA_VERSION = 5;

/** An invitation link this device created for a representative. */
export interface LocalInvitation {
  id: string;
  organisationId: string;
  /** The secret part of the link; only this device and the representative know it. */
  token: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export class BrueckeDb extends Dexie {
  organisations!: EntityTable<Organisation, 'id'>;
  contacts!: EntityTable<ContactPerson, 'id'>;
  visits!: EntityTable<Visit, 'id'>;
  referrals!: EntityTable<Referral, 'id'>;
  followUps!: EntityTable<FollowUp, 'id'>;
  referenceData!: EntityTable<ReferenceEntry, 'id'>;
  outbox!: EntityTable<Mutation, 'mutationId'>;
  drafts!: EntityTable<Draft, 'id'>;
  meta!: Table<DeviceMeta, string>;
  settings!: Table<SettingEntry, string>;
  conflicts!: EntityTable<ConflictRecord, 'id'>;
  shadows!: EntityTable<Shadow, 'key'>;
  quarantine!: EntityTable<QuarantinedMutation, 'mutationId'>;
  selfReports!: EntityTable<SelfReport, 'id'>;
  invitations!: EntityTable<LocalInvitation, 'id'>;

  constructor(
    name: string,
    options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange },
  ) {
    super(name, options);
    // Only the versions with an upgrade function are declared: Dexie compares a device's
    // installed schema with the next declared one, so a device on version 1, 3 or 4 still gets
    // every table and index (tests/unit/migration.test.ts). Each declaration re-reads all the
    // ones before it when the app starts, so the three without an upgrade were only start-up time.
    this.version(2).stores(schemaV2).upgrade(upgradeToV2);
    this.version(CURRENT_SCHEMA_VERSION).stores(schemaV4).upgrade(upgradeToV5);
  }
}

export const shadowKey = (table: SyncTable, id: string): string => `${table}/${id}`;

export function openDatabase(name = 'bruecke'): BrueckeDb {
  return new BrueckeDb(name);
}
