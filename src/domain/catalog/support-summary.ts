/**
 * "How is this solution supported?": its tier's support model, and who a user with a problem should
 * turn to. Derived from the routing decision itself, so the answer never disagrees with where the
 * intake would send a request.
 */
import { everyoneReachable, routeRequest } from '../routing';
import type { Person, Solution, SolutionStatus } from '../solution';
import { supportModelFor, type SupportModel, type SupportParty } from '../support-model';

export interface SupportSummary {
  readonly model: SupportModel;
  /** Who gets a problem report first. */
  readonly contactParty: Extract<SupportParty, 'maker' | 'co-owners' | 'help-desk' | 'dedicated-team'>;
  /** The people to contact (the maker, or the co-owners); empty for the help desk. */
  readonly contacts: readonly Person[];
  /** The co-owners' Teams channel, when they support the solution there. */
  readonly supportChannel?: string;
  readonly status: SolutionStatus;
}

export function supportSummaryOf(solution: Solution): SupportSummary {
  // A routine problem (one person, with a workaround) from someone who is not in the catalog entry.
  const route = routeRequest({
    category: 'solution-problem',
    impact: 'me',
    urgency: 'workaround',
    solution,
    reachability: everyoneReachable(solution),
  });
  const contacts = route.kind === 'maker' ? [route.maker] : route.kind === 'co-owners' ? route.coOwners : [];
  return {
    model: supportModelFor(solution.tier),
    contactParty: route.kind,
    contacts,
    ...(route.kind === 'co-owners' && route.supportChannel ? { supportChannel: route.supportChannel } : {}),
    status: solution.status,
  };
}
