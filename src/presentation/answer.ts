/**
 * What a handler answers, whatever the use case: a card to show (in place of the one pressed, or as
 * a new message), or words only (a refusal, a hint). The Teams layer renders either in the person's
 * language (src/teams/rendering.ts).
 */
import type { Text } from '../domain/text';
import type { CardRef } from './cards';

export type Answer = { readonly card: CardRef } | { readonly message: Text };

export function cardAnswer(card: CardRef): Answer {
  return { card };
}

export function messageAnswer(message: Text): Answer {
  return { message };
}
