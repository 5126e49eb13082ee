import { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { text } from '../../domain/text';
import type { Verb } from '../../presentation/cards';
import type { CaseRequest } from '../../services/external-cases/external-case-service';
import { cardAction } from '../card-action';
import { createRosterCache, teamsRoster } from '../tickets/teams-roster';
import type { UseCases } from '../use-cases';

/**
 * Partner and Microsoft cases on the ticket card. Card data only names the ticket and carries the
 * inputs (capped); who may record, confirm or update is decided by the service from the rosters and
 * the configured escalation group and IT admins.
 */
const caseData = z.object({
  ticketId: z.string().uuid(),
  vendor: z.string().max(40).optional(),
  newCaseReference: z.string().max(200).optional(),
  confirmReference: z.string().max(200).optional(),
  declineNote: z.string().max(1000).optional(),
  caseId: z.string().max(220).optional(),
  caseStatus: z.string().max(40).optional(),
});
type CaseData = z.infer<typeof caseData>;

/** By verb; a Map, so "toString" never finds a prototype's member. */
const ACTIONS = new Map<Verb, (d: CaseData) => CaseRequest>([
  ['ticket.open-case', (d) => ({ type: 'open-case', vendor: d.vendor, caseReference: d.newCaseReference })],
  ['ticket.confirm-case', (d) => ({ type: 'confirm-case', caseReference: d.confirmReference })],
  ['ticket.decline-case', (d) => ({ type: 'decline-case', note: d.declineNote })],
  ['ticket.case-status', (d) => ({ type: 'case-status', caseId: d.caseId, status: d.caseStatus })],
]);

export function registerExternalCaseRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  const cache = createRosterCache();
  cardAction(app, {
    verbs: [...ACTIONS.keys()],
    data: caseData,
    damaged: text('messages.tickets.damagedAgentCard'),
    handle: ({ verb, actor, data, activity, context }) =>
      useCases.externalCases.act(actor, data.ticketId, ACTIONS.get(verb)!(data), teamsRoster(context, cache), activity),
  });
}
