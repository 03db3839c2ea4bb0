import { createHash } from 'node:crypto';
import { conflictClientFields, type ConflictRecord } from '../../domain/conflict';
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

export interface PushContext {
  now: Date;
  /** Display name of the person pushing, kept with each field for the conflict screen. */
  author: string;
  /** Scope check for one mutation: returns a rejection code or null when allowed. */
  authorize: (mutation: Mutation) => string | null;
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
        message: 'Field stamp is not a clock stamp of this client.',
      };
    }
    if (decodeHlc(change.stamp).wall > now.getTime() + STAMP_FUTURE_LIMIT_MS) {
      return {
        mutationId: m.mutationId,
        code: 'stamp_in_future',
        message: 'Field stamp is too far in the future; check the device clock.',
      };
    }
  }
  return null;
}

function checkConflictEdit(m: Mutation, exists: boolean): Rejection | null {
  if (m.table !== 'conflicts') return null;
  const ok =
    exists &&
    m.changes.every((c) => c.path.length === 1 && conflictClientFields.has(c.path[0] ?? ''));
  return ok
    ? null
    : {
        mutationId: m.mutationId,
        code: 'forbidden_field',
        message: 'Clients may only resolve conflicts.',
      };
}

/**
 * Applies a batch of mutations inside one store transaction. Each mutation is applied once:
 * a repeated mutationId returns its stored result. If any mutation is refused (scope, stamps,
 * or the merged record fails the shared schema), BatchRejected is thrown and the store rolls the
 * whole batch back, so the client can set those aside and push the rest again.
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
        message: 'Not allowed for this account.',
      });
      continue;
    }
    const stampProblem = checkStamps(m, ctx.now);
    if (stampProblem) {
      rejected.push(stampProblem);
      continue;
    }
    const existing = await tx.getRecord(m.table, m.recordId);
    const conflictProblem = checkConflictEdit(m, existing !== null);
    if (conflictProblem) {
      rejected.push(conflictProblem);
      continue;
    }
    const version = await tx.nextVersion();
    const merged = mergeMutation(existing, m, version, ctx.author);
    const valid = recordSchemas[m.table].safeParse(merged.record.data);
    if (!valid.success) {
      const issue = valid.error.issues[0];
      rejected.push({
        mutationId: m.mutationId,
        code: 'invalid_record',
        message: issue?.message ?? 'Record does not match its schema.',
        path: issue?.path.map(String).join('.') ?? '',
      });
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
