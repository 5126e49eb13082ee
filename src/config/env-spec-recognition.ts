/**
 * The makers' recognition variables, part of ENV_SPEC (env-spec.ts checks their shape; the README's
 * configuration table and `.env.example` list them with the others).
 */
export const RECOGNITION_ENV = [
  {
    name: 'RECOGNITION_ENABLED',
    optional: true,
    default: '`true`',
    description:
      "`true` or `false`: after each month, makers and co-owners who answered or resolved their users' requests get a thank-you card with their own figures (each can say `stop thanks`)",
  },
  {
    name: 'RECOGNITION_CHECK_HOURS',
    optional: true,
    default: '`6`',
    description: 'hours between two runs of the monthly thank-you job; a person is thanked once per month at most (1-168)',
  },
  {
    name: 'RECOGNITION_MIN_REQUESTS',
    optional: true,
    default: '`1`',
    description: 'requests a maker or co-owner answered or resolved in the month to get its thank-you card (1-1000)',
  },
] as const;
