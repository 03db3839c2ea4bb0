import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControlFor } from '../../src/server/cachePolicy';
import { readConfig } from '../../src/server/config';
import { createServer } from '../../src/server/createServer';
import { isAppShellPath } from '../../src/server/paths';

const INDEX_HTML = '<!doctype html><title>Brücke</title><div id="root"></div>';
const ASSET_JS = 'console.log("app");';

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bruecke-server-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'api'));
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), ASSET_JS);
  writeFileSync(join(dir, 'assets', 'index-AbC123.css'), 'body{}');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dir, 'registerSW.js'), '/* register */');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"Brücke"}');
  writeFileSync(join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'api', 'secret.json'), '{"leak":true}');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  app = createServer({ staticDir: dir });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static files', () => {
  it('serves index.html at / without caching', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(INDEX_HTML);
  });

  it('serves /index.html without caching', async () => {
    const res = await app.inject({ method: 'GET', url: '/index.html' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for long, with the right content type', async () => {
    const js = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.body).toBe(ASSET_JS);
    const css = await app.inject({ method: 'GET', url: '/assets/index-AbC123.css' });
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it.each([
    ['/sw.js', /javascript/],
    ['/registerSW.js', /javascript/],
    ['/manifest.webmanifest', /^application\/manifest\+json/],
    ['/icon.svg', /^image\/svg\+xml/],
  ])('serves %s with no-cache', async (url, type) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(type);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('answers HEAD like GET without a body', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/assets/index-AbC123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
  });

  it('does not serve dotfiles', async () => {
    const res = await app.inject({ method: 'GET', url: '/.env' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('SECRET');
  });
});

describe('SPA fallback', () => {
  it.each(['/organisations', '/some/deep/path', '/settings?x=1'])(
    'answers %s with the app shell',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(INDEX_HTML);
    },
  );

  it.each(['/assets/missing-123.js', '/favicon.ico', '/workbox-old.js'])(
    'answers a missing file %s with 404 JSON, not HTML',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    },
  );

  it('does not fall back for other methods', async () => {
    const res = await app.inject({ method: 'POST', url: '/organisations', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
  });

  it('answers 503 when the app is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'bruecke-empty-'));
    const bare = createServer({ staticDir: empty });
    try {
      const res = await bare.inject({ method: 'GET', url: '/organisations' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'service_unavailable' });
      expect((await bare.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('API', () => {
  it('GET /api/health answers ok', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ ok: true });
  });

  it.each([
    ['GET', '/api/nope'],
    ['GET', '/api'],
    ['GET', '/api/secret.json'],
    ['POST', '/api/sync'],
    ['DELETE', '/api/health/x'],
  ] as const)('%s %s is a JSON 404, never the app shell or a file', async (method, url) => {
    const res = await app.inject({ method, url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json<{ code: string; message: string }>();
    expect(body.code).toBe('not_found');
    expect(typeof body.message).toBe('string');
    expect(res.body).not.toContain('leak');
  });
});

describe('bad input', () => {
  it.each([
    '/%',
    '/%E0%A4%A',
    '/assets/%00',
    '/..%2f..%2f..%2fetc%2fpasswd',
    '/assets/..%2f..%2findex.html',
    '/../../etc/passwd',
    `/${'a'.repeat(5000)}`,
    '/api/%ZZ',
  ])('survives GET %s with a client answer', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.body).not.toContain('root:');
  });

  it('answers malformed JSON with 400 JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json()).toHaveProperty('code');
  });

  it('answers a failing route with a generic 500 JSON and keeps running', async () => {
    const server = createServer({ staticDir: dir });
    server.get('/api/boom', () => {
      throw new Error('secret internal detail');
    });
    try {
      const res = await server.inject({ method: 'GET', url: '/api/boom' });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ code: 'internal_error', message: 'Internal server error' });
      expect((await server.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('still answers after all that', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ ok: true });
  });
});

describe('helpers', () => {
  it('cacheControlFor', () => {
    expect(cacheControlFor('/assets/x-1.js')).toContain('immutable');
    expect(cacheControlFor('assets/x-1.js')).toContain('immutable');
    expect(cacheControlFor('/sw.js')).toBe('no-cache');
    expect(cacheControlFor('/index.html')).toBe('no-cache');
  });

  it('isAppShellPath', () => {
    expect(isAppShellPath('/')).toBe(true);
    expect(isAppShellPath('/organisations/42')).toBe(true);
    expect(isAppShellPath('/api/x')).toBe(false);
    expect(isAppShellPath('/assets/x')).toBe(false);
    expect(isAppShellPath('/favicon.ico')).toBe(false);
  });

  it('readConfig', () => {
    expect(readConfig({}, '/srv')).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/data',
      sessionDays: 30,
      secureCookies: false,
      demoPassword: 'bruecke-demo',
    });
    expect(
      readConfig(
        {
          PORT: '9000',
          HOST: '0.0.0.0',
          BRUECKE_DATA_DIR: '/var/lib/b',
          BRUECKE_SESSION_DAYS: '7',
          BRUECKE_SECURE_COOKIES: '1',
          BRUECKE_DEMO_PASSWORD: 'another-secret',
        },
        '/srv',
      ),
    ).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/b',
      sessionDays: 7,
      secureCookies: true,
      demoPassword: 'another-secret',
    });
    expect(() => readConfig({ PORT: 'eighty' }, '/srv')).toThrow(/PORT/);
    expect(() => readConfig({ PORT: '70000' }, '/srv')).toThrow(/PORT/);
    expect(() => readConfig({ BRUECKE_SESSION_DAYS: '0' }, '/srv')).toThrow(/SESSION_DAYS/);
    expect(() => readConfig({ BRUECKE_SESSION_DAYS: '1.5' }, '/srv')).toThrow(/SESSION_DAYS/);
    expect(() => readConfig({ BRUECKE_SECURE_COOKIES: 'yes' }, '/srv')).toThrow(/SECURE_COOKIES/);
  });
});
