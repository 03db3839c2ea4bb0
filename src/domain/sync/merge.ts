import { compareHlc } from './hlc';
import { deepEqual, setAtPath } from './fieldChanges';
import { FieldPathIndex, pathsAbove, pathsApart } from './fieldPathIndex';
import type { Mutation, SyncTable } from './mutation';

/** One write of a field: with which stamp, by whom, at which server version. */
export interface FieldMeta {
  stamp: string;
  clientId: string;
  /** Display name of the person whose edit this was. */
  author: string;
  version: number;
}

/** A record as the server keeps it: the data plus per-field write metadata. */
export interface StoredRecord {
  table: SyncTable;
  id: string;
  data: Record<string, unknown>;
  /**
   * Field path ("needs.school.state") → the writes that gave it its current value: usually one,
   * several when devices wrote the same value concurrently (each may later meet a conflict).
   * Lists are never changed in place (a merge sets a new list), so fields may share one.
   */
  fields: Record<string, readonly FieldMeta[]>;
  version: number;
}

export interface ConflictSide {
  value: unknown;
  stamp: string;
  clientId: string;
  author: string;
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

/** Bookkeeping fields change with every edit; they follow the last writer and never conflict. */
const NEVER_CONFLICTS = new Set(['updatedAt', 'createdAt']);

const related = (a: string, b: string): boolean =>
  a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * `mergeMutation(null, mutation, …)` for a record that does not exist yet, when the paths of its
 * changes are apart (`pathsApart`; `paths` are the dot-joined change paths, in order): nothing is
 * stored to compete with, so every change wins and is its field's only writer. What the general
 * merge gives for this case, without its bookkeeping.
 */
export function mergeNewRecord(
  mutation: Mutation,
  paths: readonly string[],
  version: number,
  author: string,
): MergeResult {
  const data: Record<string, unknown> = { id: mutation.recordId };
  const fields: Record<string, readonly FieldMeta[]> = {};
  // The changes of one edit share a stamp, so their fields share one writer list.
  let writers: readonly FieldMeta[] = [];
  const { changes } = mutation;
  for (let i = 0; i < changes.length; i += 1) {
    const change = changes[i] as Mutation['changes'][number];
    if (writers[0]?.stamp !== change.stamp) {
      writers = [{ stamp: change.stamp, clientId: mutation.clientId, author, version }];
    }
    setAtPath(data, change.path, change.value);
    fields[paths[i] as string] = writers;
  }
  return {
    record: { table: mutation.table, id: mutation.recordId, data, fields, version },
    conflicts: [],
  };
}

/**
 * Applies one mutation to a record, field by field: last writer wins by hybrid logical clock
 * (the client id inside the stamp breaks ties). Two writes are concurrent when the field was
 * written by another client at a server version the mutation had not seen (`baseVersion`).
 * When a concurrent write with a different value is overwritten, or an incoming write loses to
 * one, a Conflict keeps the losing value. Pure and deterministic.
 *
 * The field paths related to a change (the same path, paths above it, paths below it) are found
 * through a {@link FieldPathIndex}, so a change costs the same however many fields the record
 * has; only when several paths are related are all fields scanned, to keep their stored order.
 */
export function mergeMutation(
  record: StoredRecord | null,
  mutation: Mutation,
  version: number,
  author: string,
): MergeResult {
  if (record === null) {
    const paths = mutation.changes.map((c) => c.path.join('.'));
    if (pathsApart(paths)) return mergeNewRecord(mutation, paths, version, author);
  }
  const base = mutation.baseVersion ?? 0;
  const stored = record?.data;
  // A new record starts as `{ id }`: a fresh literal is what cloning one would give.
  const data: Record<string, unknown> = stored
    ? structuredClone(stored)
    : { id: mutation.recordId };
  const fields: Record<string, readonly FieldMeta[]> = { ...(record?.fields ?? {}) };
  const index = new FieldPathIndex(Object.keys(fields));
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
  const setWriters = (key: string, writers: readonly FieldMeta[]): void => {
    const had = Object.hasOwn(fields, key);
    fields[key] = writers;
    if (!had && Object.hasOwn(fields, key)) index.add(key);
  };
  const dropWriters = (key: string): void => {
    Reflect.deleteProperty(fields, key);
    if (!Object.hasOwn(fields, key)) index.remove(key);
  };
  /** The stored paths related to `key`, in the order of `Object.entries(fields)`. */
  const relatedTo = (key: string): [string, readonly FieldMeta[]][] => {
    if (!index.hasBelow(key)) {
      const found: [string, readonly FieldMeta[]][] = [];
      if (key.includes('.')) {
        for (const k of pathsAbove(key)) {
          if (Object.hasOwn(fields, k)) found.push([k, fields[k] as readonly FieldMeta[]]);
        }
      }
      if (Object.hasOwn(fields, key)) found.push([key, fields[key] as readonly FieldMeta[]]);
      if (found.length <= 1) return found;
    }
    return Object.entries(fields).filter(([k]) => related(k, key));
  };

  let mine: FieldMeta | undefined;
  for (const change of mutation.changes) {
    const key = change.path.join('.');
    // The changes of one edit usually share a stamp, and then one metadata object.
    if (mine?.stamp !== change.stamp) {
      mine = { stamp: change.stamp, clientId: mutation.clientId, author, version };
    }
    const current = getAtPath(data, change.path);
    const others = relatedTo(key);
    const newer = others.flatMap(([k, writers]) => {
      const last = latest(writers);
      return last && compareHlc(last.stamp, change.stamp) >= 0 ? [[k, last] as const] : [];
    });

    if (deepEqual(current, change.value) && fields[key]) {
      // The same value again: this write joins the field's writers, nothing changes.
      setWriters(key, [...fields[key], mine]);
      continue;
    }

    if (newer.length === 0) {
      for (const [k, writers] of others) {
        // Compare what is stored with what replaces it, at the deeper of the two paths.
        const deeper = k.length >= key.length ? k : key;
        const stored = getAtPath(data, deeper.split('.'));
        const replacement = getAtPath(change.value, deeper.split('.').slice(change.path.length));
        const unseen = writers.find(concurrent);
        if (unseen && !deepEqual(stored, replacement)) {
          conflict(deeper, side(mine, replacement), side(unseen, stored));
        }
        // A write to a whole object replaces what was written below it.
        if (k.startsWith(`${key}.`)) dropWriters(k);
      }
      setAtPath(data, change.path, change.value);
      setWriters(key, [mine]);
      continue;
    }

    // A newer write is stored: the incoming edit loses. It is kept in the log unless the newer
    // write is this same client's own (it knowingly replaced its older edit).
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
