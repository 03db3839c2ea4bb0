import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path; created at start-up. Holds the server's database. */
  dataDir: string;
}

/** Reads `PORT` (default 8080), `HOST` (default 127.0.0.1), `BRUECKE_DATA_DIR` (default ./data). */
export function readConfig(env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const rawPort = env.PORT?.trim() || '8080';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${rawPort}"`);
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDir = resolve(cwd, env.BRUECKE_DATA_DIR?.trim() || 'data');
  return { port, host, dataDir };
}
