/**
 * Which solution a request or ticket is about, in words for its cards: the catalog's name, the name
 * the requester gave for one that is not listed ("Budget Sheet (not in the catalog; …)"), or, for a
 * question that is about no solution (the platform, finding an app), that it is about none: never
 * "Not in the catalog (No tier)" for a question that named no solution at all.
 */
import type { UnlistedSolution } from '../domain/intake/unlisted-solution';
import type { MessageKey } from '../domain/message-keys';
import { asksForSolution, type RequestCategory } from '../domain/request-category';
import type { Tier } from '../domain/solution';
import { text, type Text } from '../domain/text';
import { tierLabel } from './labels';

export interface AboutSolution {
  readonly category: RequestCategory;
  readonly solution?: { readonly name: string; readonly tier: Tier };
  readonly unlistedSolution?: UnlistedSolution;
}

/** `notInCatalog`: the card family's own words for a solution nobody named. */
export function solutionNameOf(about: AboutSolution, notInCatalog: MessageKey): string | Text {
  if (about.solution) return about.solution.name;
  const unlisted = about.unlistedSolution;
  if (unlisted) {
    if (unlisted.environment === '' && unlisted.maker === '') return text('conversation.unlisted.solution', { name: unlisted.name });
    const notGiven = text('conversation.unlisted.notGiven');
    return text('conversation.unlisted.solutionWithDetails', {
      name: unlisted.name,
      environment: unlisted.environment || notGiven,
      maker: unlisted.maker || notGiven,
    });
  }
  return asksForSolution(about.category) ? text(notInCatalog) : text('conversation.noSolution.solution');
}

/** The tier, or why there is none. */
export function tierOf(about: AboutSolution, noTier: MessageKey): Text {
  if (about.solution) return tierLabel(about.solution.tier);
  if (about.unlistedSolution) return text('conversation.unlisted.tier');
  return asksForSolution(about.category) ? text(noTier) : text('conversation.noSolution.tier');
}
