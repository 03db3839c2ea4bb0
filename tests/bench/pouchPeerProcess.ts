/**
 * The PouchDB peer's server in its own process: `pouchPeerProcess.ts <records>` builds the same
 * bench records as the parent (deterministic ids), stores them in the database `bench` of
 * express-pouchdb 4.2 (Express 4) over the memory adapter, and listens on 127.0.0.1.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import expressPouchDB from 'express-pouchdb';
import { buildBenchData } from './benchData';
import { serveUntilTerminated } from './childServer';
import { MemoryPouch, pouchDocs } from './pouchSetup';

const size = Number(process.argv[2]);
if (!Number.isInteger(size) || size <= 0) throw new Error('usage: pouchPeerProcess.ts <records>');
const dir = mkdtempSync(join(tmpdir(), 'bruecke-pouch-'));
const app = expressPouchDB(MemoryPouch, {
  mode: 'minimumForPouchDB',
  inMemoryConfig: true,
  logPath: join(dir, 'log.txt'),
});
const db = new MemoryPouch('bench');
const docs = pouchDocs(buildBenchData(size));
for (let i = 0; i < docs.length; i += 1000) {
  const results = await db.bulkDocs(docs.slice(i, i + 1000));
  if (results.some((r) => r.error)) throw new Error('seeding the PouchDB server failed');
}
const server = await new Promise<Server>((resolve) => {
  const s = app.listen(0, '127.0.0.1', () => {
    resolve(s);
  });
});
serveUntilTerminated((server.address() as AddressInfo).port, async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});
