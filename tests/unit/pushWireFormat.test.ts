import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutationSchema, type Mutation } from '../../src/domain/sync/mutation';
import { fromWire, toWire, wireMutationSchema } from '../../src/domain/sync/wireMutation';
import { asciiJson } from '../../src/sync/asciiJson';
import { PUSH_BATCH, PUSH_MAX_BYTES, pushBatchOf } from '../../src/sync/pushOutbox';

const stamp = fc.constantFrom(
  '001773133205120-000000-dev1',
  '001773133205120-000001-dev1',
  '001773133209999-000000-dev1',
);
const mutation: fc.Arbitrary<Mutation> = fc.record({
  mutationId: fc.uuid({ version: 4 }),
  clientId: fc.constant('dev1'),
  seq: fc.nat(),
  table: fc.constantFrom('organisations' as const, 'visits' as const),
  recordId: fc.uuid({ version: 4 }),
  baseVersion: fc.option(fc.nat(), { nil: null }),
  changes: fc.array(
    fc.record({
      path: fc.array(fc.constantFrom('name', 'needs', 'school', 'state'), {
        minLength: 1,
        maxLength: 3,
      }),
      value: fc.jsonValue({ maxDepth: 2 }),
      stamp,
    }),
    { maxLength: 8 },
  ),
  createdAt: fc.constant('2026-03-10T09:00:05.120Z'),
});

describe('the push form of an outbox entry', () => {
  it('says the shared stamp once and still gives back every change with its own stamp', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const wire = toWire(m);
        const parsed = wireMutationSchema.parse(JSON.parse(JSON.stringify(wire)));
        expect(fromWire(parsed)).toStrictEqual(mutationSchema.parse(JSON.parse(JSON.stringify(m))));
        // Only changes whose stamp differs from the mutation's name one.
        const own = wire.changes.filter((c) => c.stamp !== undefined);
        expect(own.every((c) => c.stamp !== wire.stamp)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('makes a new organisation of 30 fields about half as long', () => {
    const s = '001773133205120-000000-3f6c2a9e-8d1b-4c55-9a7e-2b1f0c4d5e6a';
    const m: Mutation = {
      mutationId: '0d5cf1d4-93a4-4c6e-8a55-0f3f2b8e7c11',
      clientId: '3f6c2a9e-8d1b-4c55-9a7e-2b1f0c4d5e6a',
      seq: 1,
      table: 'organisations',
      recordId: '6a1e4b2c-7d3f-4e8a-9b0c-1d2e3f4a5b6c',
      baseVersion: null,
      changes: Array.from({ length: 30 }, (_, i) => ({
        path: ['field', `f${i}`],
        value: `Wert ${i}`,
        stamp: s,
      })),
      createdAt: '2026-03-10T09:00:05.120Z',
    };
    const wire = toWire(m);
    expect(wire.stamp).toBe(s);
    expect(JSON.stringify(wire).length).toBeLessThan(JSON.stringify(m).length / 2);
  });
});

describe('push bodies in ASCII', () => {
  it('carry the same JSON value in bytes that are all ASCII', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
        const text = asciiJson(value);
        expect(/^[\x20-\x7e]*$/.test(text)).toBe(true);
        expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
    const names = {
      name: 'Türkisch-Deutscher Elternverein',
      ar: 'جمعية',
      emoji: '🤝',
      lone: '\ud800',
    };
    expect(JSON.parse(asciiJson(names))).toStrictEqual(names);
    expect(asciiJson({ name: 'Kita–Schule' })).toBe('{"name":"Kita\\u2013Schule"}');
  });
});

describe('cutting the outbox into pushes', () => {
  it('keeps every push below the size limit in bytes on the wire, also for Arabic text', () => {
    const stamp = '001773133205120-000000-dev1';
    const entries: Mutation[] = Array.from({ length: 400 }, (_, i) => ({
      mutationId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      clientId: 'dev1',
      seq: i,
      table: 'organisations',
      recordId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      baseVersion: null,
      changes: [{ path: ['goals'], value: 'جمعية ثقافية للأطفال والعائلات '.repeat(60), stamp }],
      createdAt: '2026-03-10T09:00:05.120Z',
    }));
    let rest = entries;
    let pushes = 0;
    while (rest.length > 0) {
      const { batch, wire } = pushBatchOf(rest.slice(0, PUSH_BATCH));
      const body = asciiJson({ clientId: 'dev1', epoch: null, clientTime: '', mutations: wire });
      expect(body.length).toBeLessThanOrEqual(PUSH_MAX_BYTES + 100);
      expect(new TextEncoder().encode(body).length).toBe(body.length);
      rest = rest.slice(batch.length);
      pushes += 1;
    }
    // Each entry is about 11 KB as sent: about 45 fit in one push.
    expect(pushes).toBeGreaterThan(5);
  });
});
