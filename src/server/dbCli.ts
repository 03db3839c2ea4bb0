// `npm run db -- backup <file>` (safe while the server runs) and `npm run db -- restore <file>`
// (stop the server first): see `DB_USAGE` in ./db/dbCommands.
import { readConfig } from './config';
import { DB_EXIT_FAILED, DB_EXIT_USAGE, runDbCommand } from './db/dbCommands';

async function main(): Promise<number> {
  let dataDir: string;
  try {
    dataDir = readConfig(process.env, process.cwd()).dataDir;
  } catch (error) {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return DB_EXIT_USAGE;
  }
  return runDbCommand(process.argv.slice(2), {
    dataDir,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = DB_EXIT_FAILED;
  },
);
