import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allFields, fieldChanges, setAtPath } from '../../src/domain/sync/fieldChanges';
import {
  compareHlc,
  decodeHlc,
  encodeHlc,
  initialHlc,
  receive,
  tick,
} from '../../src/domain/sync/hlc';

describe('hybrid logical clock', () => {
  it('encodes and decodes losslessly', () => {
    const h = { wall: 1_780_000_000_000, counter: 7, node: 'tablet-1' };
    expect(decodeHlc(encodeHlc(h))).toEqual(h);
  });

  it('never goes backwards even when the wall clock does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4_000_000_000_000 }), { minLength: 1, maxLength: 50 }),
        (times) => {
          let h = initialHlc('a');
          let last = encodeHlc(h);
          for (const t of times) {
            h = tick(h, t);
            const next = encodeHlc(h);
            expect(compareHlc(next, last)).toBe(1);
            last = next;
          }
        },
      ),
    );
  });

  it('after receiving a remote stamp, the next local stamp sorts after it', () => {
    fc.assert(
      fc.property(
        fc.nat(4_000_000_000_000),
        fc.nat(4_000_000_000_000),
        fc.nat(1000),
        (local, remote, now) => {
          const mine = tick(initialHlc('a'), local);
          const theirs = tick(initialHlc('b'), remote);
          const merged = tick(receive(mine, theirs, now), now);
          expect(compareHlc(encodeHlc(merged), encodeHlc(theirs))).toBe(1);
          expect(compareHlc(encodeHlc(merged), encodeHlc(mine))).toBe(1);
        },
      ),
    );
  });
});

describe('field changes', () => {
  it('walks nested objects down to leaves so different checklist items never collide', () => {
    const before = { id: 'x', needs: { school: { state: 'unknown', note: '' } }, tags: ['a'] };
    const after = {
      id: 'x',
      needs: { school: { state: 'needed', note: '' }, youthWork: { state: 'needed', note: '' } },
      tags: ['a', 'b'],
    };
    expect(fieldChanges(before, after)).toEqual([
      { path: ['needs', 'school', 'state'], value: 'needed' },
      { path: ['needs', 'youthWork', 'state'], value: 'needed' },
      { path: ['needs', 'youthWork', 'note'], value: '' },
      { path: ['tags'], value: ['a', 'b'] },
    ]);
  });

  it('replaying the changes on the old record gives the new one', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.string(), { maxLength: 3 }),
        tie('obj'),
      ),
      obj: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(json.obj, json.obj, (before, after) => {
        const copy: Record<string, unknown> = structuredClone(before);
        for (const c of fieldChanges(before, after)) setAtPath(copy, c.path, c.value);
        // Removed keys come back as null: records never lose fields, they are cleared.
        const normalise = (v: unknown): unknown =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(
                Object.entries(v)
                  .filter(([, x]) => x !== null)
                  .map(([k, x]) => [k, normalise(x)]),
              )
            : v;
        expect(normalise(copy)).toEqual(normalise(after));
      }),
    );
  });

  it('a new record carries every field but its id', () => {
    const paths = allFields({
      id: '1',
      createdAt: 'x',
      updatedAt: 'y',
      name: 'A',
      members: { memberCount: 3 },
    }).map((c) => c.path.join('.'));
    expect(paths).toEqual(['createdAt', 'updatedAt', 'name', 'members.memberCount']);
  });
});
