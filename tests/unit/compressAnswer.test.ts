import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  acceptsGzip,
  COMPRESS_MIN_BYTES,
  compressAnswer,
} from '../../src/server/sync/compressAnswer';

describe('pull answers on a weak connection', () => {
  it('reads Accept-Encoding as browsers and Node send it', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip(['deflate', 'gzip'])).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('compresses a large answer losslessly and leaves small ones as they are', async () => {
    const large = JSON.stringify({
      changes: Array.from({ length: 200 }, (_, i) => ({ i, name: 'Verein für Kultur' })),
    });
    const packed = await compressAnswer(Buffer.from(large), 'gzip');
    expect(packed.encoding).toBe('gzip');
    expect(packed.body.length).toBeLessThan(Buffer.byteLength(large) / 4);
    expect(gunzipSync(packed.body).toString('utf8')).toBe(large);

    const small = JSON.stringify({ changes: [] });
    expect(small.length).toBeLessThan(COMPRESS_MIN_BYTES);
    expect(await compressAnswer(Buffer.from(small), 'gzip')).toEqual({
      body: Buffer.from(small),
      encoding: null,
    });
    expect((await compressAnswer(Buffer.from(large), 'identity')).encoding).toBeNull();
  });
});
