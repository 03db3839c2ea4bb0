import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromWire, wireMutationSchema } from '../../src/domain/sync/wireMutation';
import { quickMutation } from '../../src/server/sync/quickMutation';

/** Keys of every object in a value, in order: zod and the quick path must build the same shape. */
const shape = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(shape)
    : typeof v === 'object' && v !== null
      ? Object.entries(v).map(([k, x]) => [k, shape(x)])
      : v;

/** Mostly a valid value, sometimes one of the invalid ones. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>): fc.Arbitrary<T | U> =>
  fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: invalid });

const segment = mostly(
  fc.constantFrom('name', 'needs', 'a_b-9', 'x'.repeat(64)),
  fc.oneof(
    fc.constantFrom('x'.repeat(65), '', 'a.b', 'ü', 'a\n', '__proto__'),
    fc.string({ maxLength: 3 }),
    fc.integer(),
  ),
);
const stamp = mostly(
  fc.string({ maxLength: 5 }),
  fc.oneof(fc.constantFrom('s'.repeat(200), 's'.repeat(201)), fc.integer()),
);
const change = mostly(
  fc
    .record({
      path: mostly(
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.array(segment, { minLength: 0, maxLength: 6 }),
      ),
      value: fc.jsonValue({ maxDepth: 2 }),
      stamp,
      extra: fc.option(fc.integer(), { nil: undefined }),
      dropValue: fc.boolean(),
      // Without its own stamp, a change takes its mutation's (if the mutation has one).
      dropStamp: fc.boolean(),
    })
    .map(({ dropValue, dropStamp, ...c }) => {
      // A change without its value key (zod refuses it; `value: null` is fine).
      if (dropValue && c.value === null) Reflect.deleteProperty(c, 'value');
      if (dropStamp) Reflect.deleteProperty(c, 'stamp');
      return c;
    }),
  fc.anything({ maxDepth: 1 }),
);
/** Ids and whole numbers at the edges of what the schema takes. */
const uuid = mostly(
  fc.constantFrom(
    '2886babe-d556-4fdc-a982-0319fc349d6b',
    '2886BABE-D556-4FDC-A982-0319FC349D6B',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
  ),
  fc.oneof(
    fc.constantFrom(
      'not-a-uuid',
      7,
      '2886babe-d556-9fdc-a982-0319fc349d6b',
      '2886babe-d556-4fdc-c982-0319fc349d6b',
      ' 2886babe-d556-4fdc-a982-0319fc349d6b',
      '2886babe-d556-4fdc-a982-0319fc349d6b\n',
    ),
    fc.uuid({ version: [1, 4, 7] }),
  ),
);
const count = mostly(
  fc.constantFrom(0, 3, Number.MAX_SAFE_INTEGER),
  fc.constantFrom(-1, -0, 1.5, '3', 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, null),
);
const mutationLike = fc.record(
  {
    mutationId: uuid,
    clientId: mostly(
      fc.constantFrom('dafc2c83', 'c'.repeat(100)),
      fc.constantFrom('', 'c'.repeat(101), 7),
    ),
    seq: count,
    table: mostly(fc.constantFrom('contacts', 'conflicts', 'selfReports'), fc.constant('users')),
    recordId: uuid,
    baseVersion: mostly(fc.oneof(fc.constant(null), count), fc.constantFrom(undefined, '0')),
    stamp,
    changes: mostly(fc.array(change, { maxLength: 4 }), fc.constant('nope')),
    createdAt: mostly(
      fc.constantFrom(
        '2024-10-06T17:10:00.000Z',
        '2024-10-06T17:10:00Z',
        '2024-02-29T23:59:59.123456Z',
      ),
      fc.constantFrom(
        '2024-10-06',
        '2024-10-06T17:10:00+02:00',
        '2023-02-29T17:10:00.000Z',
        '2024-10-06T17:10:00.000z',
        '2024-10-06T17:10Z',
        '2024-10-06T24:00:00Z',
      ),
    ),
    extra: fc.anything({ maxDepth: 1 }),
  },
  { requiredKeys: ['mutationId', 'clientId', 'seq', 'table', 'recordId', 'changes', 'createdAt'] },
);

describe('quickMutation', () => {
  it('accepts only what zod accepts, and gives exactly what zod gives', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(mutationLike, (item) => {
        const quick = quickMutation(item);
        const zod = wireMutationSchema.safeParse(item);
        if (quick === null) {
          if (!zod.success) refused += 1;
          return;
        }
        accepted += 1;
        expect(zod.success).toBe(true);
        if (!zod.success) return;
        const stored = fromWire(zod.data);
        expect(quick).toStrictEqual(stored);
        expect(shape(quick)).toStrictEqual(shape(stored));
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the quick path often, or the comparison proves little, and must
    // bring invalid mutations that zod refuses just as often.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  }, 60_000);

  /** A contact's mutation as a device sends it, without its changes. */
  const plain = {
    mutationId: '2886babe-d556-4fdc-a982-0319fc349d6b',
    clientId: 'dafc2c83',
    seq: 2,
    table: 'contacts',
    recordId: '78093af1-b5b1-4e1a-8821-39438e24b627',
    baseVersion: null,
    createdAt: '2024-10-06T17:10:00.000Z',
  };

  it('takes the plain mutations devices send', () => {
    const item = {
      ...plain,
      changes: [{ path: ['consent', 'date'], value: '2024-10-06', stamp: 's' }],
    };
    expect(quickMutation(item)).toStrictEqual(fromWire(wireMutationSchema.parse(item)));
  });

  it('gives changes without a stamp of their own the stamp of their mutation', () => {
    const item = {
      ...plain,
      baseVersion: 4,
      stamp: 'shared',
      changes: [
        { path: ['name'], value: 'Ayşe' },
        { path: ['phone'], value: null, stamp: 'own' },
      ],
    };
    expect(quickMutation(item)?.changes).toEqual([
      { path: ['name'], value: 'Ayşe', stamp: 'shared' },
      { path: ['phone'], value: null, stamp: 'own' },
    ]);
    const unstamped = { ...item, stamp: undefined };
    expect(quickMutation(unstamped)).toBeNull();
    expect(wireMutationSchema.safeParse(unstamped).error?.issues[0]?.path).toEqual([
      'changes',
      0,
      'stamp',
    ]);
  });
});
