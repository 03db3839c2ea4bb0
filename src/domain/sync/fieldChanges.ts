/**
 * Field-level changes between two versions of a record. Plain objects are walked down to their
 * leaves, so two people editing different fields (or different checklist items) never collide.
 * Arrays and primitives are leaves: they change as a whole.
 */
export interface FieldChange {
  path: string[];
  value: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** The id is the record's address, not a field. */
const IGNORED = new Set(['id']);

export function fieldChanges(before: unknown, after: unknown, path: string[] = []): FieldChange[] {
  if (isPlainObject(after) && (isPlainObject(before) || before === undefined || before === null)) {
    const prev = isPlainObject(before) ? before : {};
    const keys = new Set([...Object.keys(prev), ...Object.keys(after)]);
    // An empty object that did not exist before is a leaf, so the record keeps its shape.
    if (keys.size === 0) return isPlainObject(before) ? [] : [{ path, value: {} }];
    const out: FieldChange[] = [];
    for (const key of keys) {
      if (path.length === 0 && IGNORED.has(key)) continue;
      out.push(...fieldChanges(prev[key], after[key], [...path, key]));
    }
    return out;
  }
  if (deepEqual(before, after)) return [];
  return [{ path, value: after === undefined ? null : after }];
}

/** Every leaf of a new record: its first mutation carries all fields. */
export function allFields(record: unknown): FieldChange[] {
  return fieldChanges({}, record);
}

export function setAtPath(
  target: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
): void {
  let node: Record<string, unknown> = target;
  const last = path.length - 1;
  for (let i = 0; i < last; i += 1) {
    const key = path[i] as string;
    const next = node[key];
    if (!isPlainObject(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  if (last >= 0) node[path[last] as string] = value;
}
