import type { FieldMeta } from '../../domain/sync/merge';

/**
 * `JSON.stringify(fields)` of a record's field metadata, serialising each writer list and each
 * write (FieldMeta object) once however many fields share it: the changes of one edit share one
 * stamp, and a new record's fields then share one list (`mergeNewRecord`), so a new record of 30
 * fields costs one serialisation of its writer instead of 30.
 * The text is exactly what `JSON.stringify` gives (same keys, same order, same escaping).
 */
export function fieldsJson(fields: Record<string, readonly FieldMeta[]>): string {
  const metas = new Map<FieldMeta, string>();
  const lists = new Map<readonly FieldMeta[], string>();
  const metaJson = (meta: FieldMeta): string => {
    let json = metas.get(meta);
    if (json === undefined) {
      json = JSON.stringify(meta);
      metas.set(meta, json);
    }
    return json;
  };
  const listJson = (writers: readonly FieldMeta[]): string => {
    let json = lists.get(writers);
    if (json === undefined) {
      json = '[';
      for (const [i, meta] of writers.entries())
        json += i === 0 ? metaJson(meta) : `,${metaJson(meta)}`;
      json += ']';
      lists.set(writers, json);
    }
    return json;
  };
  let out = '{';
  let first = true;
  for (const key in fields) {
    if (!Object.hasOwn(fields, key)) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${listJson(fields[key] as readonly FieldMeta[])}`;
    first = false;
  }
  return `${out}}`;
}
