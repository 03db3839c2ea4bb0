import { BrueckeDb } from '../../src/db/database';
import type { RepoDeps } from '../../src/db/deps';

/** A fresh database on fake-indexeddb with a controllable clock and predictable ids. */
export function testDeps(
  start = new Date('2026-03-10T09:00:00Z'),
): RepoDeps & { advance: (ms: number) => void } {
  let nowMs = start.getTime();
  let n = 0;
  const db = new BrueckeDb(`test-${crypto.randomUUID()}`);
  return {
    db,
    now: () => new Date(nowMs),
    newId: () => {
      n += 1;
      return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    },
    advance: (ms) => {
      nowMs += ms;
    },
  };
}
