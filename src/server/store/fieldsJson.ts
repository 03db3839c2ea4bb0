import type { FieldMeta } from '../../domain/sync/merge';

/**
 * `JSON.stringify(fields)` of a record's field metadata, serialising each write (FieldMeta
 * object) once however many fields share it: the changes of one edit usually share one stamp and
 * therefore one object, so a new record of 30 fields costs one serialisation instead of 30.
 * The text is exactly what `JSON.stringify` gives (same keys, same order, same escaping).
 */
export function fieldsJson(fields: Record<string, readonly FieldMeta[]>): string {
  const seen = new Map<FieldMeta, string>();
  const metaJson = (meta: FieldMeta): string => {
    let json = seen.get(meta);
    if (json === undefined) {
      json = JSON.stringify(meta);
      seen.set(meta, json);
    }
    return json;
  };
  const parts: string[] = [];
  for (const [key, writers] of Object.entries(fields)) {
    let list = '';
    for (const meta of writers) list += list === '' ? metaJson(meta) : `,${metaJson(meta)}`;
    parts.push(`${JSON.stringify(key)}:[${list}]`);
  }
  return `{${parts.join(',')}}`;
}
