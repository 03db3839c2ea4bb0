import { z } from 'zod';

/** The logged-in coordinator as the server describes them. */
export const sessionUserSchema = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

const userBodySchema = z.object({ user: sessionUserSchema });
const errorBodySchema = z.object({
  code: z.string(),
  retryAfterSeconds: z.number().optional(),
});

export type LoginOutcome =
  | { kind: 'ok'; user: SessionUser }
  | { kind: 'invalidCredentials' }
  | { kind: 'rateLimited'; retryAfterSeconds: number }
  /** No answer: offline, server down or a proxy error. */
  | { kind: 'network' }
  | { kind: 'unexpected'; status: number };

export type LogoutOutcome =
  { kind: 'ok' } | { kind: 'network' } | { kind: 'unexpected'; status: number };

export type MeOutcome =
  | { kind: 'ok'; user: SessionUser }
  | { kind: 'unauthenticated' }
  | { kind: 'network' }
  | { kind: 'unexpected'; status: number };

export interface AuthApi {
  login(login: string, password: string): Promise<LoginOutcome>;
  logout(): Promise<LogoutOutcome>;
  me(): Promise<MeOutcome>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

async function body(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

const unreachable = (status: number): boolean => status >= 500 || status === 408;

/** The HTTP client of `/api/auth/*` (login, logout, me); `fetch` is injected. */
export function createAuthApi(baseUrl: string, fetchImpl: Fetch): AuthApi {
  const call = async (path: string, init?: RequestInit): Promise<Response | null> => {
    try {
      return await fetchImpl(`${baseUrl}/api/auth${path}`, {
        credentials: 'same-origin',
        cache: 'no-store',
        ...init,
      });
    } catch {
      return null;
    }
  };
  return {
    async login(login, password) {
      const res = await call('/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password }),
      });
      if (!res || unreachable(res.status)) return { kind: 'network' };
      const payload = await body(res);
      if (res.ok) {
        const parsed = userBodySchema.safeParse(payload);
        return parsed.success
          ? { kind: 'ok', user: parsed.data.user }
          : { kind: 'unexpected', status: res.status };
      }
      const error = errorBodySchema.safeParse(payload);
      if (res.status === 401) return { kind: 'invalidCredentials' };
      if (res.status === 429) {
        const header = Number(res.headers.get('retry-after'));
        const seconds =
          (error.success ? error.data.retryAfterSeconds : undefined) ??
          (Number.isFinite(header) && header > 0 ? header : 60);
        return { kind: 'rateLimited', retryAfterSeconds: Math.max(1, Math.ceil(seconds)) };
      }
      return { kind: 'unexpected', status: res.status };
    },
    async logout() {
      const res = await call('/logout', { method: 'POST' });
      if (!res || unreachable(res.status)) return { kind: 'network' };
      return res.ok ? { kind: 'ok' } : { kind: 'unexpected', status: res.status };
    },
    async me() {
      const res = await call('/me');
      if (!res || unreachable(res.status)) return { kind: 'network' };
      if (res.status === 401) return { kind: 'unauthenticated' };
      const parsed = userBodySchema.safeParse(await body(res));
      return res.ok && parsed.success
        ? { kind: 'ok', user: parsed.data.user }
        : { kind: 'unexpected', status: res.status };
    },
  };
}
