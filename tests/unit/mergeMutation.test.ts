import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathsApart } from '../../src/domain/sync/fieldPathIndex';
import { encodeHlc } from '../../src/domain/sync/hlc';
import { mergeMutation, type FieldMeta, type StoredRecord } from '../../src/domain/sync/merge';
import type { Mutation } from '../../src/domain/sync/mutation';
import { mergeMutationOracle } from './mergeMutationOracle';

/**
 * The indexed `mergeMutation` against the version that scanned every stored field for every
 * change (`mergeMutationOracle`): same record, same field metadata in the same key order, same
 * conflicts in the same order, same effect on its inputs. Paths come from a few names (some
 * integer-like, which objects order first) so that paths above, below and equal to each other,
 * equal stamps and concurrent writers are common.
 */
const RECORD_ID = '00000000-0000-4000-8000-000000000001';
const clients = ['a', 'b', 'c'];
const segment = fc.constantFrom('x', 'y', '1', '10', 'updatedAt');
const path: fc.Arbitrary<string[]> = fc.oneof(
  fc.array(segment, { minLength: 1, maxLength: 3 }),
  // Few distinct paths: a path and those above it are often all written.
  fc.constantFrom<string[]>(['x'], ['x', '1'], ['x', '1', 'y'], ['1'], ['1', 'x']),
);
const stamp = fc
  .record({
    wall: fc.integer({ min: 1, max: 3 }),
    counter: fc.constant(0),
    node: fc.constantFrom(...clients),
  })
  .map(encodeHlc);

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('p', 'q', 0, 1, true, null),
    fc.array(fc.constantFrom('p', 'q'), { maxLength: 2 }),
    tie('obj'),
  ),
  obj: fc.dictionary(segment, tie('value'), { maxKeys: 3 }),
}));

const fieldMeta: fc.Arbitrary<FieldMeta> = fc.record({
  stamp,
  clientId: fc.constantFrom(...clients),
  author: fc.constantFrom('Ana', 'Ben'),
  version: fc.integer({ min: 1, max: 6 }),
});

const storedRecord: fc.Arbitrary<StoredRecord | null> = fc.option(
  fc.record({
    table: fc.constant('organisations' as const),
    id: fc.constant(RECORD_ID),
    data: json.obj.map((d) => ({ ...d, id: RECORD_ID })),
    fields: fc
      .array(fc.tuple(path, fc.array(fieldMeta, { minLength: 1, maxLength: 3 })), {
        maxLength: 6,
      })
      .map((entries) => Object.fromEntries(entries.map(([p, w]) => [p.join('.'), w]))),
    version: fc.integer({ min: 1, max: 6 }),
  }),
  { freq: 4 },
);

const mutation: fc.Arbitrary<Mutation> = fc
  .record({
    clientId: fc.constantFrom(...clients),
    baseVersion: fc.option(fc.integer({ min: 0, max: 6 })),
    changes: fc.array(fc.record({ path, value: json.value, stamp }), { maxLength: 8 }),
  })
  .map(({ clientId, baseVersion, changes }) => ({
    mutationId: '00000000-0000-4000-8000-000000000002',
    clientId,
    seq: 1,
    table: 'organisations',
    recordId: RECORD_ID,
    baseVersion,
    changes,
    createdAt: '2026-03-10T09:00:00.000Z',
  }));

type Merge = typeof mergeMutation;

/** Runs a merge on copies of its inputs: the outcome (or error) and what became of the inputs. */
function outcome(merge: Merge, record: StoredRecord | null, m: Mutation, version: number) {
  const input = structuredClone({ record, m });
  try {
    const result = merge(input.record, input.m, version, 'Cem');
    return { result, json: JSON.stringify(result), input: JSON.stringify(input) };
  } catch (error) {
    return { error: String(error), input: JSON.stringify(input) };
  }
}

describe('mergeMutation', () => {
  it('agrees with the scanning version on any stored record and mutation', () => {
    fc.assert(
      fc.property(storedRecord, mutation, fc.integer({ min: 1, max: 8 }), (record, m, version) => {
        const fast = outcome(mergeMutation, record, m, version);
        const slow = outcome(mergeMutationOracle, record, m, version);
        expect(fast).toStrictEqual(slow);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('agrees with the scanning version over a history of mutations', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (history) => {
        let fast: StoredRecord | null = null;
        let slow: StoredRecord | null = null;
        for (const [i, m] of history.entries()) {
          const a = mergeMutation(fast, structuredClone(m), i + 1, 'Cem');
          const b = mergeMutationOracle(slow, structuredClone(m), i + 1, 'Cem');
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
          fast = a.record;
          slow = b.record;
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('agrees with the scanning version on new records whose paths are apart', () => {
    const apart = mutation.filter(
      (m) => m.changes.length > 1 && pathsApart(m.changes.map((c) => c.path.join('.'))),
    );
    let stampsShared = 0;
    fc.assert(
      fc.property(apart, fc.integer({ min: 1, max: 8 }), (m, version) => {
        if (new Set(m.changes.map((c) => c.stamp)).size < m.changes.length) stampsShared += 1;
        expect(outcome(mergeMutation, null, m, version)).toStrictEqual(
          outcome(mergeMutationOracle, null, m, version),
        );
      }),
      { numRuns: 300 },
    );
    // Changes sharing a stamp share one metadata object: that case must come up.
    expect(stampsShared).toBeGreaterThan(10);
  });

  it('a new record takes every change and no conflict', () => {
    const stampOf = encodeHlc({ wall: 5, counter: 0, node: 'a' });
    const m: Mutation = {
      mutationId: '00000000-0000-4000-8000-000000000002',
      clientId: 'a',
      seq: 1,
      table: 'organisations',
      recordId: RECORD_ID,
      baseVersion: null,
      changes: [
        { path: ['name'], value: 'A', stamp: stampOf },
        { path: ['needs', 'school', 'state'], value: 'needed', stamp: stampOf },
      ],
      createdAt: '2026-03-10T09:00:00.000Z',
    };
    const { record, conflicts } = mergeMutation(null, m, 7, 'Cem');
    expect(conflicts).toEqual([]);
    expect(record.data).toEqual({
      id: RECORD_ID,
      name: 'A',
      needs: { school: { state: 'needed' } },
    });
    const meta = { stamp: stampOf, clientId: 'a', author: 'Cem', version: 7 };
    expect(record.fields).toEqual({ name: [meta], 'needs.school.state': [meta] });
  });
});
