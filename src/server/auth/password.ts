import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost parameters. Stored with every hash, so changing them affects only new hashes. */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelisation. */
  p: number;
}

/** Production cost: N = 2^15, r = 8, p = 1 (≈ 32 MiB and some tens of ms per hash). */
export const PRODUCTION_SCRYPT: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });

/** Passwords shorter than this are refused when an account is created or its password set. */
export const MIN_PASSWORD_LENGTH = 10;
/** Longer input is refused (also by the login route's schema), so hashing stays cheap to call. */
export const MAX_PASSWORD_LENGTH = 1024;

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PREFIX = 'scrypt';

/**
 * Hashes a password as `scrypt$N$r$p$saltB64$hashB64` with a fresh 16-byte salt and a 32-byte key.
 * The password is NFC-normalised first, so an "ü" typed on different keyboards matches.
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = PRODUCTION_SCRYPT,
): Promise<string> {
  assertParams(params);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, params);
  return [
    PREFIX,
    params.N,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/**
 * Whether `password` matches `encoded` (made by {@link hashPassword}, with whatever parameters it
 * names). A malformed hash never matches. Compares in constant time.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

/** A human-readable reason why a new password is not acceptable, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`;
  }
  return null;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parseHash(encoded: string): ParsedHash | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [, rawN, rawR, rawP, rawSalt = '', rawKey = ''] = parts;
  const params = { N: Number(rawN), r: Number(rawR), p: Number(rawP) };
  if (!paramsAreSane(params)) return null;
  const salt = Buffer.from(rawSalt, 'base64');
  const key = Buffer.from(rawKey, 'base64');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return null;
  return { params, salt, key };
}

/** Bounds that keep a corrupted or hostile hash from making the server allocate gigabytes. */
function paramsAreSane({ N, r, p }: ScryptParams): boolean {
  return (
    Number.isInteger(N) &&
    N >= 2 &&
    N <= 2 ** 20 &&
    (N & (N - 1)) === 0 &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= 32 &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= 16
  );
}

function assertParams(params: ScryptParams): void {
  if (!paramsAreSane(params)) {
    throw new Error(`Unusable scrypt parameters: ${JSON.stringify(params)}`);
  }
}

function derive(
  password: string,
  salt: Buffer,
  length: number,
  { N, r, p }: ScryptParams,
): Promise<Buffer> {
  // scrypt needs about 128·N·r bytes; Node's default limit (32 MiB) is exactly N = 2^15, r = 8,
  // which it rejects, so allow twice that.
  const maxmem = 256 * N * r + 128 * r * p;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { N, r, p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}
