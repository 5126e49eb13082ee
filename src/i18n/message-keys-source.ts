/**
 * The `MessageKey` union (src/domain/message-keys.ts) is written from the English resources by
 * `npm run i18n:keys`, and test/unit/i18n/locales.test.ts checks it is current: a wrong key in code
 * fails `tsc`. Cards' words (`cards.json`) are not message keys: templates bind them as `${t.<key>}`.
 */
import { flatten, readBundle } from './resources';
import { NAMESPACES } from './locales';

/** i18next's plural forms: `x_one`, `x_other`… are the one key `x` (rendered with `count`). */
export const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

export function englishMessageKeys(): string[] {
  const keys = new Set<string>();
  for (const namespace of NAMESPACES) {
    if (namespace === 'cards') continue;
    for (const [key] of flatten(readBundle('en', namespace))) keys.add(`${namespace}.${key.replace(PLURAL_SUFFIX, '')}`);
  }
  return [...keys].sort();
}

export function messageKeysModule(): string {
  const lines = englishMessageKeys().map((key) => `  | '${key}'`);
  return [
    '// Written by `npm run i18n:keys` from locales/en/*.json (not cards.json); do not edit.',
    '// test/unit/i18n/locales.test.ts fails when it is not current.',
    '',
    '/** A key of the English resources: `<namespace>.<path>`. */',
    'export type MessageKey =',
    ...lines,
    '',
  ]
    .join('\n')
    .replace(/\n$/, ';\n');
}
