/** The knowledge base's variables (issue 16), listed in ENV_SPEC (env-spec.ts) after the other people lists. */
export const KNOWLEDGE_ENV = [
  {
    name: 'KNOWLEDGE_OWNER_IDS',
    optional: true,
    default: 'none',
    description:
      'comma-separated Entra object ids of the knowledge owners: they get `knowledge review` (drafts to publish, articles past their review date or marked unhelpful, searches that found nothing) and publish or retire drafts (admins always may)',
  },
] as const;
