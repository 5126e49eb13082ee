/**
 * The questionnaire's answers step (knowledge/intake-answers.ts), hooked into the intake's views and
 * actions: shown before the review while not declined; "This solved it" and "I still need help".
 */
import type { IntakeDraft } from '../../domain/intake/intake-draft';
import type { IntakeView } from '../../domain/intake/intake-view';
import { answeredBy, declineAnswers, isOffered, titleOf, wantsAnswers } from '../../domain/knowledge/intake-answers';
import type { StoredIntake } from '../../domain/ports/intake';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { Solution } from '../../domain/solution';
import type { IntakeServiceDeps } from '../intake/intake-deps';

type Deps = Pick<IntakeServiceDeps, 'answers' | 'intakes' | 'clock'>;

/** The answers view instead of the review, when the draft wants answers and there are some. */
/** `solution` is read only when answers are wanted: a review step that offers none costs no extra read. */
export async function answersView(
  deps: Pick<Deps, 'answers'>,
  draft: IntakeDraft,
  solution: () => Promise<Solution | undefined>,
): Promise<IntakeView | undefined> {
  if (!deps.answers || !wantsAnswers(draft)) return undefined;
  const offer = await deps.answers.offer(draft, await solution());
  return offer ? { kind: 'answers', draft, offer } : undefined;
}

/** "I still need help": the review, with every answer kept. */
export function needHelp(draft: IntakeDraft, now: Date): IntakeDraft {
  return wantsAnswers(draft) ? declineAnswers(draft, now) : draft;
}

/**
 * "This solved it": only an answer the draft is offered now counts (card data is untrusted). The
 * draft is saved as answered with its ETag first; only the writer that won counts the article, so a
 * double click counts once. Returns the draft as it is now.
 */
export async function solved(deps: Deps, stored: StoredIntake, articleId: unknown, solution: Solution | undefined): Promise<IntakeDraft> {
  const draft = stored.draft;
  if (!deps.answers || !wantsAnswers(draft) || typeof articleId !== 'string' || articleId.length > 100) return draft;
  const offer = await deps.answers.offer(draft, solution);
  if (!offer || !isOffered(offer, articleId)) return draft;
  let saved: IntakeDraft;
  try {
    saved = (await deps.intakes.update(stored, answeredBy(draft, articleId, titleOf(offer, articleId), deps.clock.now()))).draft;
  } catch (error) {
    if (!(error instanceof ConcurrencyConflictError)) throw error;
    return (await deps.intakes.get(draft.requester.aadObjectId, draft.id))?.draft ?? draft;
  }
  await deps.answers.helped(saved, articleId);
  return saved;
}
