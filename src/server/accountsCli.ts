// `npm run accounts -- <command>`: manage coordinator accounts in the server's database.
// Safe to run while the server is running (SQLite WAL; the server reads accounts per request).
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, runAccountCommand, USAGE } from './auth/accountCommands';
import { createSqliteAccountStore } from './auth/sqliteAccountStore';
import { readConfig } from './config';
import { databasePath, openDatabase } from './db/openDatabase';

async function readNewPassword(): Promise<string> {
  const fromEnv = process.env.BRUECKE_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new Error('No password: set BRUECKE_PASSWORD or run the command in a terminal.');
  }
  const first = await promptHidden('New password: ');
  const second = await promptHidden('Repeat the password: ');
  if (first !== second) throw new Error('The two passwords differ.');
  return first;
}

/** Reads one line from the terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          return;
        }
        if (char === '\u0003' || (char === '\u0004' && value === '')) {
          finish(new Error('Cancelled.'));
          return;
        }
        if (char === '\u007f' || char === '\b') {
          value = Array.from(value).slice(0, -1).join('');
        } else if (char === '\u001b') {
          break; // an escape sequence (arrow keys, …): ignore the rest of it
        } else if (char >= ' ') {
          value += char;
        }
      }
    };
    process.stderr.write(prompt);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const [command] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? console.error : console.log)(USAGE);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  let dataDir: string;
  try {
    dataDir = readConfig(process.env, process.cwd()).dataDir;
  } catch (error) {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_USAGE;
  }
  const path = databasePath(dataDir);
  let db;
  try {
    db = openDatabase(path);
  } catch (error) {
    console.error(
      `Error: cannot open ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return EXIT_FAILED;
  }
  try {
    return await runAccountCommand(args, {
      accounts: createSqliteAccountStore(db),
      readPassword: readNewPassword,
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    });
  } finally {
    db.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = EXIT_FAILED;
  },
);
