/**
 * What makes the app installable, as pure checks on the web app manifest and on what the server
 * answered for its icons (Lighthouse 12 no longer has a PWA category). The browser side (service
 * worker in control, start_url offline, Chromium's own verdict) is in installability.ts.
 */

export interface ManifestIcon {
  src: string;
  sizes?: string;
  type?: string;
  purpose?: string;
}

export interface WebManifest {
  id?: string;
  name?: string;
  short_name?: string;
  start_url?: string;
  scope?: string;
  display?: string;
  theme_color?: string;
  background_color?: string;
  icons?: ManifestIcon[];
}

/** One icon as fetched from the server. */
export interface FetchedIcon {
  src: string;
  status: number;
  contentType: string;
  /** Pixel size read from the PNG header, null when it is not a PNG. */
  width: number | null;
  height: number | null;
}

export interface Check {
  name: string;
  ok: boolean;
  detail?: string;
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const purposes = (icon: ManifestIcon): string[] => (icon.purpose ?? 'any').split(/\s+/);

function iconCheck(
  name: string,
  icons: readonly ManifestIcon[],
  fetched: readonly FetchedIcon[],
  wanted: { size: number; purpose: string },
): Check {
  const candidates = icons.filter(
    (i) =>
      purposes(i).includes(wanted.purpose) &&
      (i.sizes ?? '').split(/\s+/).includes(`${wanted.size}x${wanted.size}`),
  );
  if (candidates.length === 0) return { name, ok: false, detail: 'not in the manifest' };
  const good = candidates.find((icon) => {
    const f = fetched.find((x) => x.src === icon.src);
    return (
      f !== undefined &&
      f.status === 200 &&
      f.contentType.startsWith('image/png') &&
      f.width === wanted.size &&
      f.height === wanted.size
    );
  });
  return good
    ? { name, ok: true, detail: good.src }
    : {
        name,
        ok: false,
        detail: `${candidates.map((c) => c.src).join(', ')} not served as a ${wanted.size}px PNG`,
      };
}

/** The manifest fields and icons Chromium and the stores look for. */
export function manifestChecks(
  manifest: WebManifest,
  fetched: readonly FetchedIcon[],
  contentType: string,
): Check[] {
  const icons = manifest.icons ?? [];
  const has = (name: string, value: string | undefined): Check => ({
    name,
    ok: typeof value === 'string' && value.trim() !== '',
    detail: value,
  });
  return [
    {
      name: 'manifest served as application/manifest+json',
      ok: contentType.startsWith('application/manifest+json'),
      detail: contentType,
    },
    has('manifest name', manifest.name),
    has('manifest short_name', manifest.short_name),
    has('manifest id', manifest.id),
    has('manifest start_url', manifest.start_url),
    {
      name: 'display standalone, fullscreen or minimal-ui',
      ok: ['standalone', 'fullscreen', 'minimal-ui'].includes(manifest.display ?? ''),
      detail: manifest.display,
    },
    has('theme_color', manifest.theme_color),
    has('background_color', manifest.background_color),
    iconCheck('icon 192×192 PNG', icons, fetched, { size: 192, purpose: 'any' }),
    iconCheck('icon 512×512 PNG', icons, fetched, { size: 512, purpose: 'any' }),
    iconCheck('maskable icon 512×512 PNG', icons, fetched, { size: 512, purpose: 'maskable' }),
  ];
}
