/**
 * The locale resources agree with each other and with the code: every language has exactly the
 * English keys (a plural family counts as one key: Korean has only `_other`, French adds `_many`),
 * the same placeholders per key, and the generated MessageKey union is what the generator writes now.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALE, LOCALES, NAMESPACES, type Locale, type Namespace } from '../../../src/i18n/locales';
import { messageKeysModule, PLURAL_SUFFIX } from '../../../src/i18n/message-keys-source';
import { flatten, readBundle } from '../../../src/i18n/resources';

const OTHERS = LOCALES.filter((l) => l !== DEFAULT_LOCALE);

/** Each key of a bundle with its plural suffix taken off, and every text of that family. */
function families(locale: Locale, namespace: Namespace): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, words] of flatten(readBundle(locale, namespace))) {
    const family = key.replace(PLURAL_SUFFIX, '');
    out.set(family, [...(out.get(family) ?? []), words]);
  }
  return out;
}

/** `{{name}}` and `{{name, format}}` placeholders, by name; `<at>` mention tags count too (cards match them with the mention entity). */
function placeholders(words: readonly string[]): string[] {
  const names = new Set<string>();
  for (const w of words) {
    for (const m of w.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)) names.add(m[1]!);
    for (const m of w.matchAll(/<\/?at>/g)) names.add(m[0]);
  }
  return [...names].sort();
}

describe.each(NAMESPACES)('locales/*/%s.json', (namespace) => {
  const english = families(DEFAULT_LOCALE, namespace);

  it.each(OTHERS)('%s has every English key and no other', (locale) => {
    expect([...families(locale, namespace).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(OTHERS)('%s uses the same placeholders as English in every key (a plural family: all its forms together)', (locale) => {
    const theirs = families(locale, namespace);
    const different = [...english]
      .filter(([key, words]) => theirs.has(key) && placeholders(theirs.get(key)!).join() !== placeholders(words).join())
      .map(([key, words]) => ({ key, en: placeholders(words), [locale]: placeholders(theirs.get(key)!) }));
    expect(different).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty words', (locale) => {
    expect(
      flatten(readBundle(locale, namespace))
        .filter(([, words]) => words.trim() === '')
        .map(([key]) => key),
    ).toEqual([]);
  });
});

describe('plural families', () => {
  // i18next picks a form by Intl.PluralRules and falls back to English when the form is missing:
  // every family needs at least `_other`, which every language uses.
  it.each(LOCALES)('%s has the `_other` form of every plural family', (locale) => {
    const missing: string[] = [];
    for (const namespace of NAMESPACES) {
      const theirs = new Set(flatten(readBundle(locale, namespace)).map(([key]) => key));
      const plural = new Set(
        flatten(readBundle(DEFAULT_LOCALE, namespace))
          .map(([key]) => key)
          .filter((k) => PLURAL_SUFFIX.test(k))
          .map((k) => k.replace(PLURAL_SUFFIX, '')),
      );
      for (const family of plural) if (!theirs.has(`${family}_other`)) missing.push(`${namespace}.${family}_other`);
    }
    expect(missing).toEqual([]);
  });
});

describe('src/domain/message-keys.ts', () => {
  it('is what `npm run i18n:keys` writes from locales/en now', () => {
    const current = readFileSync(path.resolve(__dirname, '../../../src/domain/message-keys.ts'), 'utf8');
    expect(current).toBe(messageKeysModule());
  });
});
