/**
 * The bench server in its own process: `benchServerProcess.ts <database file> <static dir>`.
 * The database was created (migrations, bench account) by the parent, which keeps its own
 * connection to it for checks; both share the file in WAL mode.
 */
import type { AddressInfo } from 'node:net';
import { createServer } from '../../src/server/createServer';
import { openDatabase } from '../../src/server/db/openDatabase';
import { serveUntilTerminated } from './childServer';

const [file, dir] = process.argv.slice(2);
if (!file || !dir) throw new Error('usage: benchServerProcess.ts <database file> <static dir>');
const db = openDatabase(file);
const app = createServer({ staticDir: dir, db });
await app.listen({ host: '127.0.0.1', port: 0 });
serveUntilTerminated((app.server.address() as AddressInfo).port, async () => {
  await app.close();
  db.close();
});
