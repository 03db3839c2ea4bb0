import { BrueckeDb } from '../../src/db/database';
import type { RepoDeps } from '../../src/db/deps';
import { syncTables } from '../../src/domain/sync/mutation';
import { createSyncApi, type SyncApi } from '../../src/sync/syncApi';

/** What went over the wire: request count and body bytes in both directions. */
export interface Traffic {
  requests: number;
  /** Request bodies (push payloads). */
  bytesUp: number;
  /** Response bodies. */
  bytesDown: number;
  /** Responses by HTTP status. */
  statuses: Record<number, number>;
}

export const noTraffic = (): Traffic => ({ requests: 0, bytesUp: 0, bytesDown: 0, statuses: {} });

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Node's global fetch (undici, keep-alive) with the session token as `Authorization: Bearer`,
 * counting requests and body sizes. The response size comes from `content-length` (the bytes on
 * the wire: compressed pull pages carry it too); only without that header is the body buffered.
 */
export function meteredFetch(token: string, traffic: Traffic): Fetch {
  // Node's fetch asks for gzip, as browsers do; BRUECKE_BENCH_ACCEPT_ENCODING=identity measures
  // the same runs without compression (for comparison: Node decompresses on the JS thread, a
  // browser in its network process).
  const acceptEncoding = process.env.BRUECKE_BENCH_ACCEPT_ENCODING;
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    if (acceptEncoding) headers.set('accept-encoding', acceptEncoding);
    const res = await fetch(input, { ...init, headers });
    traffic.requests += 1;
    traffic.statuses[res.status] = (traffic.statuses[res.status] ?? 0) + 1;
    if (typeof init?.body === 'string') traffic.bytesUp += Buffer.byteLength(init.body);
    const length = res.headers.get('content-length');
    if (length !== null) {
      traffic.bytesDown += Number(length);
      return res;
    }
    const body = await res.arrayBuffer();
    traffic.bytesDown += body.byteLength;
    return new Response(body, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
}

export interface BenchClient {
  deps: RepoDeps;
  api: SyncApi;
  traffic: Traffic;
  /** Deletes the client's IndexedDB (fake-indexeddb keeps it in memory otherwise). */
  dispose(): Promise<void>;
}

let clientCount = 0;

/** A fresh, empty device: its own BrueckeDb on fake-indexeddb, opened before anything is timed. */
export async function newBenchClient(baseUrl: string, token: string): Promise<BenchClient> {
  clientCount += 1;
  const db = new BrueckeDb(`bench-client-${clientCount}-${crypto.randomUUID()}`);
  await db.open();
  const traffic = noTraffic();
  const deps: RepoDeps = { db, now: () => new Date(), newId: () => crypto.randomUUID() };
  return {
    deps,
    api: createSyncApi(baseUrl, meteredFetch(token, traffic)),
    traffic,
    dispose: async () => {
      await db.delete();
    },
  };
}

/** Records per synced table on the client. */
export async function clientCounts(db: BrueckeDb): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const table of syncTables) out.set(table, await db.table(table).count());
  return out;
}
