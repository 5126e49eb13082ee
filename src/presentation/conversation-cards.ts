/**
 * What a person sees when their own words started (or resumed) a questionnaire, or a "Get help" link
 * did: the questionnaire's card, with a line saying what happened to what they wrote.
 */
import type { ConversationStartResult } from '../domain/intake/conversation-start';
import { text } from '../domain/text';
import { cardAnswer, messageAnswer, type Answer } from './answer';
import { intakeCard } from './intake-cards';

/** The answers to send, in order: a notice first when the card has no room for one. */
export function conversationAnswers(result: ConversationStartResult): Answer[] {
  switch (result.kind) {
    case 'too-long':
      return [messageAnswer(text('conversation.tooLong', { length: result.length, max: result.max, count: result.length - result.max }))];
    case 'started':
      // The first card has a line above its question (intake-need's greeting); a redelivery shows the draft as it is.
      return [cardAnswer(intakeCard(result.view, result.view.kind === 'need' ? text('conversation.started') : ''))];
    case 'resumed':
      return [
        messageAnswer(text(result.adopted ? 'conversation.resumedWithText' : 'conversation.resumed')),
        cardAnswer(intakeCard(result.view)),
      ];
  }
}
