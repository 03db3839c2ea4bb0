import { z } from 'zod';
import {
  changeLimits,
  syncTables,
  type Mutation,
  type SyncTable,
} from '../../domain/sync/mutation';

const {
  segment: SEGMENT,
  maxPathLength: MAX_PATH,
  maxStampLength: MAX_STAMP,
  maxChanges: MAX_CHANGES,
} = changeLimits;

/**
 * The patterns behind `z.uuid()` and `z.iso.datetime()` (the ids and `createdAt` of
 * `mutationSchema`), built by zod itself; tests/unit/quickMutation.test.ts checks that this path
 * accepts nothing the schema refuses, at the edges of both patterns too.
 */
const UUID = z.regexes.uuid();
const DATETIME = z.regexes.datetime({});
const TABLES: ReadonlySet<unknown> = new Set(syncTables);
const MAX_CLIENT_ID = 100;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.getPrototypeOf(v) === Object.prototype;

/** A whole number zod's `.int().min(0)` takes (a safe integer, not negative). */
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

const isStamp = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_STAMP;

/** One change; `shared` is the mutation's stamp, which a change without its own takes. */
function quickChange(c: unknown, shared: string | undefined): Mutation['changes'][number] | null {
  if (!isPlainObject(c) || !Object.hasOwn(c, 'value')) return null;
  const { path } = c;
  const stamp = c.stamp === undefined ? shared : c.stamp;
  if (!isStamp(stamp)) return null;
  if (!Array.isArray(path) || path.length < 1 || path.length > MAX_PATH) return null;
  for (const segment of path)
    if (typeof segment !== 'string' || !SEGMENT.test(segment)) return null;
  return { path: path as string[], value: c.value, stamp };
}

/**
 * `fromWire(wireMutationSchema.parse(item))` for a mutation that is well-formed in the plain way
 * devices send them, without walking it through zod: every field is checked here against the
 * schema's own limits and patterns, and each change gets the mutation's `stamp` unless it has
 * its own. Returns null whenever anything is unusual (or merely not
 * checked here); the caller then parses with zod itself, which decides and names the problem.
 * So this accepts nothing zod refuses. The result is built like zod's: fields in the schema's
 * order, unknown keys dropped, values as sent; each path is the array that was parsed (zod copies
 * it; nothing else holds the parsed request, and nothing changes a path).
 */
export function quickMutation(item: unknown): Mutation | null {
  if (!isPlainObject(item)) return null;
  const { mutationId, clientId, seq, table, recordId, baseVersion, changes, createdAt } = item;
  const shared = item.stamp;
  if (shared !== undefined && !isStamp(shared)) return null;
  if (typeof mutationId !== 'string' || !UUID.test(mutationId)) return null;
  if (typeof clientId !== 'string' || clientId.length < 1 || clientId.length > MAX_CLIENT_ID)
    return null;
  if (!isCount(seq) || !TABLES.has(table)) return null;
  if (typeof recordId !== 'string' || !UUID.test(recordId)) return null;
  if (baseVersion !== null && !isCount(baseVersion)) return null;
  if (typeof createdAt !== 'string' || !DATETIME.test(createdAt)) return null;
  if (!Array.isArray(changes) || changes.length > MAX_CHANGES) return null;
  const parsedChanges: Mutation['changes'] = [];
  for (const c of changes) {
    const change = quickChange(c, shared);
    if (!change) return null;
    parsedChanges.push(change);
  }
  return {
    mutationId,
    clientId,
    seq,
    table: table as SyncTable,
    recordId,
    baseVersion,
    changes: parsedChanges,
    createdAt,
  };
}
