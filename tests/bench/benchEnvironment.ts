import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import { round } from './stats';

export function versionOf(pkg: string): string {
  const url = new URL(`../../node_modules/${pkg}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

export function gitRevision(): string {
  try {
    const head = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain --untracked-files=no', { encoding: 'utf8' });
    return dirty.trim() ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

export const loadAverage = (): number[] => loadavg().map((x) => round(x, 2));

/** Where the figures were measured: they mean little without it. */
export function benchEnvironment(): Record<string, unknown> {
  const cpu = cpus();
  return {
    node: process.version,
    platform: `${platform()} ${arch()}`,
    cpus: `${cpu.length} × ${cpu[0]?.model ?? 'unknown'}`,
    commit: gitRevision(),
    loadAverageAtStart: loadAverage(),
  };
}
