import { StorageUnavailableError } from '../domain/ports/storage-errors';
import { text, type Text } from '../domain/text';

/**
 * What people are told when a turn cannot be served as asked (words in locales/, messages.failures): they
 * answer messages (through onTurnError) and card actions (through answerEveryInvoke) alike.
 */
export const FAILURE_MESSAGES = {
  storageDown: text('messages.failures.storageDown'),
  // No "nothing was changed": a card action can fail after its change was saved (updating the card for everyone).
  failed: text('messages.failures.failed'),
  /** An invoke no route answered: a button of an older version of a card, or a verb we never had. */
  outOfDate: text('messages.failures.outOfDate'),
  /** An invoke without what every turn needs (sender, conversation, bot). */
  damaged: text('messages.failures.damaged'),
  /** The tenant allow-list refused the activity (see tenant-guard). */
  tenantRefused: text('messages.failures.tenantRefused'),
} as const;

/** The words for a failed turn: storage being unreachable has its own, every other failure the generic one. */
export function failureMessage(error: unknown): Text {
  return isStorageUnavailable(error) ? FAILURE_MESSAGES.storageDown : FAILURE_MESSAGES.failed;
}

/** Also through `cause`: SDK code between the store and the turn may wrap the storage layer's error. */
function isStorageUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof StorageUnavailableError) return true;
    current = current.cause;
  }
  return false;
}
