#!/usr/bin/env node
// `npm start`: install, build and serve Brücke from a fresh clone in one step.
// Plain Node without dependencies, because node_modules may not exist yet.
//
// 1. `npm ci` when node_modules is missing or older than package-lock.json
// 2. `npm run build` when dist/index.html is missing or older than any build input
// 3. runs the server (`tsx src/server/main.ts`), forwarding SIGINT/SIGTERM
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';

/** Files and folders whose change requires a new build. `src/server` is not part of the bundle. */
const BUILD_INPUTS = [
  'src',
  'locales',
  'public',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
];
const NOT_BUILD_INPUTS = new Set([join(root, 'src', 'server')]);

function log(message) {
  console.log(`[start] ${message}`);
}

function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Newest modification time of a file or of anything below a folder (0 if absent). */
function newestMtime(path) {
  if (NOT_BUILD_INPUTS.has(path)) return 0;
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function run(command, args) {
  log(`${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: isWindows });
  if (result.error) {
    console.error(`[start] could not run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`[start] ${command} ${args.join(' ')} failed (exit code ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

function needsInstall() {
  // npm writes node_modules/.package-lock.json on every install.
  const installed = mtimeOf(join(root, 'node_modules', '.package-lock.json'));
  const lock = mtimeOf(join(root, 'package-lock.json'));
  return installed === undefined || (lock !== undefined && lock > installed);
}

function needsBuild() {
  const built = mtimeOf(join(root, 'dist', 'index.html'));
  if (built === undefined) return true;
  return BUILD_INPUTS.some((input) => newestMtime(join(root, input)) > built);
}

/** The tsx CLI inside node_modules, run with this very node (no shell, signals arrive directly). */
function tsxCli() {
  const pkgPath = join(root, 'node_modules', 'tsx', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.tsx;
  if (!bin) throw new Error('tsx has no bin entry');
  return join(root, 'node_modules', 'tsx', bin);
}

function serve() {
  let command = process.execPath;
  let args;
  try {
    args = [tsxCli(), 'src/server/main.ts'];
  } catch {
    command = 'npx';
    args = ['tsx', 'src/server/main.ts'];
  }
  const child = spawn(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: isWindows && command === 'npx',
  });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    console.error(`[start] could not start the server: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}

if (needsInstall()) run('npm', ['ci']);
else log('dependencies are up to date');
if (needsBuild()) run('npm', ['run', 'build']);
else log('build is up to date');
serve();
