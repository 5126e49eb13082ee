/**
 * A report period's words in every language (`locales/<lng>/reports.json` → `commands.period*`,
 * alternatives separated by `|`): like the commands, every language's words are understood from
 * everyone, and English always.
 */
import type { MessageKey } from '../domain/message-keys';
import { foldPeriodWord, type PeriodVocabulary } from '../domain/reports/report-period';
import { splitPhrases } from './command-phrases';
import { LOCALES } from './locales';
import { resourceText } from './translate';

const UNITS: ReadonlyArray<readonly [MessageKey, number]> = [
  ['reports.commands.periodDays', 1],
  ['reports.commands.periodWeeks', 7],
  ['reports.commands.periodMonths', 28],
];

let vocabulary: PeriodVocabulary | undefined;

/** Built once from the loaded resources. */
export function periodVocabulary(): PeriodVocabulary {
  if (vocabulary) return vocabulary;
  const fillers = new Set<string>();
  const unitDays = new Map<string, number>();
  for (const locale of LOCALES) {
    for (const word of wordsOf(locale, 'reports.commands.periodLast')) fillers.add(word);
    for (const [key, days] of UNITS) for (const word of wordsOf(locale, key)) unitDays.set(word, days);
  }
  vocabulary = { fillers, unitDays };
  return vocabulary;
}

function wordsOf(locale: (typeof LOCALES)[number], key: MessageKey): string[] {
  return splitPhrases(resourceText(locale, key) ?? '').map(foldPeriodWord);
}
