/**
 * Where the bot reaches people proactively: each user's 1:1 conversation reference, once created or
 * seen (storage/conversations/table-conversation-store.ts).
 */

/** A Bot Framework ConversationReference as plain JSON (only the Teams layer knows its shape). */
export type StoredConversationReference = Readonly<Record<string, unknown>>;

export interface UserConversations {
  getUser(aadObjectId: string): Promise<StoredConversationReference | undefined>;
  /** Last writer wins: every reference Teams gives for a user is equally valid. */
  saveUser(aadObjectId: string, reference: StoredConversationReference): Promise<void>;
}
