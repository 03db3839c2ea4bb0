import { fieldChanges, allFields, type FieldChange } from '../domain/sync/fieldChanges';
import { decodeHlc, encodeHlc, tick } from '../domain/sync/hlc';
import type { Mutation, SyncTable } from '../domain/sync/mutation';
import type { Table } from 'dexie';
import { recordSchemas } from '../domain/tables';
import { editBase } from '../sync/shadows';
import type { BaseRecord } from '../domain/record';
import { validate, type FieldError } from '../domain/validation';
import { shadowKey, type BrueckeDb, type DeviceMeta } from './database';
import { loadDeviceMeta } from './deviceMeta';
import type { RepoDeps } from './deps';
import { ValidationError } from './validationError';

export interface RecordWrite {
  table: SyncTable;
  /** The record as it was read before editing; null when it is new. */
  before: BaseRecord | null;
  after: BaseRecord;
}

export interface CommitOptions {
  /** Drafts to remove in the same transaction (the form they belonged to is now saved). */
  deleteDrafts?: string[];
  /**
   * Planned writes whose records the caller has already put in this transaction (`putPlanned`):
   * only their outbox entries are written.
   */
  recordsPut?: ReadonlySet<PlannedWrite>;
}

/** A validated record and its field changes, ready to be written. */
export interface PlannedWrite {
  table: SyncTable;
  record: BaseRecord;
  changes: FieldChange[];
}

/**
 * Validates every record and works out its field changes; records that did not change are left
 * out. An invalid record throws a ValidationError (with every record's problems) and nothing is
 * planned. Pure: call it before the transaction, so the transaction is not kept open for it.
 */
