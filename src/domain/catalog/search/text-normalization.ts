/**
 * How names and queries are compared: case, accents and punctuation do not matter, words do.
 * "Feuille de temps – Équipe" and "feuille temps equipe" share the words feuille, temps, equipe;
 * "경비 보고서" is the words 경비, 보고서 (whole syllables).
 */

/** Letters that NFD does not decompose into a base letter and a mark. */
const FOLDS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

const ASCII = /^[\x00-\x7f]*$/;

export function normalizeText(text: string): string {
  // Most names are plain ASCII: the same steps without the Unicode ones, several times faster.
  if (ASCII.test(text)) {
    return text
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return (
    text
      // "ExpenseTracker" and "expense tracker" are the same words.
      .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      // Hangul syllables decompose into jamo, which are letters, not marks: compose them again, so a
      // Korean word is its syllables (no prefix or typo match on half a syllable).
      .normalize('NFC')
      .toLowerCase()
      .replace(/[ßæœøđðłþı]/g, (c) => FOLDS[c] ?? c)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized === '' ? [] : normalized.split(' ');
}

/**
 * Short connecting words in the catalog's languages. A query ignores them (when it has other words),
 * so "feuille de temps" and "feuille temps" find the same solutions.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // English
  'a',
  'an',
  'the',
  'of',
  'for',
  'and',
  'to',
  'in',
  'on',
  'my',
  'our',
  'with',
  // French
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'et',
  'pour',
  'un',
  'une',
  'au',
  'aux',
  // Spanish, Portuguese, Italian
  'el',
  'los',
  'las',
  'y',
  'del',
  'para',
  'e',
  'da',
  'do',
  'dos',
  'di',
  'il',
  // German, Dutch
  'der',
  'die',
  'das',
  'und',
  'fur',
  'von',
  'het',
  'een',
  'en',
  'van',
  // Swedish, Danish, Norwegian
  'och',
  'av',
  'med',
  'till',
  'og',
  'af',
]);

/** The words of a query that carry meaning (all of them when it has nothing but stop words), in order, repeats kept. */
export function queryWords(query: string): string[] {
  const tokens = tokenize(query);
  const meaningful = tokens.filter((t) => !STOP_WORDS.has(t));
  return meaningful.length > 0 ? meaningful : tokens;
}

/** The distinct words of a query that carry meaning: what each name is matched against. */
export function queryTokens(query: string): string[] {
  return [...new Set(queryWords(query))];
}
