import { setAtPath } from '../domain/sync/fieldChanges';
import type { Mutation } from '../domain/sync/mutation';

/**
 * The local view of a record: what the server last sent, with this device's pending edits
 * replayed on top in the order they were made. Pure.
 */
export function rebase(
  server: Record<string, unknown> | null,
  pending: readonly Mutation[],
): Record<string, unknown> | null {
  if (server === null && pending.length === 0) return null;
  const data: Record<string, unknown> = structuredClone(server ?? {});
  for (const m of [...pending].sort((a, b) => a.seq - b.seq)) {
    if (server === null && !('id' in data)) data.id = m.recordId;
    for (const c of m.changes) setAtPath(data, c.path, c.value);
  }
  return data;
}
