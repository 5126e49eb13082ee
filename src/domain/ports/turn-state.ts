/**
 * The store of the bot's turn state (conversation and user state of teams-ai), shaped like
 * botbuilder's `Storage` so that the Teams layer can hand it to teams-ai as it is, while storage
 * implements it without importing botbuilder (storage/table-state-store.ts):
 * - `read` returns stored items with their current `eTag`; missing keys are absent;
 * - `write` with no eTag or `*` overwrites; with an eTag it succeeds only if nobody wrote since, and
 *   otherwise throws ConcurrencyConflictError;
 * - `delete` removes unconditionally and ignores missing keys.
 */

/** Items as botbuilder's `Storage` sees them: JSON objects with an optional `eTag`. */
export type StoreItems = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface TurnStateStore {
  read(keys: string[]): Promise<StoreItems>;
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
}
