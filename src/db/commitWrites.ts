import { fieldChanges, allFields } from '../domain/sync/fieldChanges';
import { decodeHlc, encodeHlc, tick } from '../domain/sync/hlc';
import type { Mutation, SyncTable } from '../domain/sync/mutation';
import { recordSchemas } from '../domain/tables';
import { baseVersionForEdit } from '../sync/shadows';
import type { BaseRecord } from '../domain/record';
import { validate, type FieldError } from '../domain/validation';
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
}

function validateAll(writes: readonly RecordWrite[]): BaseRecord[] {
  const errors: FieldError[] = [];
  const parsed: BaseRecord[] = [];
  for (const w of writes) {
    const result = validate(recordSchemas[w.table], w.after);
    if (result.ok) parsed.push(result.value);
    else errors.push(...result.errors);
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return parsed;
}

/**
 * The only way records are written: every record and its outbox entry go into IndexedDB in one
 * transaction, so neither can exist without the other. Validation happens first; an invalid
 * record throws a ValidationError and nothing at all is written.
 */
export async function commitWrites(
  deps: RepoDeps,
  writes: readonly RecordWrite[],
  options: CommitOptions = {},
): Promise<Mutation[]> {
  const records = validateAll(writes);
  const { db } = deps;
  const tables = [...new Set(writes.map((w) => db.table(w.table)))];
  return db.transaction('rw', [...tables, db.outbox, db.meta, db.drafts, db.shadows], async () => {
    const meta = await loadDeviceMeta(deps);
    let clock = decodeHlc(meta.hlc);
    let seq = meta.seq;
    const mutations: Mutation[] = [];
    for (const [i, w] of writes.entries()) {
      const record = records[i];
      if (!record) continue;
      const changes = w.before ? fieldChanges(w.before, record) : allFields(record);
      if (changes.length === 0) continue;
      const nowMs = deps.now().getTime();
      clock = tick(clock, nowMs);
      const stamp = encodeHlc(clock);
      seq += 1;
      const mutation: Mutation = {
        mutationId: deps.newId(),
        clientId: meta.clientId,
        seq,
        table: w.table,
        recordId: record.id,
        baseVersion: await baseVersionForEdit(db, w.table, record.id),
        changes: changes.map((c) => ({ path: c.path, value: c.value, stamp })),
        createdAt: new Date(nowMs).toISOString(),
      };
      await db.table(w.table).put(record);
      await db.outbox.add(mutation);
      mutations.push(mutation);
    }
    await db.meta.put({ ...meta, hlc: encodeHlc(clock), seq });
    if (options.deleteDrafts?.length) await db.drafts.bulkDelete(options.deleteDrafts);
    return mutations;
  });
}
