import { compareHlc } from './hlc';
import { deepEqual, setAtPath } from './fieldChanges';
import type { Mutation, SyncTable } from './mutation';

/** Who wrote a field last, with which stamp, at which server version. */
export interface FieldMeta {
  stamp: string;
  clientId: string;
  version: number;
}

/** A record as the server keeps it: the data plus per-field write metadata. */
export interface StoredRecord {
  table: SyncTable;
  id: string;
  data: Record<string, unknown>;
  /** Field path ("needs.school.state") → who wrote it last. */
  fields: Record<string, FieldMeta>;
  version: number;
}

export interface ConflictSide {
  value: unknown;
  stamp: string;
  clientId: string;
}

/** Two concurrent edits of the same field: the later stamp won, the loser is kept here. */
export interface Conflict {
  table: SyncTable;
  recordId: string;
  path: string;
  winner: ConflictSide;
  loser: ConflictSide;
}

export interface MergeResult {
  record: StoredRecord;
  conflicts: Conflict[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function getAtPath(data: unknown, path: readonly string[]): unknown {
  let node: unknown = data;
  for (const key of path) {
    if (!isPlainObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

const related = (a: string, b: string): boolean =>
  a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * Applies one mutation to a record, field by field (last-writer-wins by hybrid logical clock,
 * client id as tie breaker inside the stamp). Two writes are concurrent when the field was
 * written by another client at a server version the mutation had not seen (`baseVersion`).
 * A concurrent write with a different value yields a Conflict that keeps the losing value.
 * Pure and deterministic: the same record and mutation always give the same result.
 */
export function mergeMutation(
  record: StoredRecord | null,
  mutation: Mutation,
  version: number,
): MergeResult {
  const base = mutation.baseVersion ?? 0;
  const data = structuredClone(record?.data ?? { id: mutation.recordId });
  const fields: Record<string, FieldMeta> = { ...(record?.fields ?? {}) };
  const conflicts: Conflict[] = [];
  const concurrent = (meta: FieldMeta): boolean =>
    meta.clientId !== mutation.clientId && meta.version > base;

  for (const change of mutation.changes) {
    const key = change.path.join('.');
    const incoming: ConflictSide = {
      value: change.value,
      stamp: change.stamp,
      clientId: mutation.clientId,
    };
    const others = Object.entries(fields).filter(([k]) => related(k, key));
    const newer = others.filter(([, meta]) => compareHlc(meta.stamp, change.stamp) >= 0);
    if (newer.length === 0) {
      for (const [k, meta] of others) {
        // Compare what is stored with what replaces it, at the deeper of the two paths.
        const deeper = k.length >= key.length ? k : key;
        const current = getAtPath(data, deeper.split('.'));
        const replacement = getAtPath(change.value, deeper.split('.').slice(change.path.length));
        if (concurrent(meta) && !deepEqual(current, replacement)) {
          conflicts.push({
            table: mutation.table,
            recordId: mutation.recordId,
            path: deeper,
            winner: { ...incoming, value: replacement ?? null },
            loser: { value: current ?? null, stamp: meta.stamp, clientId: meta.clientId },
          });
        }
        // A write to a whole object replaces what was written below it.
        if (k.startsWith(`${key}.`)) Reflect.deleteProperty(fields, k);
      }
      setAtPath(data, change.path, change.value);
      fields[key] = { stamp: change.stamp, clientId: mutation.clientId, version };
      continue;
    }
    // The stored value is newer: the incoming edit loses. Keep it unless it changes nothing.
    const [winnerKey, winnerMeta] = newer.reduce((a, b) =>
      compareHlc(a[1].stamp, b[1].stamp) >= 0 ? a : b,
    );
    const current = getAtPath(data, change.path);
    // An older edit of this same client was knowingly superseded by its own later one.
    if (!deepEqual(current, change.value) && winnerMeta.clientId !== mutation.clientId) {
      conflicts.push({
        table: mutation.table,
        recordId: mutation.recordId,
        path: key,
        winner: {
          value: getAtPath(data, winnerKey.split('.')) ?? null,
          stamp: winnerMeta.stamp,
          clientId: winnerMeta.clientId,
        },
        loser: incoming,
      });
    }
  }
  return {
    record: { table: mutation.table, id: mutation.recordId, data, fields, version },
    conflicts,
  };
}
