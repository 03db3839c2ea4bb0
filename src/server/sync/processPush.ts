import { createHash } from 'node:crypto';
import type { ConflictRecord } from '../../domain/conflict';
import { setAtPath } from '../../domain/sync/fieldChanges';
import { pathsApart } from '../../domain/sync/fieldPathIndex';
import { decodeHlc, isHlc } from '../../domain/sync/hlc';
import {
  mergeMutation,
  mergeNewRecord,
  type Conflict,
  type MergeResult,
  type StoredRecord,
} from '../../domain/sync/merge';
import type { Mutation } from '../../domain/sync/mutation';
import {
  STAMP_FUTURE_LIMIT_MS,
  type MutationResult,
  type Rejection,
} from '../../domain/sync/protocol';
import { BatchView } from './batchView';
import { identicalData, parseRecord, recordProblem, sameRecordProblem } from './recordCheck';
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
  // The changes of one edit usually share a stamp: one that passed passes again.
  let passed: string | null = null;
  for (const change of m.changes) {
    if (change.stamp === passed) continue;
    const decoded = isHlc(change.stamp) ? decodeHlc(change.stamp) : null;
    if (!decoded || decoded.node !== m.clientId) {
      return {
        mutationId: m.mutationId,
        code: 'stamp_invalid',
        message: `The stamp of "${change.path.join('.')}" is not a clock stamp of this client (<15-digit wall ms>-<6-digit counter>-${m.clientId}).`,
        path: change.path.join('.'),
      };
    }
    if (decoded.wall > now.getTime() + STAMP_FUTURE_LIMIT_MS) {
      return {
        mutationId: m.mutationId,
        code: 'stamp_in_future',
        message: `The stamp of "${change.path.join('.')}" is more than 7 days ahead of the server clock; check the device clock.`,
        path: change.path.join('.'),
      };
    }
    passed = change.stamp;
  }
  return null;
}

/** Property names that would reach an object's prototype instead of a field of the record. */
const RESERVED_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** `paths`: the dot-joined path of each change. */
function checkPaths(m: Mutation, paths: readonly string[]): Rejection | null {
  for (const [i, change] of m.changes.entries()) {
    const path = paths[i] as string;
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

type Judged = { merged: MergeResult; problem: null } | { merged: null; problem: Rejection };

/**
 * Merges a mutation into a record and judges both what was sent and the result. Every value sent
 * must be valid where it goes, even one that loses to a newer write (it would be kept in the
 * conflict log, and could be restored from there); the merged record must pass as a whole.
 * `apart`: no path of the mutation lies on or below another.
 */
async function judgeMerge(
  tx: SyncTx,
  existing: StoredRecord | null,
  m: Mutation,
  paths: readonly string[],
  apart: boolean,
  author: string,
): Promise<Judged> {
  const sent: Record<string, unknown> = existing
    ? structuredClone(existing.data)
    : { id: m.recordId };
  for (const change of m.changes) setAtPath(sent, change.path, change.value);
  const sentParsed = parseRecord(m, sent);
  // Judged before the merge: when paths are not apart, a write of the merge may go into a value
  // that `sent` shares, changing `sent` after it was parsed.
  const sentProblem = apart ? null : recordProblem(m, sentParsed, paths);
  if (sentProblem) return { merged: null, problem: sentProblem };
  const merged = mergeMutation(existing, m, await tx.nextVersion(), author);
  const data = merged.record.data;
  // Usually the merged record is exactly what was sent (nothing lost to a newer write): then one
  // look at the parse of `sent` judges both.
  const problem = !apart
    ? recordProblem(m, parseRecord(m, data))
    : identicalData(sent, data)
      ? sameRecordProblem(m, sentParsed, paths)
      : (recordProblem(m, sentParsed, paths) ?? recordProblem(m, parseRecord(m, data)));
  return problem ? { merged: null, problem } : { merged, problem: null };
}

/**
 * `judgeMerge` for a new record whose paths are apart (the case of every record a device
 * creates): it takes every change, so the merged record is the record sent, and one look at its
 * parse judges both.
 */
async function mergeNew(
  tx: SyncTx,
  m: Mutation,
  paths: readonly string[],
  author: string,
): Promise<Judged> {
  const merged = mergeNewRecord(m, paths, await tx.nextVersion(), author);
  const problem = sameRecordProblem(m, parseRecord(m, merged.record.data), paths);
  return problem ? { merged: null, problem } : { merged, problem: null };
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
  // The highest stamp applied: raised once for the batch, not once per field.
  let maxStamp = '';
  const view = await BatchView.load(tx, mutations);
  for (const m of mutations) {
    const seen = view.appliedResult(m.mutationId);
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
    const paths = m.changes.map((c) => c.path.join('.'));
    const pathProblem = checkPaths(m, paths);
    if (pathProblem) {
      rejected.push(pathProblem);
      continue;
    }
    const existing = view.record(m.table, m.recordId);
    const tableProblem = checkTableRules(m, existing !== null, ctx.source ?? 'sync');
    if (tableProblem) {
      rejected.push(tableProblem);
      continue;
    }
    const apart = pathsApart(paths);
    const { merged, problem } =
      existing === null && apart
        ? await mergeNew(tx, m, paths, ctx.author)
        : await judgeMerge(tx, existing, m, paths, apart, ctx.author);
    if (problem) {
      rejected.push(problem);
      continue;
    }
    const { version } = merged.record;
    await view.putRecord(merged.record);
    // Resolving a conflict is not itself a conflict worth logging.
    const conflicts = m.table === 'conflicts' ? [] : merged.conflicts;
    for (const c of conflicts) {
      const record = conflictRecord(c, m.mutationId, nowIso);
      await view.putRecord({
        table: 'conflicts',
        id: record.id,
        data: record,
        fields: {},
        version: await tx.nextVersion(),
      });
    }
    for (const change of m.changes) if (change.stamp > maxStamp) maxStamp = change.stamp;
    const result: MutationResult = {
      mutationId: m.mutationId,
      status: 'applied',
      version,
      conflicts: conflicts.length,
    };
    await view.saveMutation(m.clientId, result, nowIso);
    results.push(result);
  }
  if (rejected.length > 0) throw new BatchRejected(rejected);
  if (maxStamp !== '') await tx.raiseMaxStamp(maxStamp);
  return results;
}
