import { resolve } from 'node:path';
import { backupDatabase, restoreDatabase } from './backupRestore';
import { databasePath } from './openDatabase';

export const DB_USAGE = `Usage: npm run db -- <command>

  backup <file>    copy the database to <file> (safe while the server runs)
  restore <file>   replace the database with the backup <file>; STOP THE SERVER FIRST

The database is <BRUECKE_DATA_DIR>/bruecke.sqlite. A restore gives the server a new sync epoch:
every device then forgets what it pulled, downloads everything again and re-sends its unsynced
edits. Changes that reached the server after the backup are gone from it, and so are logins made
after the backup. The replaced database is kept as bruecke.sqlite.before-restore-<time>.`;

/** Exit codes: success, a failed command, wrong usage. */
export const DB_EXIT_OK = 0;
export const DB_EXIT_FAILED = 1;
export const DB_EXIT_USAGE = 2;

export interface DbCommandIo {
  dataDir: string;
  /** Relative file names are taken from here (default: the process's working directory). */
  cwd?: string;
  out: (line: string) => void;
  err: (line: string) => void;
  now?: () => Date;
}

/** Runs one `npm run db` command (`args` without the program name); returns the exit code. */
export async function runDbCommand(args: readonly string[], io: DbCommandIo): Promise<number> {
  const [command, file, ...extra] = args;
  if (command === 'help' || command === '--help' || command === '-h') {
    io.out(DB_USAGE);
    return DB_EXIT_OK;
  }
  if ((command !== 'backup' && command !== 'restore') || !file || extra.length > 0) {
    io.err(
      command === undefined || command === 'backup' || command === 'restore'
        ? DB_USAGE
        : `Unknown command "${command}".\n\n${DB_USAGE}`,
    );
    return DB_EXIT_USAGE;
  }
  const path = resolve(io.cwd ?? process.cwd(), file);
  try {
    if (command === 'backup') {
      await backupDatabase(io.dataDir, path);
      io.out(`Backed up ${databasePath(io.dataDir)} to ${path}.`);
    } else {
      const result = await restoreDatabase(io.dataDir, path, io.now);
      io.out(`Restored ${databasePath(io.dataDir)} from ${path}.`);
      if (result.previousCopy) io.out(`The replaced database is kept as ${result.previousCopy}.`);
      io.out(`New sync epoch ${result.epoch}: every device resyncs from scratch on its next sync.`);
    }
    return DB_EXIT_OK;
  } catch (error) {
    io.err(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return DB_EXIT_FAILED;
  }
}
