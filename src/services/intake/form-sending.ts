/**
 * A whole questionnaire sent at once from one form ("Report a problem" on a message): the need, the
 * solution and the details are applied to the draft in memory and saved ONCE under its ETag, then
 * submitted. Walking the steps one save at a time let a redelivered or double-clicked Send rewind a
 * draft the first copy had already moved on (each step loaded what the other had just written), so
 * one copy answered with the form instead of the request. With one save, a concurrent copy either
 * loses the ETag race and goes on from what the winner wrote, or finds the draft submitted; both end
 * on the same request (submitting is idempotent on the intake's id).
 */
import { chooseCategory, chooseSolution, setDetails } from '../../domain/intake/intake-draft';
import type { IntakeAction, IntakeView } from '../../domain/intake/intake-view';
import { validateCategory, validateDetails } from '../../domain/intake/intake-validation';
import { validateUnlisted } from '../../domain/intake/unlisted-solution';
import type { StoredIntake } from '../../domain/ports/intake';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { asksForSolution } from '../../domain/request-category';
import { text } from '../../domain/text';
import { needHelp } from '../knowledge/intake-answer-steps';
import type { IntakeServiceDeps } from './intake-deps';
import { submitIntake } from './intake-submission';
import type { IntakeViews } from './intake-views';

export type SendForm = Extract<IntakeAction, { type: 'send-form' }>;

/** `null` = "It's not listed"; 'invalid' when the value is not a catalog solution's id. */
export type SolutionPicker = (value: unknown) => Promise<string | null | 'invalid'>;

export async function sendForm(
  deps: IntakeServiceDeps,
  views: IntakeViews,
  stored: StoredIntake,
  form: SendForm,
  pickSolution: SolutionPicker,
): Promise<IntakeView> {
  const now = deps.clock.now();
  const category = validateCategory(form.category);
  if (!category.ok) return { kind: 'need', draft: stored.draft, errors: category.errors };
  let draft = chooseCategory(stored.draft, category.value, now);
  if (asksForSolution(category.value)) {
    const picked = await pickSolution(form.solutionId);
    if (picked === 'invalid') {
      return {
        kind: 'solution',
        draft,
        matches: await views.matchesOf(draft),
        errors: { solution: text('messages.intake.errors.solution') },
      };
    }
    draft = chooseSolution(draft, picked, now);
  }
  const details = validateDetails(form.fields);
  const unlisted = validateUnlisted(draft, form.fields, false);
  if (!details.ok || !unlisted.ok) {
    return {
      kind: 'details',
      draft,
      solution: await views.solutionOf(draft),
      errors: { ...(details.ok ? {} : details.errors), ...(unlisted.ok ? {} : unlisted.errors) },
      entered: enteredText(form.fields),
    };
  }
  // The form has no answers step: it is submitted straight after its details.
  const next = needHelp(setDetails({ ...draft, unlistedSolution: unlisted.value }, details.value, now), now);
  const saved = await saveOnce(deps, stored, next);
  if (saved.draft.state === 'submitted') return views.submittedView(saved.draft);
  return submitIntake(deps, views, saved);
}

/** Saves with the ETag; a concurrent copy that won has written the same form: go on from what it wrote. */
async function saveOnce(deps: IntakeServiceDeps, stored: StoredIntake, next: StoredIntake['draft']): Promise<StoredIntake> {
  try {
    return await deps.intakes.update(stored, next);
  } catch (error) {
    if (!(error instanceof ConcurrencyConflictError)) throw error;
    const current = await deps.intakes.get(next.requester.aadObjectId, next.id);
    if (current === undefined) throw error;
    return current;
  }
}

/** What the user typed, echoed back on a card with errors so nothing is lost. */
export function enteredText(fields: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  // Bounded by the route's schema; kept whole, so a refusal never loses or cuts what they typed.
  for (const key of ['title', 'description', 'since', 'impact', 'urgency', 'unlistedName', 'unlistedEnvironment', 'unlistedMaker']) {
    const value = fields[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}
