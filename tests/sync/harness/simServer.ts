import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createSqliteAccountStore } from '../../../src/server/auth/sqliteAccountStore';
import { createServer } from '../../../src/server/createServer';
import { openDatabase, type SqliteDatabase } from '../../../src/server/db/openDatabase';

/**
 * The real server (Fastify routes, SQLite store on a temporary file) in this process, reached
 * through `inject()`. `restart()` closes everything and opens the same file again.
 */
export class SimServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'bruecke-sim-'));
  readonly file = join(this.dir, 'bruecke.sqlite');
  app!: FastifyInstance;
  db!: SqliteDatabase;
  token = '';

  constructor(private readonly now: () => Date) {}

  async start(): Promise<void> {
    this.db = openDatabase(this.file, { now: this.now });
    this.app = createServer({ staticDir: this.dir, db: this.db, now: this.now });
    await this.app.ready();
    if (!this.token) {
      const accounts = createSqliteAccountStore(this.db, { now: this.now });
      const user = accounts.createUser({
        login: 'sim',
        displayName: 'Simulation',
        passwordHash: 'scrypt$unused',
      });
      this.token = accounts.createSession(user.id, 365 * 24 * 3600 * 1000);
    }
  }

  async restart(): Promise<void> {
    await this.app.close();
    this.db.close();
    await this.start();
  }

  async stop(): Promise<void> {
    await this.app.close();
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** What the server holds, read straight from SQLite: table → id → data. */
  records(): Map<string, Map<string, Record<string, unknown>>> {
    const out = new Map<string, Map<string, Record<string, unknown>>>();
    const rows = this.db.prepare('SELECT table_name, id, data FROM records').all() as {
      table_name: string;
      id: string;
      data: string;
    }[];
    for (const row of rows) {
      const table = out.get(row.table_name) ?? new Map<string, Record<string, unknown>>();
      table.set(row.id, JSON.parse(row.data) as Record<string, unknown>);
      out.set(row.table_name, table);
    }
    return out;
  }

  /** Server version at which each mutation was applied. */
  appliedVersions(): Map<string, number> {
    const rows = this.db.prepare('SELECT mutation_id, result FROM mutations').all() as {
      mutation_id: string;
      result: string;
    }[];
    return new Map(
      rows.map((r) => [r.mutation_id, (JSON.parse(r.result) as { version: number }).version]),
    );
  }
}
