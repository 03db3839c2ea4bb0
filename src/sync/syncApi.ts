import { z } from 'zod';
import {
  errorBodySchema,
  pulledChangeSchema,
  pullResponseSchema,
  pushResponseSchema,
  rejectedResponseSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type Rejection,
} from '../domain/sync/protocol';
import { asciiJson } from './asciiJson';

export type PushOutcome =
  | { kind: 'ok'; response: PushResponse }
  | { kind: 'rejected'; rejected: Rejection[] }
  | { kind: 'invalid'; code: string; message: string }
  | { kind: 'epochChanged' }
  | { kind: 'unauthenticated' };

export type PullOutcome = { kind: 'ok'; response: PullResponse } | { kind: 'unauthenticated' };

/** The network failed or the server had a problem: try again later. */
export class TransientSyncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransientSyncError';
  }
}

export interface SyncApi {
  push(body: PushRequest): Promise<PushOutcome>;
  pull(since: number, limit: number): Promise<PullOutcome>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `pullResponseSchema` with each record's `data` checked for being an object without being
 * copied (`z.record` rebuilds every record, a tenth of a 10,000-record pull). Pulled records are
 * not checked against their record schemas either way: the server stored only valid ones.
 */
const pullAnswerSchema = pullResponseSchema.extend({
  changes: z.array(
    pulledChangeSchema.extend({ data: z.custom<Record<string, unknown>>(isPlainObject) }),
  ),
});

async function json(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    throw new TransientSyncError(`unreadable response (${res.status})`);
  }
}

/** The HTTP client of the sync API; `fetch` is injected (the simulation passes an in-process one). */
export function createSyncApi(baseUrl: string, fetchImpl: Fetch): SyncApi {
  const call = async (path: string, init?: RequestInit): Promise<Response> => {
    let res: Response;
    try {
      res = await fetchImpl(`${baseUrl}${path}`, { credentials: 'same-origin', ...init });
    } catch (error) {
      throw new TransientSyncError(error instanceof Error ? error.message : 'network error');
    }
    if (res.status >= 500 || res.status === 429 || res.status === 408) {
      throw new TransientSyncError(`server answered ${res.status}`);
    }
    return res;
  };
  return {
    async push(body) {
      const res = await call('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: asciiJson(body),
      });
      const payload = await json(res);
      if (res.ok) return { kind: 'ok', response: pushResponseSchema.parse(payload) };
      if (res.status === 401) return { kind: 'unauthenticated' };
      if (res.status === 409) return { kind: 'epochChanged' };
      if (res.status === 422)
        return { kind: 'rejected', rejected: rejectedResponseSchema.parse(payload).rejected };
      const err = errorBodySchema.safeParse(payload);
      return {
        kind: 'invalid',
        code: err.success ? err.data.code : `http_${res.status}`,
        message: err.success ? err.data.message : '',
      };
    },
    async pull(since, limit) {
      const res = await call(`/api/sync/pull?since=${since}&limit=${limit}`);
      if (res.status === 401) return { kind: 'unauthenticated' };
      const payload = await json(res);
      if (!res.ok) throw new TransientSyncError(`pull failed (${res.status})`);
      return { kind: 'ok', response: pullAnswerSchema.parse(payload) };
    },
  };
}
