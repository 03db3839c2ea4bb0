/**
 * Wraps user-entered text in Unicode directional isolates (FSI … PDI) before it is interpolated
 * into a translated sentence, so an Arabic name keeps its direction inside German text and
 * vice versa.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
