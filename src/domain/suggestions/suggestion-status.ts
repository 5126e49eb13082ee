/**
 * A suggestion's status ("Suggest an improvement", issue 16): the help desk's feedback item to the
 * Power Platform team. new → under review → planned / done / declined; the team may also decline or
 * plan straight from new, and finish what it planned. Done and declined are final. A decline says why.
 */
import { literalGuard } from '../errors';

export const SUGGESTION_STATUSES = ['new', 'under-review', 'planned', 'done', 'declined'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
export const isSuggestionStatus = literalGuard(SUGGESTION_STATUSES);

/** The statuses the team may set, each a button on the item's card. */
export type SuggestionMove = Exclude<SuggestionStatus, 'new'>;
export const SUGGESTION_MOVES: readonly SuggestionMove[] = ['under-review', 'planned', 'done', 'declined'];

const NEXT: Readonly<Record<SuggestionStatus, readonly SuggestionMove[]>> = {
  new: ['under-review', 'planned', 'declined'],
  'under-review': ['planned', 'done', 'declined'],
  planned: ['done', 'declined'],
  done: [],
  declined: [],
};

export function nextStatuses(status: SuggestionStatus): readonly SuggestionMove[] {
  return NEXT[status];
}

export function mayMove(from: SuggestionStatus, to: SuggestionStatus): boolean {
  return (NEXT[from] as readonly SuggestionStatus[]).includes(to);
}

/** Still something the team has to act on or deliver: listed by the `suggestions` command. */
export function isOpenSuggestion(status: SuggestionStatus): boolean {
  return status !== 'done' && status !== 'declined';
}

/** A move that needs the team's note (the help desk is owed a reason). */
export function needsNote(to: SuggestionMove): boolean {
  return to === 'declined';
}
