/**
 * Entry of a benchmark server in its own Node process (see remoteServer.ts): the real Brücke
 * server on an existing SQLite file, or express-pouchdb seeded with the bench records. It tells
 * its parent the port over IPC and stops when the parent disconnects.
 *
 *   sqlite <file> [--warm-up]  Fastify + SQLite on that file (WAL: the parent keeps its own
 *                              connection); with --warm-up, the process first takes pushes of
 *                              2,000 other records on a scratch database, so the measured
 *                              pushes meet compiled code, as on a server that has been running
 *   pouch <records>            express-pouchdb 4.2 over the memory adapter, database `bench`
 */
import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import { buildBenchData } from './benchData';
import { startBenchServer } from './benchServer';
import { planPush, pushPlan } from './ingestBench';
import { startPouchPeer } from './pouchPeer';
import { createServer } from '../../src/server/createServer';
import { openDatabase } from '../../src/server/db/openDatabase';

/** Pushes 2,000 records (another seed: other ids) through a scratch server in this process. */
async function warmUp(): Promise<void> {
  const scratch = await startBenchServer();
  try {
    await pushPlan(
      scratch,
      await planPush(scratch.baseUrl, scratch.token, buildBenchData(2000, 2)),
    );
  } finally {
    await scratch.stop();
  }
}

async function start(
  kind: string | undefined,
  arg: string | undefined,
  flag: string | undefined,
): Promise<number> {
  if (kind === 'sqlite' && arg) {
    if (flag === '--warm-up') await warmUp();
    const db = openDatabase(arg);
    const app = createServer({ staticDir: process.cwd(), db });
    await app.listen({ host: '127.0.0.1', port: 0 });
    process.once('disconnect', () => {
      void app.close().then(() => {
        db.close();
      });
    });
    return (app.server.address() as AddressInfo).port;
  }
  if (kind === 'pouch' && arg) {
    const peer = await startPouchPeer(buildBenchData(Number(arg)));
    process.once('disconnect', () => {
      void peer.stop();
    });
    return Number(new URL(peer.url).port);
  }
  throw new Error(
    `usage: benchServerMain.ts sqlite <file> [--warm-up] | pouch <records> (got ${kind})`,
  );
}

start(process.argv[2], process.argv[3], process.argv[4]).then(
  (port) => process.send?.({ port }),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
