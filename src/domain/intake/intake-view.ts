/** Where a questionnaire is after an intake action: a step to show, or why there is none (presented by src/presentation/intake-cards.ts). */
import type { IntakeDraft } from './intake-draft';
import type { FieldErrors } from './intake-validation';
import type { SupportRequest } from './support-request';
import type { Route } from '../routing';
import type { Solution } from '../solution';
import type { SolutionMatch } from '../ports/catalog';
import type { Text } from '../text';
import type { AnswersOffer } from '../knowledge/intake-answers';

export type IntakeView =
  | { readonly kind: 'need'; readonly draft: IntakeDraft; readonly errors?: FieldErrors }
  | { readonly kind: 'solution'; readonly draft: IntakeDraft; readonly matches: readonly SolutionMatch[]; readonly errors?: FieldErrors }
  | {
      readonly kind: 'details';
      readonly draft: IntakeDraft;
      readonly solution?: Solution;
      readonly errors?: FieldErrors;
      readonly entered?: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'review';
      readonly draft: IntakeDraft;
      readonly solution?: Solution;
      readonly route: Route;
      readonly explanation: Text;
      /** Submit was refused by the per-person limit: when they may submit again (the draft is kept). */
      readonly limited?: SubmissionLimited;
    }
  | { readonly kind: 'submitted'; readonly request: SupportRequest }
  /** Before the review: articles and workarounds that may answer it (knowledge/intake-answers.ts). */
  | { readonly kind: 'answers'; readonly draft: IntakeDraft; readonly offer: AnswersOffer }
  | { readonly kind: 'answered'; readonly draft: IntakeDraft }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'not-found' };

/** An action a requester takes on a questionnaire card. Field values are untrusted until validated. */
export type IntakeAction =
  | { readonly type: 'choose-need'; readonly category: unknown }
  | { readonly type: 'search'; readonly query: unknown }
  | { readonly type: 'choose-solution'; readonly solutionId: unknown }
  | {
      readonly type: 'set-details';
      readonly fields: Readonly<Record<string, unknown>>;
      /** The card asked for the name of a solution that is not listed (unlisted-solution.ts). */
      readonly asksUnlisted?: boolean;
    }
  /** A whole questionnaire on one form ("Report a problem"), saved once and submitted (form-sending.ts). */
  | {
      readonly type: 'send-form';
      readonly category: unknown;
      readonly solutionId: unknown;
      readonly fields: Readonly<Record<string, unknown>>;
    }
  | { readonly type: 'solved'; readonly articleId: unknown }
  | { readonly type: 'need-help' }
  | { readonly type: 'back' }
  | { readonly type: 'cancel' }
  | { readonly type: 'submit' };

export interface SubmissionLimited {
  /** ISO-8601 instant from which Submit is accepted again. */
  readonly retryAt: string;
  readonly minutesLeft: number;
  readonly perHour: number;
}
