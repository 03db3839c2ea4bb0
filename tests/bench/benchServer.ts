import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createSqliteAccountStore } from '../../src/server/auth/sqliteAccountStore';
import { createServer } from '../../src/server/createServer';
import { openDatabase, type SqliteDatabase } from '../../src/server/db/openDatabase';

/** The real server on a temporary SQLite file (WAL), listening on 127.0.0.1 on a free port. */
export interface BenchServer {
  baseUrl: string;
  /** A session token for `Authorization: Bearer`, made through the account store. */
  token: string;
  db: SqliteDatabase;
  file: string;
  journalMode: string;
  /** Records per table as the server holds them. */
  counts(): Map<string, number>;
  /** Every record's data, table → id → data. */
  records(): Map<string, Map<string, Record<string, unknown>>>;
  /** Every record's server version, by `table/id`. */
  versions(): Map<string, number>;
  stop(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bruecke-bench-'));
  const file = join(dir, 'bruecke.sqlite');
  const db = openDatabase(file);
  const journalMode = String(db.pragma('journal_mode', { simple: true }));
  const app: FastifyInstance = createServer({ staticDir: dir, db });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;

  const accounts = createSqliteAccountStore(db);
  const user = accounts.createUser({
    login: 'bench',
    displayName: 'Benchmark',
    passwordHash: 'scrypt$unused',
  });
  const token = accounts.createSession(user.id, 24 * 3600 * 1000);

  const countStmt = db.prepare<[], { table_name: string; n: number }>(
    'SELECT table_name, COUNT(*) AS n FROM records GROUP BY table_name',
  );
  const dataStmt = db.prepare<[], { table_name: string; id: string; data: string }>(
    'SELECT table_name, id, data FROM records',
  );
  const versionStmt = db.prepare<[], { table_name: string; id: string; version: number }>(
    'SELECT table_name, id, version FROM records',
  );

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    db,
    file,
    journalMode,
    counts: () => new Map(countStmt.all().map((r) => [r.table_name, r.n])),
    records: () => {
      const out = new Map<string, Map<string, Record<string, unknown>>>();
      for (const row of dataStmt.all()) {
        const table = out.get(row.table_name) ?? new Map<string, Record<string, unknown>>();
        table.set(row.id, JSON.parse(row.data) as Record<string, unknown>);
        out.set(row.table_name, table);
      }
      return out;
    },
    versions: () => new Map(versionStmt.all().map((r) => [`${r.table_name}/${r.id}`, r.version])),
    stop: async () => {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
