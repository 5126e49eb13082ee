/**
 * The intake's paths straight to the dedicated team's queue: the maker's own "I'm stuck" (the maker
 * asks in the questionnaire, is the contact, and is told the ticket's number), and the first
 * "Power Platform itself seems down" report (the router's Microsoft escalation goes with it to the
 * hand-off card). Whether the maker may start their path is the domain's (the catalog must list them
 * as the solution's maker or a co-owner); when not, the ticket stays with the help desk and they are told.
 */
import type { EscalationInput } from '../../domain/escalation/escalate-to-dedicated-team';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { Route } from '../../domain/routing';
import { text } from '../../domain/text';

export function dedicatedPathOf(route: Route, request: SupportRequest): EscalationInput | undefined {
  if (route.kind === 'dedicated-team' && route.reason === 'maker-stuck')
    return { trigger: 'maker-stuck', by: { kind: 'user', role: 'maker', ...request.requester } };
  if (route.kind === 'help-desk' && route.reason === 'platform-issue')
    return {
      trigger: 'platform-down',
      by: { kind: 'system', component: 'intake' },
      ...(route.suggestedEscalation ? { suggested: route.suggestedEscalation } : {}),
    };
  return undefined;
}

/** Who holds the request once its ticket was opened on a path, and what the requester is told. */
export function handedOnRequest(request: SupportRequest, path: EscalationInput, handedOn: boolean, incidentId?: string): SupportRequest {
  const number = request.ticketNumber ?? '';
  if (!handedOn) return { ...request, holder: { kind: 'help-desk' }, explanation: text('paths.stuckNotMaker', { number }) };
  const explanation =
    path.trigger === 'platform-down'
      ? incidentId
        ? text('paths.platformFirst', { number, id: incidentId })
        : text('paths.platformTicket', { number })
      : text('paths.stuckTicket', { number });
  return { ...request, holder: { kind: 'dedicated-team' }, explanation };
}
