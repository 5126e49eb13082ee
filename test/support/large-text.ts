/**
 * Non-ASCII text for storage tests at the largest sizes the product allows. Azurite corrupts
 * multi-byte UTF-8 in large request bodies (see src/storage/stored-text.ts): these strings are what
 * would come back altered if a write path sent them as text.
 */

/** Korean: 3 bytes of UTF-8 per UTF-16 code unit (spaces aside). */
export const KOREAN = '한국어 지원 요청 ';
/** Emoji with a skin tone and a zero-width joiner: surrogate pairs, 4-byte UTF-8, one 3-byte joiner. */
export const EMOJI = '🧯🚒👩🏽‍💻';

/**
 * `unit` repeated to exactly `length` UTF-16 code units (the unit of the product's input limits),
 * cut between code points, never inside a surrogate pair (an ASCII dot pads the last unit if needed).
 */
export function ofLength(unit: string, length: number): string {
  const points = Array.from(unit);
  let out = '';
  for (let i = 0; out.length + points[i % points.length].length <= length; i++) out += points[i % points.length];
  return out.padEnd(length, '.');
}

/** `unit` repeated to at most `bytes` bytes of UTF-8, cut between code points. */
export function fill(unit: string, bytes: number): string {
  const points = Array.from(unit);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const point = points[i % points.length];
    const n = Buffer.byteLength(point, 'utf8');
    if (size + n > bytes) break;
    parts.push(point);
    size += n;
  }
  return parts.join('');
}

/** Both scripts at once, for one assertion per write path. */
export const SCRIPTS: ReadonlyArray<readonly [string, string]> = [
  ['Korean', KOREAN],
  ['emoji', EMOJI],
];
