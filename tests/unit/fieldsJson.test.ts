import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldMeta } from '../../src/domain/sync/merge';
import { mergeNewRecord } from '../../src/domain/sync/merge';
import type { Mutation } from '../../src/domain/sync/mutation';
import { fieldsJson } from '../../src/server/store/fieldsJson';

const meta: fc.Arbitrary<FieldMeta> = fc.record({
  stamp: fc.string(),
  clientId: fc.string(),
  author: fc.string({ unit: 'binary' }),
  version: fc.nat(),
});

/** Field paths as they come: dotted names, integer-like keys (sorted first), quotes, emoji. */
const key = fc.oneof(
  fc.constantFrom('name', 'needs.school.state', '0', '10', '2', 'a"b', 'ü\\', '😀', ''),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

describe('field metadata as stored on the server', () => {
  it('is exactly JSON.stringify of the fields, however lists and writes are shared', () => {
    fc.assert(
      fc.property(
        fc.array(meta, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(key, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.boolean()), {
          maxLength: 12,
        }),
        (metas, entries) => {
          const fields: Record<string, readonly FieldMeta[]> = {};
          let shared: readonly FieldMeta[] = [metas[0] as FieldMeta];
          for (const [k, picks, share] of entries) {
            if (!share) shared = picks.map((i) => metas[i % metas.length] as FieldMeta);
            fields[k] = shared;
          }
          expect(fieldsJson(fields)).toBe(JSON.stringify(fields));
        },
      ),
    );
  });

  it('of a new record whose fields share one writer says that writer for every field', () => {
    const mutation: Mutation = {
      mutationId: '8c1e4c56-3c1e-4a57-9b0e-6f7f0e2d9a10',
      clientId: 'tablet-1',
      seq: 1,
      table: 'organisations',
      recordId: '5b7f0c2e-1d3a-4c5b-8e9f-0a1b2c3d4e5f',
      baseVersion: null,
      changes: [
        { path: ['name'], value: 'Verein', stamp: 's1' },
        { path: ['address', 'street'], value: 'Weg 1', stamp: 's1' },
        { path: ['district'], value: 'mitte', stamp: 's2' },
      ],
      createdAt: '2026-11-26T08:00:00.000Z',
    };
    const paths = mutation.changes.map((c) => c.path.join('.'));
    const { record } = mergeNewRecord(mutation, paths, 7, 'Koordination');
    expect(record.fields['name']).toBe(record.fields['address.street']);
    expect(record.fields['district']).not.toBe(record.fields['name']);
    expect(JSON.parse(fieldsJson(record.fields))).toEqual({
      name: [{ stamp: 's1', clientId: 'tablet-1', author: 'Koordination', version: 7 }],
      'address.street': [{ stamp: 's1', clientId: 'tablet-1', author: 'Koordination', version: 7 }],
      district: [{ stamp: 's2', clientId: 'tablet-1', author: 'Koordination', version: 7 }],
    });
    expect(record.data).toEqual({
      id: mutation.recordId,
      name: 'Verein',
      address: { street: 'Weg 1' },
      district: 'mitte',
    });
  });
});
