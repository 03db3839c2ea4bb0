import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path; created at start-up. Holds the server's database. */
  dataDir: string;
  /** Session lifetime in days. */
  sessionDays: number;
  /** Always mark the session cookie `Secure` (behind an https proxy). */
  secureCookies: boolean;
  /** Password of the demo coordinator seeded on first run. */
  demoPassword: string;
}

export const DEFAULT_DEMO_PASSWORD = 'bruecke-demo';

/**
 * Reads `PORT` (default 8080), `HOST` (default 127.0.0.1), `BRUECKE_DATA_DIR` (default ./data),
 * `BRUECKE_SESSION_DAYS` (default 30), `BRUECKE_SECURE_COOKIES` (`1` = on) and
 * `BRUECKE_DEMO_PASSWORD` (default `bruecke-demo`).
 */
export function readConfig(env: NodeJS.ProcessEnv, cwd: string): ServerConfig {
  const rawPort = env.PORT?.trim() || '8080';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${rawPort}"`);
  }
  const host = env.HOST?.trim() || '127.0.0.1';
  const dataDir = resolve(cwd, env.BRUECKE_DATA_DIR?.trim() || 'data');

  const rawDays = env.BRUECKE_SESSION_DAYS?.trim() || '30';
  const sessionDays = Number(rawDays);
  if (!/^\d+$/.test(rawDays) || sessionDays < 1 || sessionDays > 3650) {
    throw new Error(`BRUECKE_SESSION_DAYS must be a whole number from 1 to 3650, got "${rawDays}"`);
  }

  const rawSecure = env.BRUECKE_SECURE_COOKIES?.trim() || '0';
  if (rawSecure !== '0' && rawSecure !== '1') {
    throw new Error(`BRUECKE_SECURE_COOKIES must be 0 or 1, got "${rawSecure}"`);
  }

  const demoPassword = env.BRUECKE_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  return { port, host, dataDir, sessionDays, secureCookies: rawSecure === '1', demoPassword };
}
