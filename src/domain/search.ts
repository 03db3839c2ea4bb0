/**
 * Search keys that match across scripts and spellings: case-folded, diacritics and Arabic
 * vowel marks removed, ß → ss, so "Kulturverein", "kulturverein" and "KÜLTÜR" find each other
 * and Arabic or Cyrillic names can be found by what the user types.
 */

/** Letters that do not decompose but are typed without their stroke or dot on most keyboards. */
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  ı: 'i', // Turkish dotless i ("Işık" is found by "isik")
  ł: 'l', // Polish ("Złota" by "zlota")
  đ: 'd', // Croatian, Bosnian, Vietnamese
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ς: 'σ', // Greek final sigma, so a word typed halfway still matches
};
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '') // Arabic tatweel
    .replace(/\p{Cf}/gu, '') // zero-width (non-)joiners, bidi marks and isolates
    .toLocaleLowerCase('und')
    .replace(FOLDABLE, (c) => LETTER_FOLDS[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The folded words of a query; an empty list matches everything. */
export function queryWords(query: string): string[] {
  const q = searchKey(query);
  return q === '' ? [] : q.split(' ');
}

/** Whether a folded haystack (see `searchKey`) contains every word. */
export function matchesWords(haystack: string, words: readonly string[]): boolean {
  for (const word of words) if (!haystack.includes(word)) return false;
  return true;
}

let lastQuery = '';
let lastWords: string[] = [];

/**
 * `matchesWords(haystack, queryWords(query))`. Lists call this once per row with the same query:
 * the query's folding is remembered for the next call.
 */
export function matchesQuery(haystack: string, query: string): boolean {
  if (query !== lastQuery) {
    lastWords = queryWords(query);
    lastQuery = query;
  }
  return matchesWords(haystack, lastWords);
}
