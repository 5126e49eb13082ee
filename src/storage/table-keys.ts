/**
 * Encoding of arbitrary strings into PartitionKey / RowKey values.
 *
 * Table Storage forbids `/ \ # ?` and control characters in keys, and `%` is known to break some
 * operations addressed by URL. Those characters (and the escape character itself) become `~XX`
 * (UTF-16 code unit in hex, `~uXXXX` above 0xFF), so the encoding is reversible and keeps ordering of
 * plain ASCII prefixes intact.
 */
const NEEDS_ESCAPE = /[\\/#?%~\u0000-\u001f\u007f-\u009f]/g;
const MAX_KEY_BYTES = 1024;

export function encodeKey(value: string): string {
  return value.replace(NEEDS_ESCAPE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `~${code.toString(16).padStart(2, '0')}` : `~u${code.toString(16).padStart(4, '0')}`;
  });
}

export function decodeKey(encoded: string): string {
  return encoded.replace(/~u([0-9a-f]{4})|~([0-9a-f]{2})/g, (_m, wide: string | undefined, narrow: string | undefined) =>
    String.fromCharCode(parseInt(wide ?? narrow ?? '0', 16)),
  );
}

/** Keys are limited to 1 KiB; Table Storage counts UTF-16 code units (2 bytes each). */
export function fitsInKey(encoded: string): boolean {
  return encoded.length * 2 <= MAX_KEY_BYTES;
}
