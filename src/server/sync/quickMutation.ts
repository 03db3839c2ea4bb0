import { changeLimits, mutationSchema, type Mutation } from '../../domain/sync/mutation';

/** The mutation without its changes: the few fields zod checks once per mutation. */
const shellSchema = mutationSchema.omit({ changes: true });

const {
  segment: SEGMENT,
  maxPathLength: MAX_PATH,
  maxStampLength: MAX_STAMP,
  maxChanges: MAX_CHANGES,
} = changeLimits;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.getPrototypeOf(v) === Object.prototype;

function quickChange(c: unknown): Mutation['changes'][number] | null {
  if (!isPlainObject(c) || !Object.hasOwn(c, 'value')) return null;
  const { path, stamp } = c;
  if (typeof stamp !== 'string' || stamp.length > MAX_STAMP) return null;
  if (!Array.isArray(path) || path.length < 1 || path.length > MAX_PATH) return null;
  for (const segment of path)
    if (typeof segment !== 'string' || !SEGMENT.test(segment)) return null;
  return { path: path.slice() as string[], value: c.value, stamp };
}

/**
 * `mutationSchema.safeParse(item).data` for a mutation that is well-formed in the plain way
 * devices send them, without walking every change through zod: the changes are checked here
 * against the same limits, the rest by zod. Returns null whenever anything is unusual; the caller
 * then parses with zod itself, which names the problem. The result is built like zod's: fields in
 * the schema's order, unknown keys dropped, paths copied, values as sent.
 */
export function quickMutation(item: unknown): Mutation | null {
  if (!isPlainObject(item)) return null;
  const changes = item.changes;
  if (!Array.isArray(changes) || changes.length > MAX_CHANGES) return null;
  const parsedChanges: Mutation['changes'] = [];
  for (const c of changes) {
    const change = quickChange(c);
    if (!change) return null;
    parsedChanges.push(change);
  }
  const shell = shellSchema.safeParse(item);
  if (!shell.success) return null;
  const s = shell.data;
  return {
    mutationId: s.mutationId,
    clientId: s.clientId,
    seq: s.seq,
    table: s.table,
    recordId: s.recordId,
    baseVersion: s.baseVersion,
    changes: parsedChanges,
    createdAt: s.createdAt,
  };
}
