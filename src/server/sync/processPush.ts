import { createHash } from 'node:crypto';
import type { ConflictRecord } from '../../domain/conflict';
import { deepEqual, setAtPath } from '../../domain/sync/fieldChanges';
import { decodeHlc, isHlc } from '../../domain/sync/hlc';
import { mergeMutation, type Conflict } from '../../domain/sync/merge';
import type { Mutation } from '../../domain/sync/mutation';
import {
  STAMP_FUTURE_LIMIT_MS,
  type MutationResult,
  type Rejection,
} from '../../domain/sync/protocol';
import { recordSchemas } from '../../domain/tables';
import { BatchRejected, type SyncTx } from './syncStore';
import { checkTableRules, type PushSource } from './tableRules';

export interface PushContext {
  now: Date;
  /** Display name of the person pushing, kept with each field for the conflict screen. */
  author: string;
  /** Scope check for one mutation: returns a rejection code or null when allowed. */
  authorize: (mutation: Mutation) => string | null;
  /** Default `sync`: a device's push, bound by the table rules (`./tableRules`). */
  source?: PushSource;
}

/** A conflict's id is derived from the mutation and field, so replays never duplicate it. */
function conflictId(mutationId: string, path: string): string {
  const h = createHash('sha256').update(`${mutationId}/${path}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function conflictRecord(c: Conflict, mutationId: string, nowIso: string): ConflictRecord {
  return {
    id: conflictId(mutationId, c.path),
    createdAt: nowIso,
    updatedAt: nowIso,
    deleted: false,
    recordTable: c.table as ConflictRecord['recordTable'],
    recordId: c.recordId,
    path: c.path,
    winner: c.winner,
    loser: c.loser,
    resolution: 'open',
    resolvedAt: null,
  };
}

function checkStamps(m: Mutation, now: Date): Rejection | null {
  for (const change of m.changes) {
    if (!isHlc(change.stamp) || decodeHlc(change.stamp).node !== m.clientId) {
      return {
        mutationId: m.mutationId,
        code: 'stamp_invalid',
        message: `The stamp of "${change.path.join('.')}" is not a clock stamp of this client (<15-digit wall ms>-<6-digit counter>-${m.clientId}).`,
        path: change.path.join('.'),
      };
    }
    if (decodeHlc(change.stamp).wall > now.getTime() + STAMP_FUTURE_LIMIT_MS) {
      return {
        mutationId: m.mutationId,
        code: 'stamp_in_future',
        message: `The stamp of "${change.path.join('.')}" is more than 7 days ahead of the server clock; check the device clock.`,
        path: change.path.join('.'),
      };
    }
  }
  return null;
}

/** Property names that would reach an object's prototype instead of a field of the record. */
const RESERVED_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function checkPaths(m: Mutation): Rejection | null {
  for (const change of m.changes) {
    const path = change.path.join('.');
    if (change.path.some((segment) => RESERVED_SEGMENTS.has(segment))) {
      return {
        mutationId: m.mutationId,
        code: 'invalid_path',
        message: `Field path "${path}" uses a reserved name (__proto__, constructor, prototype).`,
        path,
      };
    }
    // The id is the record's address (recordId), not a field that can change.
    const sameId = change.path.length === 1 && change.value === m.recordId;
    if (change.path[0] === 'id' && !sameId) {
      return {
        mutationId: m.mutationId,
        code: 'forbidden_field',
        message: 'The id of a record cannot be changed; it is always the recordId.',
        path,
      };
    }
  }
  return null;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first field path where `stored` differs from its schema-parsed form and `wanted` says yes. */
function firstDifference(
  stored: unknown,
  normal: unknown,
  wanted: (path: string) => boolean,
  path: string[] = [],
): string[] | null {
  if (deepEqual(stored, normal)) return null;
  if (isPlainObject(stored) && isPlainObject(normal)) {
    for (const key of new Set([...Object.keys(stored), ...Object.keys(normal)])) {
      const found = firstDifference(stored[key], normal[key], wanted, [...path, key]);
      if (found) return found;
    }
    return null;
  }
  return wanted(path.join('.')) ? path : null;
}

const related = (a: string, b: string): boolean =>
  a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * The record must pass its table's schema and be exactly what the schema describes: no fields
 * the schema does not know (they would be stored and sent to every device) and values in normal
 * form (e.g. trimmed text). With `onlyPaths`, problems elsewhere in the record are not counted.
 */
function checkRecord(
  m: Mutation,
  data: Record<string, unknown>,
  onlyPaths?: readonly string[],
): Rejection | null {
  const counts = (path: string): boolean =>
    onlyPaths === undefined || onlyPaths.some((p) => related(p, path));
  const parsed = recordSchemas[m.table].safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues.find((i) => counts(i.path.map(String).join('.')));
    if (!issue) return null;
    const path = issue.path.map(String).join('.');
    return {
      mutationId: m.mutationId,
      code: 'invalid_record',
      message: `The ${m.table} record would be invalid at "${path}": ${issue.message}.`,
      path,
    };
  }
  const where = firstDifference(data, parsed.data, counts);
  if (!where) return null;
  const path = where.join('.');
  const known = where.length > 0 && getKnown(parsed.data, where);
  return {
    mutationId: m.mutationId,
    code: known ? 'invalid_record' : 'unknown_field',
    message: known
      ? `Field "${path}" of the ${m.table} record is not in its normal form (e.g. untrimmed text).`
      : `Field "${path}" is not part of a ${m.table} record.`,
    path,
  };
}

/** Whether the schema-parsed record has a value at `path`. */
function getKnown(normal: unknown, path: readonly string[]): boolean {
  let node = normal;
  for (const key of path) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return false;
    node = node[key];
  }
  return true;
}

/**
 * Applies a batch of mutations inside one store transaction. Each mutation is applied once:
 * a repeated mutationId returns its stored result. If any mutation is refused (scope, stamps,
 * paths, table rules for conflicts and self-reports, a value that is invalid where it goes, or a
 * merged record that fails the shared schema), BatchRejected is thrown and the store rolls the
 * whole batch back, so the client can set those aside and push the rest again. Every refusal
 * names the mutation and the field.
 */
export async function processPush(
  tx: SyncTx,
  mutations: readonly Mutation[],
  ctx: PushContext,
): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  const rejected: Rejection[] = [];
  const nowIso = ctx.now.toISOString();
  for (const m of mutations) {
    const seen = await tx.findMutation(m.mutationId);
    if (seen) {
      results.push({ ...seen, status: 'duplicate' });
      continue;
    }
    const scope = ctx.authorize(m);
    if (scope) {
      rejected.push({
        mutationId: m.mutationId,
        code: scope,
        message: `This account may not change ${m.table} records.`,
        path: '',
      });
      continue;
    }
    const stampProblem = checkStamps(m, ctx.now);
    if (stampProblem) {
      rejected.push(stampProblem);
      continue;
    }
    const pathProblem = checkPaths(m);
    if (pathProblem) {
      rejected.push(pathProblem);
      continue;
    }
    const existing = await tx.getRecord(m.table, m.recordId);
    const tableProblem = checkTableRules(m, existing !== null, ctx.source ?? 'sync');
    if (tableProblem) {
      rejected.push(tableProblem);
      continue;
    }
    // Every value sent must be valid where it goes, even one that loses to a newer write (it
    // would be kept in the conflict log, and could be restored from there).
    const sent = structuredClone(existing?.data ?? { id: m.recordId });
    for (const change of m.changes) setAtPath(sent, change.path, change.value);
    const valueProblem = checkRecord(
      m,
      sent,
      m.changes.map((c) => c.path.join('.')),
    );
    if (valueProblem) {
      rejected.push(valueProblem);
      continue;
    }
    const version = await tx.nextVersion();
    const merged = mergeMutation(existing, m, version, ctx.author);
    const recordProblem = checkRecord(m, merged.record.data);
    if (recordProblem) {
      rejected.push(recordProblem);
      continue;
    }
    await tx.putRecord(merged.record);
    // Resolving a conflict is not itself a conflict worth logging.
    const conflicts = m.table === 'conflicts' ? [] : merged.conflicts;
    for (const c of conflicts) {
      const record = conflictRecord(c, m.mutationId, nowIso);
      await tx.putRecord({
        table: 'conflicts',
        id: record.id,
        data: record,
        fields: {},
        version: await tx.nextVersion(),
      });
    }
    for (const change of m.changes) await tx.raiseMaxStamp(change.stamp);
    const result: MutationResult = {
      mutationId: m.mutationId,
      status: 'applied',
      version,
      conflicts: conflicts.length,
    };
    await tx.saveMutation(m.clientId, result, nowIso);
    results.push(result);
  }
  if (rejected.length > 0) throw new BatchRejected(rejected);
  return results;
}
