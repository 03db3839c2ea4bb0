import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seedDemoCoordinator } from './auth/seedDemoAccount';
import { createSqliteAccountStore } from './auth/sqliteAccountStore';
import { readConfig } from './config';
import { createServer } from './createServer';
import { databasePath, openDatabase, type SqliteDatabase } from './db/openDatabase';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const staticDir = join(projectRoot, 'dist');

function fail(message: string): never {
  console.error(`Brücke: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig(process.env, process.cwd());
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (!existsSync(join(staticDir, 'index.html'))) {
    fail(`${staticDir}/index.html is missing. Run \`npm run build\` first (or use \`npm start\`).`);
  }
  mkdirSync(config.dataDir, { recursive: true });

  const dbPath = databasePath(config.dataDir);
  let db: SqliteDatabase;
  try {
    db = openDatabase(dbPath);
  } catch (error) {
    fail(`cannot open the database ${dbPath}: ${String(error)}`);
  }
  const accounts = createSqliteAccountStore(db);
  let demo;
  try {
    demo = await seedDemoCoordinator(accounts, config.demoPassword);
  } catch (error) {
    db.close();
    fail(error instanceof Error ? error.message : String(error));
  }

  const app = createServer({
    staticDir,
    logger: true,
    db,
    accounts,
    sessionTtlMs: config.sessionDays * 24 * 60 * 60 * 1000,
    secureCookies: config.secureCookies,
  });

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return; // a second signal (e.g. relayed by a parent process) changes nothing
    closing = true;
    app.log.info(`${signal} received, shutting down`);
    setTimeout(() => process.exit(1), 5000).unref();
    app.close().then(
      () => {
        db.close();
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    fail(`cannot listen on ${config.host}:${config.port}: ${String(error)}`);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const urlHost = shownHost.includes(':') ? `[${shownHost}]` : shownHost;
  console.log('');
  console.log(`  Brücke is running at  http://${urlHost}:${port}/`);
  console.log(`  Data directory:       ${config.dataDir}`);
  if (demo) {
    console.log('');
    console.log('  First run: created the demo coordinator account');
    console.log(`    login:     ${demo.login}`);
    console.log(`    password:  ${config.demoPassword}`);
    console.log(`  Log in at http://${urlHost}:${port}/ and add real accounts with`);
    console.log('  `npm run accounts -- create <login> "<display name>"`.');
  }
  console.log('  Stop with Ctrl+C.');
  console.log('');
}

void main();