export function planWrites(writes: readonly RecordWrite[]): PlannedWrite[] {
  const errors: FieldError[] = [];
  const planned: PlannedWrite[] = [];
  for (const w of writes) {
    const result = validate(recordSchemas[w.table], w.after);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    const record = result.value;
    const changes = w.before ? fieldChanges(w.before, record) : allFields(record);
    if (changes.length > 0) planned.push({ table: w.table, record, changes });
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return planned;
}

/**
 * Puts planned records, without their outbox entries: for a commit that can write records before
 * its reads are answered. Its `writePlanned` (with `recordsPut`) adds the outbox entries.
 */
export function putPlanned(db: BrueckeDb, planned: readonly PlannedWrite[]): Promise<unknown> {
  const byTable = new Map<SyncTable, BaseRecord[]>();
  for (const w of planned) byTable.set(w.table, [...(byTable.get(w.table) ?? []), w.record]);
  return Promise.all([...byTable].map(([table, rows]) => db.table(table).bulkPut(rows)));
}

/** Everything a commit of records in `tables` writes to: for a caller's own transaction around it. */
export function commitScope(db: BrueckeDb, tables: readonly SyncTable[]): Table[] {
  const records = [...new Set(tables)].map((t) => db.table(t));
  return [...records, db.outbox, db.meta, db.drafts, db.shadows];
}

/** What a commit reads before it writes: this device's meta and each record's base version. */
export interface CommitBase {
  meta: DeviceMeta;
  /** By `shadowKey(table, id)`. */
  versions: Map<string, number | null>;
  /** The records read for their base version, as stored (undefined: not on this device). */
  stored: Map<string, Record<string, unknown> | undefined>;
  /** Shadow puts the reads queued (`EditBase.shadowPut`): `writePlanned` awaits them with its writes. */
  shadowPuts: Promise<unknown>[];
}

/**
 * Reads the commit's base for these records, all at once (one wait for IndexedDB instead of one
 * per record). Call it in the commit's transaction before the records are written; a caller that
 * reads something else first can read both in parallel, and a caller that needs a record as it is
 * stored finds it in `stored` (read once for both).
 *
 * `created`: records the caller has just made, with ids it has just drawn (`deps.newId()`). No
 * device or server can know such an id, so their base version is null without a look-up.
 */
export async function readCommitBase(
  deps: RepoDeps,
  records: readonly { table: SyncTable; id: string }[],
  created: readonly { table: SyncTable; id: string }[] = [],
): Promise<CommitBase> {
  const targets = new Map(records.map((r) => [shadowKey(r.table, r.id), r]));
  const [meta, bases] = await Promise.all([
    loadDeviceMeta(deps),
    Promise.all([...targets.values()].map((r) => editBase(deps.db, r.table, r.id))),
  ]);
  const versions = new Map<string, number | null>();
  const stored = new Map<string, Record<string, unknown> | undefined>();
  const shadowPuts: Promise<unknown>[] = [];
  for (const [i, key] of [...targets.keys()].entries()) {
    versions.set(key, bases[i]?.version ?? null);
    stored.set(key, bases[i]?.stored);
    const put = bases[i]?.shadowPut;
    if (put) shadowPuts.push(put);
  }
  return withCreated({ meta, versions, stored, shadowPuts }, created);
}

/**
 * `base` with records the caller has just made (ids it has just drawn) known to have no base
 * version: for a caller that read the base before it made them.
 */
export function withCreated(
  base: CommitBase,
  created: readonly { table: SyncTable; id: string }[],
): CommitBase {
  if (created.length === 0) return base;
  const versions = new Map(base.versions);
  for (const r of created) versions.set(shadowKey(r.table, r.id), null);
  return { ...base, versions };
}

/** The record a planned write is about (for `readCommitBase`). */
export const writeTarget = (w: PlannedWrite): { table: SyncTable; id: string } => ({
  table: w.table,
  id: w.record.id,
});

/**
 * Writes planned records with their outbox entries, the device meta and the draft removals, all
 * issued at once (call inside the commit's transaction, after `readCommitBase`). A record whose
 * base version `base` does not hold is looked up first.
 */
export async function writePlanned(
  deps: RepoDeps,
  base: CommitBase,
  planned: readonly PlannedWrite[],
  options: CommitOptions = {},
): Promise<Mutation[]> {
  const { db } = deps;
  const missing = planned.filter((w) => !base.versions.has(shadowKey(w.table, w.record.id)));
  const more = missing.length > 0 ? await readCommitBase(deps, missing.map(writeTarget)) : null;
  const versionOf = (w: PlannedWrite): number | null => {
    const key = shadowKey(w.table, w.record.id);
    return (base.versions.has(key) ? base.versions.get(key) : more?.versions.get(key)) ?? null;
  };
  const { meta } = base;
  let clock = decodeHlc(meta.hlc);
  let seq = meta.seq;
  const mutations = planned.map((w): Mutation => {
    const nowMs = deps.now().getTime();
    clock = tick(clock, nowMs);
    const stamp = encodeHlc(clock);
    seq += 1;
    return {
      mutationId: deps.newId(),
      clientId: meta.clientId,
      seq,
      table: w.table,
      recordId: w.record.id,
      baseVersion: versionOf(w),
      changes: w.changes.map((c) => ({ path: c.path, value: c.value, stamp })),
      createdAt: new Date(nowMs).toISOString(),
    };
  });
  const { recordsPut } = options;
  await Promise.all([
    putPlanned(db, recordsPut ? planned.filter((w) => !recordsPut.has(w)) : planned),
    ...base.shadowPuts,
    ...(more?.shadowPuts ?? []),
    db.outbox.bulkAdd(mutations),
    db.meta.put({ ...meta, hlc: encodeHlc(clock), seq }),
    options.deleteDrafts?.length ? db.drafts.bulkDelete(options.deleteDrafts) : null,
  ]);
  return mutations;
}

/**
 * The only way records are written: every record and its outbox entry go into IndexedDB in one
 * transaction, so neither can exist without the other. Validation happens first; an invalid
 * record throws a ValidationError and nothing at all is written. Inside the transaction every
 * read (device meta, base versions) is issued at once, then every write: the transaction waits
 * for IndexedDB twice, not twice per record.
 */
export async function commitWrites(
  deps: RepoDeps,
  writes: readonly RecordWrite[],
  options: CommitOptions = {},
): Promise<Mutation[]> {
  const planned = planWrites(writes);
  const scope = commitScope(
    deps.db,
    writes.map((w) => w.table),
  );
  return deps.db.transaction('rw', scope, async () => {
    const base = await readCommitBase(deps, planned.map(writeTarget));
    return writePlanned(deps, base, planned, options);
  });
}
