/** Characters outside ASCII (and DEL), which JSON may carry as `\uXXXX` escapes instead. */
const NON_ASCII = /[\u007f-\uffff]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `JSON.stringify(value)` with every character outside ASCII written as a `\uXXXX` escape: the
 * same JSON value, in bytes that are all ASCII. A push body of German, Turkish or Arabic names
 * is then decoded by the server without a UTF-8 pass (a Node server keeps such text as
 * one-byte strings, half the memory), for a few bytes more per non-ASCII character.
 * Surrogate pairs are escaped unit by unit, as JSON allows.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(NON_ASCII, escape);
}
