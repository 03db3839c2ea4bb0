import { describe, expect, it } from 'vitest';
import { createAuthApi } from '../../src/sync/authApi';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const user = { id: 'u1', login: 'koordination', displayName: 'Koordinierungsstelle' };

function apiAnswering(answer: () => Promise<Response>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const api = createAuthApi('', (url, init) => {
    calls.push({ url, init });
    return answer();
  });
  return { api, calls };
}

describe('auth API client', () => {
  it('logs in with login and password as JSON', async () => {
    const { api, calls } = apiAnswering(() => Promise.resolve(json(200, { user })));
    expect(await api.login('koordination', 'bruecke-demo')).toEqual({ kind: 'ok', user });
    expect(calls[0]?.url).toBe('/api/auth/login');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(calls[0]?.init?.body as string)).toEqual({
      login: 'koordination',
      password: 'bruecke-demo',
    });
  });

  it('translates the server answers into outcomes', async () => {
    const outcome = (res: Response | Error) =>
      apiAnswering(() =>
        res instanceof Error ? Promise.reject(res) : Promise.resolve(res),
      ).api.login('a', 'b');
    expect(await outcome(json(401, { code: 'invalid_credentials', message: '' }))).toEqual({
      kind: 'invalidCredentials',
    });
    expect(
      await outcome(json(429, { code: 'rate_limited', message: '', retryAfterSeconds: 840 })),
    ).toEqual({ kind: 'rateLimited', retryAfterSeconds: 840 });
    expect(await outcome(json(429, { code: 'x', message: '' }, { 'retry-after': '30' }))).toEqual({
      kind: 'rateLimited',
      retryAfterSeconds: 30,
    });
    expect(await outcome(new TypeError('Failed to fetch'))).toEqual({ kind: 'network' });
    expect(await outcome(json(502, {}))).toEqual({ kind: 'network' });
    expect(await outcome(json(400, { code: 'bad_request', message: '' }))).toEqual({
      kind: 'unexpected',
      status: 400,
    });
  });

  it('asks who is logged in and logs out', async () => {
    expect(await apiAnswering(() => Promise.resolve(json(200, { user }))).api.me()).toEqual({
      kind: 'ok',
      user,
    });
    expect(
      await apiAnswering(() => Promise.resolve(json(401, { code: 'unauthenticated' }))).api.me(),
    ).toEqual({ kind: 'unauthenticated' });
    const { api, calls } = apiAnswering(() => Promise.resolve(new Response(null, { status: 204 })));
    expect(await api.logout()).toEqual({ kind: 'ok' });
    expect(calls[0]).toMatchObject({ url: '/api/auth/logout', init: { method: 'POST' } });
    expect(await apiAnswering(() => Promise.reject(new TypeError('offline'))).api.logout()).toEqual(
      { kind: 'network' },
    );
  });
});
