import { BrueckeDb } from '../../../src/db/database';
import type { RepoDeps } from '../../../src/db/deps';
import type { Mutation } from '../../../src/domain/sync/mutation';
import { createSyncApi, type SyncApi } from '../../../src/sync/syncApi';

export { seededIds as idSource } from '../../support/seededIds';

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
