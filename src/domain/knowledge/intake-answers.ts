/**
 * Answers before a ticket: once the questionnaire knows the need, the solution and the title and
 * description, it shows matching published articles and the solution's known workarounds before the
 * review step. "This solved it" ends the request as answered (nothing is sent to anyone); "I still
 * need help" goes on to the review with every answer kept. Pure transitions of the draft.
 */
import type { IntakeDraft } from '../intake/intake-draft';
import type { Block } from './safe-markdown';

/** The article id that stands for "the solution's known workarounds" when they solved it. */
export const WORKAROUNDS = 'workarounds';
/** At most this many articles are offered. */
export const OFFERED_ARTICLES = 3;

export type { AnswersOutcome } from './answers-outcome';

export interface OfferedArticle {
  readonly id: string;
  readonly title: string;
  readonly language: string;
  /** The answer's opening, as blocks of runs (never Markdown). */
  readonly blocks: readonly Block[];
}

export interface AnswersOffer {
  readonly articles: readonly OfferedArticle[];
  /** The solution's known workarounds (plain text), with its name. */
  readonly workarounds?: { readonly solutionName: string; readonly text: string };
}

/** Whether the draft is where answers are offered: on review, details given, not yet declined. */
export function wantsAnswers(draft: IntakeDraft): boolean {
  return draft.state === 'open' && draft.step === 'review' && draft.details !== undefined && draft.answers === undefined;
}

/** Whether `id` is one of the offer's answers (card data is untrusted: only what was offered counts). */
export function isOffered(offer: AnswersOffer, id: string): boolean {
  return id === WORKAROUNDS ? offer.workarounds !== undefined : offer.articles.some((a) => a.id === id);
}

export function titleOf(offer: AnswersOffer, id: string): string {
  return id === WORKAROUNDS ? (offer.workarounds?.solutionName ?? '') : (offer.articles.find((a) => a.id === id)?.title ?? '');
}

export function declineAnswers(draft: IntakeDraft, now: Date): IntakeDraft {
  return { ...draft, answers: { declined: true }, updatedAt: now.toISOString() };
}

export function answeredBy(draft: IntakeDraft, id: string, title: string, now: Date): IntakeDraft {
  return { ...draft, state: 'answered', answers: { solvedBy: id, title }, updatedAt: now.toISOString() };
}
