/**
 * Searches the answers step found nothing for (issue 16): the knowledge owners see the most recent
 * ones, so they know which articles are missing. One record per normalised question and language,
 * with a count and the last time; the text is cut before it is stored or compared.
 */

/** Characters of a question kept: a title's worth (the answers step searches the title). */
export const MISSED_QUERY_CHARS = 150;

export interface MissedSearch {
  readonly query: string;
  readonly language: string;
  readonly count: number;
  readonly firstAt: string;
  readonly lastAt: string;
}

/** Case, spacing and sentence punctuation do not make a new question; the text is cut first. */
export function normalizeQuery(text: string): string {
  return text
    .slice(0, MISSED_QUERY_CHARS * 2)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MISSED_QUERY_CHARS);
}

/** A language tag as stored: two letters, or "en". */
export function missedLanguage(language: string): string {
  const two = language.slice(0, 2).toLowerCase();
  return /^[a-z]{2}$/.test(two) ? two : 'en';
}

export function countMiss(previous: MissedSearch | undefined, query: string, language: string, at: string): MissedSearch {
  if (!previous) return { query, language, count: 1, firstAt: at, lastAt: at };
  return { ...previous, count: previous.count + 1, lastAt: at > previous.lastAt ? at : previous.lastAt };
}
