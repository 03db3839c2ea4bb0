import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { syncOnce } from '../../src/sync/syncOnce';
import { applyOp } from './harness/applyOp';
import { FaultyNetwork } from './harness/faultyNetwork';
import { expectConverged, expectNoEditLost } from './harness/invariants';
import { scenarioArb, type Scenario } from './harness/scenario';
import { idSource, SimClient } from './harness/simClient';
import { SimServer } from './harness/simServer';

const RUNS = Number(process.env.BRUECKE_SIM_RUNS ?? 200);
let open: SimServer | null = null;
const stats = { runs: 0, mutations: 0, conflicts: 0, requests: 0 };

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
  const clients = scenario.skews.map(
    (skew, i) =>
      new SimClient(`sim-${scenario.seed}-${i}-${Math.random()}`, now, skew, ids, net.fetch),
  );
  // Shared starting point: two organisations every device knows, so edits can collide.
  await applyOp({ kind: 'createOrg', client: 0, name: 'Kulturverein' }, clients, server, net, -1);
  await applyOp({ kind: 'createOrg', client: 0, name: 'Elternverein' }, clients, server, net, -2);
  for (const c of clients) await syncOnce(c.deps, c.api);
  for (const [step, op] of scenario.ops.entries()) {
    clock += op.kind === 'tick' ? op.ms : 1_000;
    await applyOp(op, clients, server, net, step);
  }
  // The faults stop: late packets arrive, then every device syncs twice.
  await net.releaseHeld();
  for (let round = 0; round < 2; round++) {
    for (const c of clients) {
      clock += 1_000;
      await syncOnce(c.deps, c.api);
    }
  }
  const problems = [
    ...(await expectConverged(server, clients)),
    ...expectNoEditLost(
      server,
      clients.flatMap((c) => c.written),
    ),
  ];
  stats.runs += 1;
  stats.conflicts += server.records().get('conflicts')?.size ?? 0;
  stats.mutations += clients.reduce((n, c) => n + c.written.length, 0);
  stats.requests += net.requests;
  for (const c of clients) c.db.close();
  await server.stop();
  open = null;
  expect(problems).toEqual([]);
}

describe('sync under faults (three devices, one real server on SQLite)', () => {
  it(`converges and loses no edit in ${RUNS} generated runs with dropped, duplicated, reordered requests, restarts, kills and clock skew`, async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, run), {
      numRuns: RUNS,
      verbose: fc.VerbosityLevel.Verbose,
      // Shrinking a failing scenario can take minutes; locally opt in with BRUECKE_SIM_SHRINK=1.
      endOnFailure: process.env.BRUECKE_SIM_SHRINK !== '1',
      // Replay a printed failure: BRUECKE_SIM_SEED=<seed> BRUECKE_SIM_PATH=<path>.
      ...(process.env.BRUECKE_SIM_SEED
        ? { seed: Number(process.env.BRUECKE_SIM_SEED), path: process.env.BRUECKE_SIM_PATH }
        : {}),
    });
    console.log(`sync simulation: ${JSON.stringify(stats)}`);
  }, 600_000);
});
