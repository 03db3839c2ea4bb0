import { deepEqual } from '../../../src/domain/sync/fieldChanges';
import { getAtPath } from '../../../src/domain/sync/merge';
import { syncTables, type Mutation } from '../../../src/domain/sync/mutation';
import type { SimClient } from './simClient';
import type { SimServer } from './simServer';

const related = (a: string, b: string): boolean =>
  a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
const BOOKKEEPING = new Set(['createdAt', 'updatedAt']);

async function snapshot(client: SimClient): Promise<Map<string, Map<string, unknown>>> {
  const out = new Map<string, Map<string, unknown>>();
  for (const table of syncTables) {
    const rows = (await client.db.table(table).toArray()) as { id: string }[];
    out.set(table, new Map(rows.map((r) => [r.id, r])));
  }
  return out;
}

/** Every replica holds exactly what the server holds, table by table, record by record. */
export async function expectConverged(
  server: SimServer,
  clients: readonly SimClient[],
): Promise<string[]> {
  const problems: string[] = [];
  const truth = server.records();
  for (const client of clients) {
    if ((await client.db.outbox.count()) > 0) problems.push(`${client.name}: outbox not empty`);
    if ((await client.db.quarantine.count()) > 0)
      problems.push(
        `${client.name}: quarantined ${JSON.stringify(await client.db.quarantine.toArray())}`,
      );
    const mine = await snapshot(client);
    for (const table of syncTables) {
      const theirs = truth.get(table) ?? new Map<string, Record<string, unknown>>();
      const local = mine.get(table) ?? new Map<string, unknown>();
      if (local.size !== theirs.size)
        problems.push(`${client.name}.${table}: ${local.size} records, server ${theirs.size}`);
      for (const [id, data] of theirs) {
        if (!deepEqual(local.get(id), data))
          problems.push(`${client.name}.${table}/${id} differs from server`);
      }
    }
  }
  return problems;
}

/**
 * Every edit ever made is the current value, or is kept in the conflict log, or was overwritten
 * by a later edit whose author had already seen it (same device, or pulled after it was applied).
 */
export function expectNoEditLost(server: SimServer, written: readonly Mutation[]): string[] {
  const problems: string[] = [];
  const truth = server.records();
  const applied = server.appliedVersions();
  const conflicts = [...(truth.get('conflicts')?.values() ?? [])] as {
    recordId: string;
    path: string;
    loser: { stamp: string; value: unknown };
    winner: { stamp: string };
  }[];
  const edits = written.flatMap((m) =>
    m.changes.map((c) => ({ m, path: c.path.join('.'), value: c.value, stamp: c.stamp })),
  );
  for (const m of written)
    if (!applied.has(m.mutationId))
      problems.push(`mutation ${m.mutationId} never reached the server`);
  for (const e of edits) {
    if (BOOKKEEPING.has(e.path)) continue;
    const record = truth.get(e.m.table)?.get(e.m.recordId);
    if (record && deepEqual(getAtPath(record, e.path.split('.')), e.value)) continue;
    // Kept in the log: this very edit lost, or the same value lost there (two devices wrote it).
    const logged = conflicts.some(
      (c) =>
        c.recordId === e.m.recordId &&
        related(c.path, e.path) &&
        (c.loser.stamp === e.stamp || (c.path === e.path && deepEqual(c.loser.value, e.value))),
    );
    if (logged) continue;
    const version = applied.get(e.m.mutationId) ?? Infinity;
    // Overwritten knowingly: the later edit's author had seen this edit, or had itself written
    // the same value before (it decided on the same state of the field).
    const superseded = edits.some(
      (o) =>
        o.m.recordId === e.m.recordId &&
        related(o.path, e.path) &&
        o.stamp > e.stamp &&
        (o.m.clientId === e.m.clientId ||
          (o.m.baseVersion ?? 0) >= version ||
          edits.some(
            (same) =>
              same.m.clientId === o.m.clientId &&
              same.m.recordId === e.m.recordId &&
              same.path === e.path &&
              same.stamp < o.stamp &&
              deepEqual(same.value, e.value),
          )),
    );
    if (!superseded)
      problems.push(
        `edit lost: ${e.m.table}/${e.m.recordId} ${e.path}=${JSON.stringify(e.value)} by ${e.m.clientId}`,
      );
  }
  return problems;
}
