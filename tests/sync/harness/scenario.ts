import fc from 'fast-check';
import { needsCatalogue } from '../../../src/domain/needsCatalogue';
import type { Fault } from './faultyNetwork';

export type Op =
  | { kind: 'createOrg'; client: number; name: string }
  | {
      kind: 'editOrg';
      client: number;
      pick: number;
      field: 'name' | 'memberCount' | 'need' | 'district' | 'status' | 'delete';
      value: number;
    }
  | {
      kind: 'visit';
      client: number;
      pick: number;
      item: string;
      state: 'needed' | 'notNeeded' | 'resolved';
    }
  | { kind: 'sync'; client: number; faults: Fault[] }
  | { kind: 'restartServer' }
  | { kind: 'kill'; client: number }
  | { kind: 'releaseHeld' }
  | { kind: 'tick'; ms: number };

const client = fc.nat(2);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const fault = fc.constantFrom<Fault>(
  'ok',
  'ok',
  'ok',
  'dropRequest',
  'dropResponse',
  'duplicate',
  'hold',
  'restartAfter',
);

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('createOrg' as const),
      client,
      name: fc.constantFrom(
        'Kulturverein',
        'Elternverein',
        'Sportclub',
        'Moscheegemeinde',
        'Frauentreff',
      ),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('editOrg' as const),
      client,
      pick: fc.nat(3),
      field: fc.constantFrom(
        'name' as const,
        'memberCount' as const,
        'need' as const,
        'district' as const,
        'status' as const,
        'delete' as const,
      ),
      value: fc.nat(5),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('visit' as const),
      client,
      pick: fc.nat(3),
      item: fc.constantFrom(...needsCatalogue.slice(0, 6).map((i) => i.id)),
      state: fc.constantFrom('needed' as const, 'notNeeded' as const, 'resolved' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      client,
      faults: fc.array(fault, { maxLength: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'restartServer' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('kill' as const), client }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'releaseHeld' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('tick' as const),
      ms: fc.integer({ min: 1, max: 10 * 60_000 }),
    }),
  },
);

export const scenarioArb = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  skews: fc.tuple(...[0, 1, 2].map(() => fc.constantFrom(0, HOUR, -HOUR, DAY, -DAY))),
  ops: fc.array(opArb, { minLength: 10, maxLength: 50 }),
});
export type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;
