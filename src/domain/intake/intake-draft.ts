/**
 * The questionnaire in progress: what the requester answered so far and which step they are on.
 * Pure data plus pure transitions; the intake service loads and saves it (with an ETag).
 */
import { asksForSolution, type RequestCategory } from '../request-category';
import type { Impact, Urgency } from '../severity';
import type { PersonRef } from '../history';
import type { UnlistedSolution } from './unlisted';
import type { AnswersOutcome } from '../knowledge/answers-outcome';

export const INTAKE_STEPS = ['need', 'solution', 'details', 'review'] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];

/** An intake left alone this long is abandoned: its cards say so and it cannot be submitted. */
export const INTAKE_TTL_MINUTES = 24 * 60;

export interface IntakeDetails {
  readonly title: string;
  readonly description: string;
  /** Free text: "this morning", "since the last update". */
  readonly since: string;
  readonly impact: Impact;
  readonly urgency: Urgency;
}

/** answered: an article or a known workaround solved it before a ticket (knowledge/intake-answers.ts). */
export type IntakeState = 'open' | 'submitted' | 'cancelled' | 'answered';

export interface IntakeDraft {
  readonly id: string;
  readonly requester: PersonRef;
  readonly state: IntakeState;
  readonly step: IntakeStep;
  readonly category?: RequestCategory;
  /** The solution picked in the catalog; `null` means "It's not listed". */
  readonly solutionId?: string | null;
  /** With "It's not listed": the solution as the requester named it (unlisted-solution.ts). */
  readonly unlistedSolution?: UnlistedSolution;
  /** The last search typed on the solution step, to show its results again after Back. */
  readonly searchQuery?: string;
  /** What the requester wrote to start it (a chat message): the description's first draft (opening-text.ts). */
  readonly openingText?: string;
  /** The catalog search offered on the solution step until they search themselves (words of the opening text). */
  readonly suggestedQuery?: string;
  readonly details?: IntakeDetails;
  /** Set once submitted: the request it became. */
  readonly requestId?: string;
  /** What the requester did with the answers offered before the review (knowledge/intake-answers.ts). */
  readonly answers?: AnswersOutcome;
  /** Keys of the last few activities applied to it (see ActivityRef): a redelivery is not applied twice. */
  readonly recentActivities?: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function newIntake(id: string, requester: PersonRef, now: Date): IntakeDraft {
  const at = now.toISOString();
  return { id, requester, state: 'open', step: 'need', createdAt: at, updatedAt: at };
}

/** Finished drafts are kept this long so their old cards still show the outcome. */
export const FINISHED_INTAKE_RETENTION_MINUTES = 7 * 24 * 60;

/** Whether a draft can be deleted: expired, or finished long enough ago. */
export function isDisposable(draft: IntakeDraft, now: Date): boolean {
  const idle = now.getTime() - Date.parse(draft.updatedAt);
  return draft.state === 'open' ? idle > INTAKE_TTL_MINUTES * 60_000 : idle > FINISHED_INTAKE_RETENTION_MINUTES * 60_000;
}

export function isExpired(draft: IntakeDraft, now: Date): boolean {
  return draft.state === 'open' && now.getTime() - Date.parse(draft.updatedAt) > INTAKE_TTL_MINUTES * 60_000;
}

/** The steps this draft goes through: the solution step only for categories that ask for one. */
export function stepsFor(category: RequestCategory | undefined): readonly IntakeStep[] {
  return category !== undefined && !asksForSolution(category) ? ['need', 'details', 'review'] : INTAKE_STEPS;
}

function touch(draft: IntakeDraft, now: Date, changes: Partial<IntakeDraft>): IntakeDraft {
  return { ...draft, ...changes, updatedAt: now.toISOString() };
}

export function chooseCategory(draft: IntakeDraft, category: RequestCategory, now: Date): IntakeDraft {
  const changed = draft.category !== category;
  const next = stepsFor(category)[1] ?? 'details';
  // A different need makes an earlier solution choice meaningless.
  return touch(draft, now, { category, step: next, ...(changed ? { solutionId: undefined, searchQuery: undefined } : {}) });
}

export function searchSolutions(draft: IntakeDraft, query: string, now: Date): IntakeDraft {
  return touch(draft, now, { searchQuery: query, step: 'solution' });
}

export function chooseSolution(draft: IntakeDraft, solutionId: string | null, now: Date): IntakeDraft {
  return touch(draft, now, { solutionId, step: 'details' });
}

export function setDetails(draft: IntakeDraft, details: IntakeDetails, now: Date): IntakeDraft {
  return touch(draft, now, { details, step: 'review' });
}

/** Back one step; on the first step Back stays there. Answers are kept so the user can change them. */
export function back(draft: IntakeDraft, now: Date): IntakeDraft {
  const steps = stepsFor(draft.category);
  const index = steps.indexOf(draft.step);
  return touch(draft, now, { step: steps[Math.max(0, index - 1)] ?? 'need' });
}

export function cancel(draft: IntakeDraft, now: Date): IntakeDraft {
  return touch(draft, now, { state: 'cancelled' });
}

export function markSubmitted(draft: IntakeDraft, requestId: string, now: Date): IntakeDraft {
  return touch(draft, now, { state: 'submitted', requestId });
}
