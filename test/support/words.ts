/** Words as a person reading English sees them: Text descriptors rendered from locales/en. */
import type { Text } from '../../src/domain/text';
import { CommandRefused } from '../../src/domain/tickets/ticket-changes';
import { DEFAULT_VIEWER } from '../../src/i18n/locales';
import { translate } from '../../src/i18n/translate';
import { resolveWords } from '../../src/teams/rendering';

export function english(words: Text | string): string {
  return translate(words, DEFAULT_VIEWER);
}

/** The English reason `run` was refused with (it must throw CommandRefused). */
export function refusalOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CommandRefused) return english(error.reason);
    throw error;
  }
  throw new Error('not refused');
}

/** A card's data (or any value) with its words in English. */
export function englishData(data: unknown): any {
  return resolveWords(data);
}
