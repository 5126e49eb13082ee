/** The details card's questions about a solution that is not listed (cards/intake-details.json, `unlistedAsked`). */
import type { IntakeDraft } from '../domain/intake/intake-draft';

/** What the requester gave before (Back from the review), for the inputs. */
export function unlistedValues(draft: IntakeDraft): Record<string, string> {
  const given = draft.unlistedSolution;
  return { unlistedName: given?.name ?? '', unlistedEnvironment: given?.environment ?? '', unlistedMaker: given?.maker ?? '' };
}

export const NO_UNLISTED_ERRORS = { unlistedName: '', unlistedEnvironment: '', unlistedMaker: '' } as const;
