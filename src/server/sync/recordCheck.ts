import type { z } from 'zod';
import { deepEqual } from '../../domain/sync/fieldChanges';
import type { Mutation } from '../../domain/sync/mutation';
import type { Rejection } from '../../domain/sync/protocol';
import { recordSchemas } from '../../domain/tables';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const related = (a: string, b: string): boolean =>
  a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/** A record as its table's schema sees it: parsed once, judged for any set of paths. */
export interface ParsedRecord {
  data: Record<string, unknown>;
  parsed: z.ZodSafeParseResult<unknown>;
}

export function parseRecord(m: Mutation, data: Record<string, unknown>): ParsedRecord {
  return { data, parsed: recordSchemas[m.table].safeParse(data) };
}

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
 * The record must pass its table's schema and be exactly what the schema describes: no fields
 * the schema does not know (they would be stored and sent to every device) and values in normal
 * form (e.g. trimmed text). With `onlyPaths`, problems elsewhere in the record are not counted.
 */
export function recordProblem(
  m: Mutation,
  { data, parsed }: ParsedRecord,
  onlyPaths?: readonly string[],
): Rejection | null {
  const counts = (path: string): boolean =>
    onlyPaths === undefined || onlyPaths.some((p) => related(p, path));
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

/**
 * `recordProblem(m, parsed, paths) ?? recordProblem(m, parsed)` for a record that is both the one
 * sent and the merged one: judged once as a whole, and only when that finds a problem once more
 * for the changed paths (which come first).
 */
export function sameRecordProblem(
  m: Mutation,
  parsed: ParsedRecord,
  paths: readonly string[],
): Rejection | null {
  const anywhere = recordProblem(m, parsed);
  return anywhere && (recordProblem(m, parsed, paths) ?? anywhere);
}

/**
 * Whether two records are the same value in every respect a schema check can see: same keys in
 * the same order, leaves identical by `Object.is`. Then parsing one stands for parsing the other.
 */
export function identicalData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!identicalData(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i += 1) {
    const k = ka[i] as string;
    if (k !== kb[i] || !identicalData(a[k], b[k])) return false;
  }
  return true;
}
