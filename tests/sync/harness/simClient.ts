import { BrueckeDb } from '../../../src/db/database';
import type { RepoDeps } from '../../../src/db/deps';
import type { Mutation } from '../../../src/domain/sync/mutation';
import { createSyncApi, type SyncApi } from '../../../src/sync/syncApi';

/** Deterministic ids from a seed, shaped like v4 UUIDs. */
export function idSource(seed: number): () => string {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  return () => {
    const hex = [next(), next(), next(), next()]
      .map((n) => n.toString(16).padStart(8, '0'))
      .join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

/** One simulated device: its own IndexedDB (fake-indexeddb), its own skewed clock. */
export class SimClient {
  db: BrueckeDb;
  readonly deps: RepoDeps;
  readonly api: SyncApi;
  private lastSeq = 0;
  /** Every outbox entry this device ever wrote, as it was written. */
  readonly written: Mutation[] = [];

  constructor(
    readonly name: string,
    clock: () => number,
    skewMs: number,
    newId: () => string,
    fetchImpl: (url: string, init?: RequestInit) => Promise<Response>,
  ) {
    this.db = new BrueckeDb(name);
    const current = (): BrueckeDb => this.db;
    this.deps = {
      get db() {
        return current();
      },
      now: () => new Date(clock() + skewMs),
      newId,
    };
    this.api = createSyncApi('http://sim', fetchImpl);
  }

  /** Remembers what the last write put into the outbox (for the "no edit lost" invariant). */
  async recordWrites(): Promise<void> {
    const fresh = await this.db.outbox.where('seq').above(this.lastSeq).toArray();
    for (const m of fresh) {
      this.written.push(m);
      this.lastSeq = Math.max(this.lastSeq, m.seq);
    }
  }

  /** The app is killed (tab closed, battery dead) and started again: only IndexedDB survives. */
  async kill(): Promise<void> {
    this.db.close();
    this.db = new BrueckeDb(this.name);
    await this.db.open();
  }
}
