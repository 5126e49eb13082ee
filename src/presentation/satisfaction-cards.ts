/** The requester's one-tap question after a maker or co-owners resolved their request, and its answered state. */
import type { SupportRequest } from '../domain/intake/support-request';
import type { SatisfactionRating } from '../domain/ports/satisfaction';
import { text, type Text } from '../domain/text';
import type { CardRef } from './cards';

const WORDS = { yes: text('followup.satisfaction.yes'), no: text('followup.satisfaction.no') };

const RATING: Readonly<Record<SatisfactionRating, Text>> = {
  satisfied: text('followup.satisfaction.ratingSatisfied'),
  'not-satisfied': text('followup.satisfaction.ratingNotSatisfied'),
};

/** `resolvedBy`: who said it was resolved. `answered`: the recorded answer (no buttons then). */
export function satisfactionCard(request: SupportRequest, resolvedBy: string, answered?: SatisfactionRating, notice?: Text): CardRef {
  return {
    card: 'request-satisfaction',
    data: {
      requestId: request.id,
      reference: request.reference,
      title: request.details.title,
      question: text('followup.satisfaction.question', { name: resolvedBy }),
      notice: notice ?? '',
      answered: answered ? text('followup.satisfaction.answered', { rating: RATING[answered] }) : '',
      words: WORDS,
    },
  };
}
