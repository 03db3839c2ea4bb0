import type { ReferenceKind } from '../../domain/referenceData';
import type { DataTable } from '../../domain/sync/mutation';
import { fieldSpec, type ValueFormat } from './fieldSpec';

/** A value as people should see it, before translation and Intl formatting. Pure data. */
export type ValueView =
  | { kind: 'empty' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'number'; value: number; style: 'plain' | 'year' | 'percent' | 'money' }
  /** Typed by a person: keeps its own writing direction. */
  | { kind: 'text'; text: string }
  /** A code or id: shown as it is. */
  | { kind: 'raw'; text: string }
  /** A translation key. */
  | { kind: 'key'; key: string }
  | { kind: 'ref'; refKind: ReferenceKind; code: string }
  | { kind: 'language'; code: string }
  | { kind: 'region'; code: string }
  | { kind: 'date'; value: string }
  /** A timestamp (ISO date and time). */
  | { kind: 'dateTime'; value: string }
  | { kind: 'list'; items: ValueView[] }
  /** An object: its parts with their labels (translation keys, or the raw key when unknown). */
  | { kind: 'fields'; entries: { label: string | null; key: string; value: ValueView }[] };

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function scalar(value: string | number | boolean, format: ValueFormat): ValueView {
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'number') {
    const style =
      format.type === 'year' || format.type === 'percent' || format.type === 'money'
        ? format.type
        : 'plain';
    return { kind: 'number', value, style };
  }
  switch (format.type) {
    case 'enum':
      return format.values.includes(value)
        ? { kind: 'key', key: `${format.prefix}.${value}` }
        : { kind: 'raw', text: value };
    case 'ref':
      return { kind: 'ref', refKind: format.kind, code: value };
    case 'language':
      return { kind: 'language', code: value };
    case 'region':
      return { kind: 'region', code: value };
    case 'date':
      return ISO_DATE.test(value) ? { kind: 'date', value } : { kind: 'raw', text: value };
    case 'dateTime':
      return Number.isNaN(Date.parse(value))
        ? { kind: 'raw', text: value }
        : { kind: 'dateTime', value };
    case 'raw':
      return { kind: 'raw', text: value };
    default:
      return { kind: 'text', text: value };
  }
}

function describe(
  table: DataTable,
  path: readonly string[],
  value: unknown,
  format: ValueFormat,
): ValueView {
  if (isEmpty(value)) return { kind: 'empty' };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return scalar(value, format);
  }
  if (Array.isArray(value)) {
    return { kind: 'list', items: value.map((v: unknown) => describe(table, path, v, format)) };
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => !isEmpty(v))
      .map(([key, v]) => {
        const spec = fieldSpec(table, [...path, key]);
        return {
          key,
          label: spec?.label[spec.label.length - 1] ?? null,
          value: describe(table, [...path, key], v, spec?.format ?? { type: 'plain' }),
        };
      });
    return entries.length === 0 ? { kind: 'empty' } : { kind: 'fields', entries };
  }
  // Not reachable from JSON; shown rather than hidden if it ever happens.
  return typeof value === 'bigint' ? { kind: 'raw', text: value.toString() } : { kind: 'empty' };
}

/**
 * The value a conflict side holds at a record's field path, described for display: checklist
 * states and other fixed values become translation keys, codes become labels, objects are
 * broken into labelled parts. Null, '' and [] are "empty".
 */
export function describeValue(table: DataTable, path: string, value: unknown): ValueView {
  const segments = path.split('.');
  const format = fieldSpec(table, segments)?.format ?? { type: 'plain' };
  return describe(table, segments, value, format);
}
