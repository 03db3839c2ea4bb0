import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A server running in its own Node process, as a real server would: it gets its own core. */
export interface ChildServer {
  port: number;
  stop: () => Promise<void>;
}

/**
 * Starts `script` (a file in this folder, run with tsx) with `args`; the script prints one line
 * `{"port": n}` on stdout once it listens, and exits on SIGTERM after closing what it opened.
 */
export function startChildServer(script: string, args: readonly string[]): Promise<ChildServer> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${String(code)}`)));
    lines.once('line', (line) => {
      const { port } = JSON.parse(line) as { port: number };
      resolve({
        port,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** For the child: report the port, and close everything on SIGTERM. */
export function serveUntilTerminated(port: number, close: () => Promise<void>): void {
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  process.once('SIGTERM', () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
