import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/createServer';

// Big and repetitive enough to be worth compressing (the plugin skips bodies under 1 KiB).
const ASSET_JS = `export const words = ${JSON.stringify('Brücke '.repeat(2000))};\n`;
const MANIFEST = JSON.stringify({ name: 'Brücke', description: 'x'.repeat(2000) });
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(4000, 7),
]);

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bruecke-compress-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><title>Brücke</title>${' '.repeat(2000)}`);
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), ASSET_JS);
  writeFileSync(join(dir, 'manifest.webmanifest'), MANIFEST);
  writeFileSync(join(dir, 'icon-192.png'), PNG);
  app = createServer({ staticDir: dir });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('compressed static files', () => {
  it('sends scripts with brotli when the browser accepts it, keeping the cache headers', async () => {
    const res = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.rawPayload.length).toBeLessThan(ASSET_JS.length / 4);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(ASSET_JS);
  });

  it('falls back to gzip, and to plain bytes without accept-encoding', async () => {
    const gzip = await app.inject({
      url: '/manifest.webmanifest',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(gzip.headers['cache-control']).toBe('no-cache');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(MANIFEST);

    const plain = await app.inject({ url: '/manifest.webmanifest' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(MANIFEST);
  });

  it('leaves images as they are', async () => {
    const res = await app.inject({ url: '/icon-192.png', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.rawPayload.equals(PNG)).toBe(true);
  });

  it('does not touch the API', async () => {
    const res = await app.inject({ url: '/api/auth/me', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
