import { SELF_REPORT_DRAFT_PREFIX } from '../../db/repositories/selfReportDrafts';

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** FNV-1a (64 bit): only where Web Crypto is missing (a page served without https). */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * The draft's id: `selfReport:` + the first 16 hex digits of sha-256(token). Stable for one link,
 * and the drafts table never shows the token itself as a key.
 */
export async function selfReportDraftId(token: string): Promise<string> {
  // `crypto.subtle` exists only in secure contexts (https, localhost).
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (!subtle) return `${SELF_REPORT_DRAFT_PREFIX}${fnv1a64(token)}`;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(token));
  return `${SELF_REPORT_DRAFT_PREFIX}${hex(new Uint8Array(digest)).slice(0, 16)}`;
}
