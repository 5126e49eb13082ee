/** What a requester did with the answers offered before the review (see intake-answers.ts); kept on the intake draft. */
export type AnswersOutcome =
  | { readonly declined: true }
  /** `solvedBy`: an article id, or "workarounds"; `title`: what it was called, for the closing card. */
  | { readonly solvedBy: string; readonly title: string };
