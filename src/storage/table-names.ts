/**
 * Every table the product uses. Created at start when missing. Add a table here, never inline.
 * Names: letters and digits, 3-63 characters, starting with a letter (Table Storage's rule).
 */
export const TABLE_NAMES = {
  /** teams-ai turn state (conversation, user) written through TableStateStore. */
  botState: 'BotState',
  /** Questionnaires in progress, one partition per requester. */
  intakes: 'Intakes',
  /** Submitted requests with their history, index rows and outbox, sharded (see cases/case-partitions.ts). */
  cases: 'Cases',
} as const;

export type TableKey = keyof typeof TABLE_NAMES;
