/**
 * Servers in their own Node process, as in the field, where the server is another machine: the
 * client being measured does not pay for the server's CPU on its own thread (it still waits for
 * its answers). Used by the pull and peer budgets for both sides alike.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchServer } from './benchServer';

const entry = fileURLToPath(new URL('./benchServerMain.ts', import.meta.url));

export interface RemoteProcess {
  port: number;
  pid: number;
  stop: () => Promise<void>;
}

/** Forks benchServerMain.ts (same Node flags as this process) and waits for its port. */
export function startRemoteProcess(args: readonly string[]): Promise<RemoteProcess> {
  const child: ChildProcess = fork(entry, [...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.disconnect();
    });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { port?: unknown }) => {
      if (typeof message.port !== 'number') {
        reject(new Error(`bench server process sent ${JSON.stringify(message)}`));
        return;
      }
      resolve({ port: message.port, pid: child.pid ?? -1, stop });
    });
    child.once('exit', (code) => {
      reject(new Error(`bench server process (${args.join(' ')}) exited with ${String(code)}`));
    });
  });
}

/**
 * The same server database served by a second process: requests go to it, while checks
 * (counts, records, versions) read the file through this process's connection.
 */
export async function serveFromOwnProcess(
  server: BenchServer,
  options: { warmUp?: boolean } = {},
): Promise<{ server: BenchServer; stop: () => Promise<void> }> {
  const remote = await startRemoteProcess(
    options.warmUp ? ['sqlite', server.file, '--warm-up'] : ['sqlite', server.file],
  );
  return { server: { ...server, baseUrl: `http://127.0.0.1:${remote.port}` }, stop: remote.stop };
}
