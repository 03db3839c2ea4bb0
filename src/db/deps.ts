import type { BrueckeDb } from './database';

/** Everything a repository needs from the outside world, injected so tests control it. */
export interface RepoDeps {
  db: BrueckeDb;
  now: () => Date;
  newId: () => string;
}

export function browserDeps(db: BrueckeDb): RepoDeps {
  return { db, now: () => new Date(), newId: () => crypto.randomUUID() };
}
