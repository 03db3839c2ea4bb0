import {
  type AccountStore,
  type AccountUser,
  displayNameProblem,
  LoginTakenError,
  loginProblem,
} from './accountStore';
import { hashPassword, passwordProblem, PRODUCTION_SCRYPT, type ScryptParams } from './password';

export const USAGE = `Usage: npm run accounts -- <command>

  create <login> "<display name>"   create a coordinator account
  disable <login>                   disable an account and end its sessions
  enable <login>                    enable a disabled account
  set-password <login>              set a new password and end the account's sessions
  list                              list all accounts

The password is read from BRUECKE_PASSWORD, or asked for (without echo) in a terminal.
It needs at least 10 characters. The database is <BRUECKE_DATA_DIR>/bruecke.sqlite.`;

/** Exit codes: success, a failed command, wrong usage. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface AccountCommandIo {
  accounts: AccountStore;
  /** Asks for a new password (or takes it from the environment); may throw to cancel. */
  readPassword: () => Promise<string>;
  out: (line: string) => void;
  err: (line: string) => void;
  passwordParams?: ScryptParams;
}

class CommandError extends Error {}

/** Runs one accounts command (`args` without the program name); returns the exit code. */
export async function runAccountCommand(
  args: readonly string[],
  io: AccountCommandIo,
): Promise<number> {
  const [command, ...rest] = args;
  const expect = (count: number, shape: string): boolean => {
    if (rest.length === count) return true;
    io.err(`Usage: npm run accounts -- ${command ?? ''} ${shape}`.trimEnd());
    return false;
  };
  try {
    switch (command) {
      case 'create':
        if (!expect(2, '<login> "<display name>"')) return EXIT_USAGE;
        await create(io, rest[0] ?? '', rest[1] ?? '');
        return EXIT_OK;
      case 'disable':
      case 'enable':
        if (!expect(1, '<login>')) return EXIT_USAGE;
        setDisabled(io, rest[0] ?? '', command === 'disable');
        return EXIT_OK;
      case 'set-password':
        if (!expect(1, '<login>')) return EXIT_USAGE;
        await setPassword(io, rest[0] ?? '');
        return EXIT_OK;
      case 'list':
        if (!expect(0, '')) return EXIT_USAGE;
        list(io);
        return EXIT_OK;
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return EXIT_OK;
      default:
        io.err(command === undefined ? USAGE : `Unknown command "${command}".\n\n${USAGE}`);
        return EXIT_USAGE;
    }
  } catch (error) {
    io.err(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  }
}

async function create(io: AccountCommandIo, login: string, displayName: string): Promise<void> {
  const problem = loginProblem(login) ?? displayNameProblem(displayName);
  if (problem) throw new CommandError(problem);
  if (io.accounts.findByLogin(login)) throw new LoginTakenError(login);
  const passwordHash = await newPasswordHash(io);
  const user = io.accounts.createUser({ login, displayName, passwordHash });
  io.out(`Created the coordinator account "${user.login}" (${user.displayName}).`);
}

function setDisabled(io: AccountCommandIo, login: string, disabled: boolean): void {
  const user = existing(io, login);
  io.accounts.setDisabled(user.id, disabled);
  if (disabled) {
    const ended = io.accounts.deleteSessionsOfUser(user.id);
    io.out(`Disabled "${user.login}" and ended ${ended} session${ended === 1 ? '' : 's'}.`);
  } else {
    io.out(`Enabled "${user.login}".`);
  }
}

async function setPassword(io: AccountCommandIo, login: string): Promise<void> {
  const user = existing(io, login);
  const passwordHash = await newPasswordHash(io);
  io.accounts.setPassword(user.id, passwordHash);
  const ended = io.accounts.deleteSessionsOfUser(user.id);
  io.out(
    `Set a new password for "${user.login}" and ended ${ended} session${ended === 1 ? '' : 's'}.`,
  );
}

function list(io: AccountCommandIo): void {
  const users = io.accounts.listUsers();
  if (users.length === 0) {
    io.out('No accounts yet.');
    return;
  }
  const rows = users.map((user: AccountUser) => [
    user.login,
    user.displayName,
    user.disabled ? 'disabled' : 'active',
    user.createdAt.slice(0, 10),
  ]);
  const header = ['LOGIN', 'DISPLAY NAME', 'STATUS', 'CREATED'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  for (const row of [header, ...rows]) {
    io.out(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  }
}

function existing(io: AccountCommandIo, login: string): AccountUser {
  const user = io.accounts.findByLogin(login);
  if (!user) throw new CommandError(`There is no account "${login}".`);
  return user;
}

async function newPasswordHash(io: AccountCommandIo): Promise<string> {
  const password = await io.readPassword();
  const problem = passwordProblem(password);
  if (problem) throw new CommandError(problem);
  return hashPassword(password, io.passwordParams ?? PRODUCTION_SCRYPT);
}
