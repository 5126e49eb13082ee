/**
 * Every table the product uses. Created at start when missing. Add a table here, never inline.
 * Names: letters and digits, 3-63 characters, starting with a letter (Table Storage's rule).
 */
export const TABLE_NAMES = {
  /** teams-ai turn state through TableStateStore, for a handler that needs conversation or user state: the bot
   *  passes none today (create-bot.ts), so this table stays empty; the readiness probe queries it. */
  botState: 'BotState',
  /** Questionnaires in progress, one partition per requester. */
  intakes: 'Intakes',
  /** Each person's recent submissions, for the per-person limit (one row per requester). */
  submissionLog: 'SubmissionLog',
  /** Submitted requests with their history, index rows and outbox, sharded (see cases/case-partitions.ts). */
  cases: 'Cases',
  /** The help desk's list views: index rows only, one partition per view (see tickets/ticket-list-rows.ts). */
  ticketLists: 'TicketLists',
  /** Conversation references: users' 1:1 chats and the registered channels. */
  conversations: 'Conversations',
  /** Message activities being handled or handled already, so a redelivery is not handled twice (short-lived rows). */
  activities: 'Activities',
  /** Leases that give one instance at a time a background job. */
  leases: 'Leases',
  /** The solution catalog: one partition per solution id (see catalog/catalog-table-store.ts). */
  catalogSolutions: 'CatalogSolutions',
  /** "Solutions of person X" index: PartitionKey = Entra object id, RowKey = solution id. */
  catalogPeople: 'CatalogPeople',
  /** The catalog's version entity, bumped on every change (search caches watch its ETag). */
  catalogMeta: 'CatalogMeta',
  /** The knowledge base: articles, their summaries and history, in one partition (see knowledge/article-rows.ts). */
  knowledge: 'Knowledge',
} as const;

export type TableKey = keyof typeof TABLE_NAMES;
