/** What the questionnaire asks of the knowledge base (IntakeAnswersService); none: no answers are offered. */
import type { IntakeDraft } from '../../domain/intake/intake-draft';
import type { AnswersOffer } from '../../domain/knowledge/intake-answers';
import type { Solution } from '../../domain/solution';

export interface IntakeAnswers {
  /** Up to three published articles and the solution's workarounds for this draft; undefined when there are none. */
  offer(draft: IntakeDraft, solution: Solution | undefined): Promise<AnswersOffer | undefined>;
  /** Counts an article as helpful for this intake (the draft is already saved as answered). */
  helped(draft: IntakeDraft, articleId: string): Promise<void>;
}
