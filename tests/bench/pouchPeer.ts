/**
 * Budget 7's peer: PouchDB 9 replicating the same records from a CouchDB-style server,
 * `express-pouchdb` 4.2 (on Express 4) over `pouchdb-adapter-memory`, on loopback. The client is
 * PouchDB in Node with the memory adapter; our client runs on fake-indexeddb in the same Node.
 * The budget runs both servers in a Node process of their own (remoteServer.ts), as it does ours.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import expressPouchDB from 'express-pouchdb';
import type { PouchDatabase } from 'pouchdb-core';
import { deepEqual } from '../../src/domain/sync/fieldChanges';
import type { BenchDataSet } from './benchData';
import { MemoryPouch, Pouch, pouchDocs } from './pouchSetup';
import { startRemoteProcess } from './remoteServer';
import { measure, type Timing } from './stats';

export { pouchVersions } from './pouchSetup';

export interface PouchPeer {
  url: string;
  /** The documents the server holds, by `_id`, as they were written. */
  expected: Map<string, Record<string, unknown>>;
  stop: () => Promise<void>;
}

/** Starts express-pouchdb on 127.0.0.1 and fills its database `bench` with the records. */
export async function startPouchPeer(data: BenchDataSet): Promise<PouchPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'bruecke-pouch-'));
  const app = expressPouchDB(MemoryPouch, {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: join(dir, 'log.txt'),
  });
  const db = new MemoryPouch('bench');
  const docs = pouchDocs(data);
  for (let i = 0; i < docs.length; i += 1000) {
    const results = await db.bulkDocs(docs.slice(i, i + 1000));
    if (results.some((r) => r.error)) throw new Error('seeding the PouchDB server failed');
  }
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => {
      resolve(s);
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bench`,
    expected: expectedDocs(data),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What the peer's database holds once seeded with `data`: contents by `_id`. */
function expectedDocs(data: BenchDataSet): Map<string, Record<string, unknown>> {
  return new Map(pouchDocs(data).map(({ _id, ...rest }) => [_id, rest]));
}

/** The same peer in a Node process of its own (it builds the same seeded records there). */
export async function startRemotePouchPeer(data: BenchDataSet): Promise<PouchPeer> {
  const remote = await startRemoteProcess(['pouch', String(data.total)]);
  return {
    url: `http://127.0.0.1:${remote.port}/bench`,
    expected: expectedDocs(data),
    stop: remote.stop,
  };
}

/** Same ids, same contents (PouchDB's `_rev` aside). */
export async function pouchHolds(
  db: PouchDatabase,
  expected: ReadonlyMap<string, Record<string, unknown>>,
): Promise<string[]> {
  const { rows } = await db.allDocs({ include_docs: true });
  const problems: string[] = [];
  if (rows.length !== expected.size)
    problems.push(`${rows.length} docs, expected ${expected.size}`);
  for (const row of rows) {
    const doc: Record<string, unknown> = { ...(row.doc ?? { _id: row.id }) };
    delete doc._rev;
    const { _id, ...content } = doc;
    const want = typeof _id === 'string' ? expected.get(_id) : undefined;
    if (!want || !deepEqual(content, want)) problems.push(`${row.id} differs`);
    if (problems.length > 20) break;
  }
  return problems;
}

/** One replication of everything into an empty client database, verified afterwards. */
export async function pouchReplicationRun(
  peer: PouchPeer,
): Promise<Timing & { problems: string[] }> {
  // Not MemoryPouch: its default adapter would apply to the remote URL too.
  const local = new Pouch(`client-${crypto.randomUUID()}`, { adapter: 'memory' });
  try {
    const t = await measure(() => local.replicate.from(peer.url, { batch_size: 1000 }));
    const problems = await pouchHolds(local, peer.expected);
    if (!t.value.ok || t.value.doc_write_failures > 0) problems.push('replication reported errors');
    return { wallMs: t.wallMs, cpuMs: t.cpuMs, problems };
  } finally {
    await local.destroy();
  }
}
