import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../src/domain/sync/protocol';
import { syncOnce } from '../../src/sync/syncOnce';
import { applyOp } from '../sync/harness/applyOp';
import { FaultyNetwork } from '../sync/harness/faultyNetwork';
import { scenarioArb, type Scenario } from '../sync/harness/scenario';
import { idSource, SimClient } from '../sync/harness/simClient';
import { SimServer } from '../sync/harness/simServer';

/**
 * The simulation's scenarios (faults, restarts, kills, clock skew) with an oracle for shadows:
 * every pull answer a device receives is remembered outside the device, and every edit it makes
 * must carry as `baseVersion` exactly the version of the record in the last page it received
 * (null if it never received the record). Shadows are created lazily (see src/sync/shadows.ts),
 * so this checks that laziness never changes what an edit tells the server it had seen.
 */
const RUNS = Number(process.env.BRUECKE_ORACLE_RUNS ?? 25);
let open: SimServer | null = null;

afterEach(async () => {
  await open?.stop();
  open = null;
});

async function run(scenario: Scenario): Promise<void> {
  let clock = Date.UTC(2026, 2, 10, 9, 0, 0);
  const now = () => clock;
  const server = new SimServer(() => new Date(now()));
  open = server;
  await server.start();
  const net = new FaultyNetwork(server);
  const ids = idSource(scenario.seed);
  const seen = scenario.skews.map(() => ({ epoch: '', versions: new Map<string, number>() }));
  const clients = scenario.skews.map((skew, i) => {
    const knowledge = seen[i] ?? { epoch: '', versions: new Map<string, number>() };
    const fetchAndRemember = async (url: string, init?: RequestInit): Promise<Response> => {
      const res = await net.fetch(url, init);
      if (url.includes('/api/sync/pull') && res.status === 200) {
        const page = pullResponseSchema.parse(await res.clone().json());
        if (page.epoch !== knowledge.epoch) knowledge.versions.clear();
        knowledge.epoch = page.epoch;
        for (const c of page.changes) knowledge.versions.set(`${c.table}/${c.id}`, c.version);
      }
      return res;
    };
    return new SimClient(
      `oracle-${scenario.seed}-${i}-${Math.random()}`,
      now,
      skew,
      ids,
      fetchAndRemember,
    );
  });
  const problems: string[] = [];
  const check = (before: number[]): void => {
    for (const [i, c] of clients.entries()) {
      for (const m of c.written.slice(before[i])) {
        const expected = seen[i]?.versions.get(`${m.table}/${m.recordId}`) ?? null;
        if (m.baseVersion !== expected)
          problems.push(
            `${c.name} ${m.table}/${m.recordId}: baseVersion ${String(m.baseVersion)}, last pulled ${String(expected)}`,
          );
      }
    }
  };
  await applyOp({ kind: 'createOrg', client: 0, name: 'Kulturverein' }, clients, server, net, -1);
  await applyOp({ kind: 'createOrg', client: 0, name: 'Elternverein' }, clients, server, net, -2);
  for (const c of clients) await syncOnce(c.deps, c.api);
  for (const [step, op] of scenario.ops.entries()) {
    clock += op.kind === 'tick' ? op.ms : 1_000;
    const before = clients.map((c) => c.written.length);
    await applyOp(op, clients, server, net, step);
    check(before);
  }
  for (const c of clients) c.db.close();
  await server.stop();
  open = null;
  expect(problems).toEqual([]);
}

describe('lazy shadows under the simulation', () => {
  it(`every edit carries the version of its record's last pull (${RUNS} generated runs)`, async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, run), { numRuns: RUNS, endOnFailure: true });
  }, 600_000);
});
