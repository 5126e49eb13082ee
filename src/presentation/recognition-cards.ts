/**
 * The monthly thank-you card (cards/recognition-thanks.json): the month, the person's own figures
 * and a thank-you, with "Don't send me these". Words from locales/<lng>/recognition.json.
 */
import type { MessageKey } from '../domain/message-keys';
import { monthParts, type Month } from '../domain/recognition/recognition-month';
import type { Thanks } from '../domain/recognition/thanks';
import { text, type Text } from '../domain/text';
import type { CardRef } from './cards';

/** "November 2026" in the reader's language (the year as written, never with a thousands separator). */
export function monthWords(month: Month): Text {
  const { year, month: m } = monthParts(month);
  return text('recognition.monthYear', { month: text(`recognition.months.m${m}` as MessageKey), year: String(year) });
}

/** Hours with one decimal (a mean of 95 minutes is 1.6 h). */
const hours = (ms: number) => Math.round(ms / 360_000) / 10;

export function thanksCard(thanks: Thanks): CardRef {
  const period = monthWords(thanks.month);
  const facts: Array<{ title: Text; value: Text | string }> = [
    { title: text('recognition.card.answered'), value: String(thanks.answered) },
    { title: text('recognition.card.resolved'), value: String(thanks.resolved) },
  ];
  if (thanks.solutions !== undefined) facts.push({ title: text('recognition.card.solutions'), value: String(thanks.solutions) });
  if (thanks.meanMs !== undefined)
    facts.push({ title: text('recognition.card.responseTime'), value: text('recognition.card.hours', { hours: hours(thanks.meanMs) }) });
  return {
    card: 'recognition-thanks',
    data: {
      heading: text('recognition.card.heading', { period }),
      intro:
        thanks.displayName === ''
          ? text('recognition.card.introNoName', { period })
          : text('recognition.card.intro', { name: thanks.displayName, period }),
      facts,
      closing: text('recognition.card.closing'),
      hint: text('recognition.card.hint'),
      optOutLabel: text('recognition.card.optOut'),
    },
  };
}
