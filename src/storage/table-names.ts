/**
 * Every table the product uses. Created at start when missing. Add a table here, never inline.
 * Names: letters and digits, 3-63 characters, starting with a letter (Table Storage's rule).
 */
export const TABLE_NAMES = {
  /** teams-ai turn state (conversation, user) written through TableStateStore. */
  botState: 'BotState',
} as const;

export type TableKey = keyof typeof TABLE_NAMES;
