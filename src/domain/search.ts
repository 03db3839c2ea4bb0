/**
 * Search keys that match across scripts and spellings: case-folded, diacritics and Arabic
 * vowel marks removed, ß → ss, so "Kulturverein", "kulturverein" and "KÜLTÜR" find each other
 * and Arabic or Cyrillic names can be found by what the user types.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '') // Arabic tatweel
    .toLocaleLowerCase('und')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

export function matchesQuery(haystack: string, query: string): boolean {
  const q = searchKey(query);
  if (q === '') return true;
  return q.split(' ').every((word) => haystack.includes(word));
}
