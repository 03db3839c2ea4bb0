import { conflictClientFields } from '../../domain/conflict';
import type { Mutation } from '../../domain/sync/mutation';
import type { Rejection } from '../../domain/sync/protocol';

/**
 * Who writes a mutation: a device through `/sync/push`, or the server itself on behalf of a
 * representative (`POST /api/self-report`, which builds the self-report record).
 */
export type PushSource = 'sync' | 'selfReport';

/** Fields of a self-report a coordinator may change through sync: their decisions. */
export function isSelfReportCoordinatorPath(path: readonly string[]): boolean {
  return path[0] === 'decisions' || (path.length === 1 && path[0] === 'updatedAt');
}

const refuse = (m: Mutation, message: string, path = ''): Rejection => ({
  mutationId: m.mutationId,
  code: 'forbidden_field',
  message,
  path,
});

/** Conflict records are written by the server; devices may only resolve existing ones. */
function checkConflictEdit(m: Mutation, exists: boolean): Rejection | null {
  if (!exists) {
    return refuse(m, 'Conflict records are written by the server; clients may only resolve them.');
  }
  const bad = m.changes.find(
    (c) => c.path.length !== 1 || !conflictClientFields.has(c.path[0] ?? ''),
  );
  return bad
    ? refuse(
        m,
        `Clients may only change resolution, resolvedAt and updatedAt of a conflict, not "${bad.path.join('.')}".`,
        bad.path.join('.'),
      )
    : null;
}

/**
 * Self-reports are created only by representatives through their invitation link; coordinators
 * record their decisions on them, the answers stay as the representative typed them.
 */
function checkSelfReportEdit(m: Mutation, exists: boolean, source: PushSource): Rejection | null {
  if (source === 'selfReport') return null;
  if (!exists) {
    return refuse(
      m,
      'Self-reports are sent by representatives through their invitation link; they cannot be created through sync.',
    );
  }
  const bad = m.changes.find((c) => !isSelfReportCoordinatorPath(c.path));
  return bad
    ? refuse(
        m,
        `Coordinators may only change decisions and updatedAt of a self-report, not "${bad.path.join('.')}".`,
        bad.path.join('.'),
      )
    : null;
}

/**
 * Tables whose records devices may not write freely: `conflicts` (only resolved) and
 * `selfReports` (only decided). Returns a `forbidden_field` rejection, or null.
 */
export function checkTableRules(
  m: Mutation,
  exists: boolean,
  source: PushSource,
): Rejection | null {
  switch (m.table) {
    case 'conflicts':
      return checkConflictEdit(m, exists);
    case 'selfReports':
      return checkSelfReportEdit(m, exists, source);
    default:
      return null;
  }
}
