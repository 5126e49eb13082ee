import { StorageUnavailableError } from '../domain/ports/storage-errors';

/**
 * What people are told when a turn cannot be served as asked. One place for these sentences: they
 * answer messages (through onTurnError) and card actions (through answerEveryInvoke) alike.
 */
export const FAILURE_MESSAGES = {
  storageDown:
    "I can't reach my storage right now, so I couldn't do that. Nothing was lost: please try again in a minute.",
  // No "nothing was changed": a card action can fail after its change was saved (updating the card for everyone).
  failed: 'Sorry, something went wrong on my side. Please try again; if it keeps happening, tell your help desk.',
  /** An invoke no route answered: a button of an older version of a card, or a verb we never had. */
  outOfDate: 'This card is out of date, so that button no longer works. Ask me again for a fresh card (for example "my requests" or "new request").',
  /** An invoke without what every turn needs (sender, conversation, bot). */
  damaged: 'That card action arrived incomplete, so I could not act on it. Please try again from a fresh card.',
  /** The tenant allow-list refused the activity (see tenant-guard). */
  tenantRefused: "This app isn't available for your organisation, so I can't act on that card.",
} as const;

/** The words for a failed turn: storage being unreachable has its own, every other failure the generic one. */
export function failureMessage(error: unknown): string {
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
