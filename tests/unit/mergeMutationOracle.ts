import { deepEqual, setAtPath } from '../../src/domain/sync/fieldChanges';
import { compareHlc } from '../../src/domain/sync/hlc';
import {
  getAtPath,
  type Conflict,
  type ConflictSide,
  type FieldMeta,
  type MergeResult,
  type StoredRecord,
} from '../../src/domain/sync/merge';
import type { Mutation } from '../../src/domain/sync/mutation';

const NEVER_CONFLICTS = new Set(['updatedAt', 'createdAt']);

const related = (a: string, b: string): boolean =>
  a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * `mergeMutation` as it was before the field path index (src/domain/sync/merge.ts, commit
 * e386dcd): every change scans all stored field paths. Kept unchanged as the oracle that the
 * indexed version must agree with, result for result (tests/unit/mergeMutation.test.ts).
 */
export function mergeMutationOracle(
  record: StoredRecord | null,
  mutation: Mutation,
  version: number,
  author: string,
): MergeResult {
  const base = mutation.baseVersion ?? 0;
  const data = structuredClone(record?.data ?? { id: mutation.recordId });
  const fields: Record<string, readonly FieldMeta[]> = { ...(record?.fields ?? {}) };
  const conflicts: Conflict[] = [];
  const concurrent = (meta: FieldMeta): boolean =>
    meta.clientId !== mutation.clientId && meta.version > base;
  const latest = (writers: readonly FieldMeta[]): FieldMeta | undefined =>
    writers.reduce<FieldMeta | undefined>(
      (a, b) => (a && compareHlc(a.stamp, b.stamp) >= 0 ? a : b),
      undefined,
    );
  const side = (meta: FieldMeta, value: unknown): ConflictSide => ({
    value: value ?? null,
    stamp: meta.stamp,
    clientId: meta.clientId,
    author: meta.author,
  });
  const conflict = (path: string, winner: ConflictSide, loser: ConflictSide): void => {
    if (NEVER_CONFLICTS.has(path)) return;
    conflicts.push({ table: mutation.table, recordId: mutation.recordId, path, winner, loser });
  };

  for (const change of mutation.changes) {
    const key = change.path.join('.');
    const mine: FieldMeta = { stamp: change.stamp, clientId: mutation.clientId, author, version };
    const current = getAtPath(data, change.path);
    const others = Object.entries(fields).filter(([k]) => related(k, key));
    const newer = others.flatMap(([k, writers]) => {
      const last = latest(writers);
      return last && compareHlc(last.stamp, change.stamp) >= 0 ? [[k, last] as const] : [];
    });

    if (deepEqual(current, change.value) && fields[key]) {
      fields[key] = [...fields[key], mine];
      continue;
    }

    if (newer.length === 0) {
      for (const [k, writers] of others) {
        const deeper = k.length >= key.length ? k : key;
        const stored = getAtPath(data, deeper.split('.'));
        const replacement = getAtPath(change.value, deeper.split('.').slice(change.path.length));
        const unseen = writers.find(concurrent);
        if (unseen && !deepEqual(stored, replacement)) {
          conflict(deeper, side(mine, replacement), side(unseen, stored));
        }
        if (k.startsWith(`${key}.`)) Reflect.deleteProperty(fields, k);
      }
      setAtPath(data, change.path, change.value);
      fields[key] = [mine];
      continue;
    }

    const [winnerKey, winner] = newer.reduce((a, b) =>
      compareHlc(a[1].stamp, b[1].stamp) >= 0 ? a : b,
    );
    if (winner.clientId !== mutation.clientId && !deepEqual(current, change.value)) {
      conflict(key, side(winner, getAtPath(data, winnerKey.split('.'))), side(mine, change.value));
    }
  }
  return {
    record: { table: mutation.table, id: mutation.recordId, data, fields, version },
    conflicts,
  };
}
