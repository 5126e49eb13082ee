/**
 * The words, from the top-level `locales/` folder (like `cards/`: the same relative path from
 * `src/i18n` and `dist/i18n`), read once: `locales/<lng>/<namespace>.json`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALES, NAMESPACES, type Locale, type Namespace } from './locales';

export const LOCALES_DIR = path.resolve(__dirname, '../../locales');

export type Bundle = { readonly [key: string]: string | Bundle };

export function readBundle(locale: Locale, namespace: Namespace): Bundle {
  return JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, `${namespace}.json`), 'utf8')) as Bundle;
}

export function readAllBundles(): Record<Locale, Record<Namespace, Bundle>> {
  const out = {} as Record<Locale, Record<Namespace, Bundle>>;
  for (const locale of LOCALES) {
    out[locale] = {} as Record<Namespace, Bundle>;
    for (const namespace of NAMESPACES) out[locale][namespace] = readBundle(locale, namespace);
  }
  return out;
}

/** Every key of a bundle as a dotted path, with its text. */
export function flatten(bundle: Bundle, prefix = ''): Array<[string, string]> {
  return Object.entries(bundle).flatMap(([name, value]) =>
    typeof value === 'string' ? [[`${prefix}${name}`, value] as [string, string]] : flatten(value, `${prefix}${name}.`),
  );
}
