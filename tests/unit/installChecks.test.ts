import { describe, expect, it } from 'vitest';
import {
  manifestChecks,
  pngSize,
  type FetchedIcon,
  type WebManifest,
} from '../bench/installChecks';

function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

const manifest: WebManifest = {
  id: '/',
  name: 'Brücke – Koordinierungsstelle',
  short_name: 'Brücke',
  start_url: '/',
  display: 'standalone',
  theme_color: '#1f4e79',
  background_color: '#ffffff',
  icons: [
    { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
    { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

const served = (src: string, size: number, overrides: Partial<FetchedIcon> = {}): FetchedIcon => ({
  src,
  status: 200,
  contentType: 'image/png',
  width: size,
  height: size,
  ...overrides,
});

const allServed = [
  served('icon-192.png', 192),
  served('icon-512.png', 512),
  served('icon-maskable-512.png', 512),
];

const failing = (checks: ReturnType<typeof manifestChecks>) =>
  checks.filter((c) => !c.ok).map((c) => c.name);

describe('pngSize', () => {
  it('reads width and height from the IHDR chunk', () => {
    expect(pngSize(png(192, 192))).toEqual({ width: 192, height: 192 });
    expect(pngSize(png(512, 300))).toEqual({ width: 512, height: 300 });
  });

  it('returns null for anything that is not a PNG', () => {
    expect(pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(
      null,
    );
    expect(pngSize(new Uint8Array(4))).toBe(null);
  });
});

describe('manifestChecks', () => {
  it('passes the app manifest with its icons served as PNGs of the right size', () => {
    expect(failing(manifestChecks(manifest, allServed, 'application/manifest+json'))).toEqual([]);
  });

  it('names what is missing', () => {
    const bare: WebManifest = { ...manifest, short_name: ' ', display: 'browser', icons: [] };
    expect(failing(manifestChecks(bare, [], 'application/json'))).toEqual([
      'manifest served as application/manifest+json',
      'manifest short_name',
      'display standalone, fullscreen or minimal-ui',
      'icon 192×192 PNG',
      'icon 512×512 PNG',
      'maskable icon 512×512 PNG',
    ]);
  });

  it('fails an icon the server does not deliver as the declared PNG', () => {
    const icons = [
      served('icon-192.png', 192, { status: 404 }),
      served('icon-512.png', 256),
      served('icon-maskable-512.png', 512, { contentType: 'text/html' }),
    ];
    expect(failing(manifestChecks(manifest, icons, 'application/manifest+json'))).toEqual([
      'icon 192×192 PNG',
      'icon 512×512 PNG',
      'maskable icon 512×512 PNG',
    ]);
  });

  it('does not count a maskable-only icon as an "any" icon', () => {
    const onlyMaskable: WebManifest = {
      ...manifest,
      icons: [{ src: 'm.png', sizes: '512x512', purpose: 'maskable' }],
    };
    const checks = manifestChecks(
      onlyMaskable,
      [served('m.png', 512)],
      'application/manifest+json',
    );
    expect(failing(checks)).toEqual(['icon 192×192 PNG', 'icon 512×512 PNG']);
  });
});
