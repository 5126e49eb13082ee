import { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { parseIncidentId } from '../../domain/incidents/incident';
import { text } from '../../domain/text';
import { messageAnswer } from '../../presentation/answer';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { cardAction, sendAnswer } from '../card-action';
import { createRosterCache, teamsRoster } from '../tickets/teams-roster';
import type { UseCases } from '../use-cases';

/**
 * Major incidents: "Open major incident" and "Link to incident" on the ticket card, Resolve and
 * Escalate to global admins on the incident's card, and "open incident platform: …" / "open incident
 * for SOLUTION-ID: …" said to the bot in a channel. Card data only names the ticket or incident and
 * carries capped inputs; the service decides who may act from the rosters.
 */
const ticketData = z.object({
  ticketId: z.string().uuid(),
  incidentScope: z.enum(['solution', 'platform']).optional(),
  incidentTitle: z.string().max(1000).optional(),
  incidentId: z.string().max(100).optional(),
});

const incidentData = z.object({
  incidentId: z.string().max(40),
  resolution: z.string().max(4000).optional(),
});

/** Whitespace-normalised text (../command-text.ts). */
const OPEN = /^open incident (?:(platform)|for ([a-z0-9][a-z0-9._-]{0,63}))(?: ?: ?(.{0,400}))?$/i;

export function registerIncidentRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  const cache = createRosterCache();

  cardAction(app, {
    verbs: ['ticket.open-incident', 'ticket.link-incident'],
    data: ticketData,
    damaged: text('messages.tickets.damagedAgentCard'),
    handle: ({ verb, actor, data, activity, context }) => {
      const roster = teamsRoster(context, cache);
      if (verb === 'ticket.link-incident')
        return useCases.incidents.link(actor, parseIncidentId(data.incidentId), data.ticketId, roster, activity);
      const request =
        data.incidentScope === 'solution'
          ? { scope: 'solution' as const, title: data.incidentTitle, ticketId: data.ticketId }
          : { scope: 'platform' as const, title: data.incidentTitle, ticketId: data.ticketId };
      return useCases.incidents.open(actor, request, roster, activity);
    },
  });

  cardAction(app, {
    verbs: ['incident.show', 'incident.resolve', 'incident.escalate-global-admins'],
    data: incidentData,
    handle: async ({ verb, actor, data, activity, context }) => {
      const id = parseIncidentId(data.incidentId);
      if (id === undefined) return messageAnswer(text('incidents.refused.unknown'));
      const roster = teamsRoster(context, cache);
      if (verb === 'incident.resolve') return useCases.incidents.resolve(actor, id, data.resolution, roster, activity);
      if (verb === 'incident.escalate-global-admins') return useCases.incidents.escalate(actor, id, roster, activity);
      return useCases.incidents.show(actor, id, roster);
    },
  });

  app.message(/^open incident\b/i, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    const match = OPEN.exec(context.activity.text ?? '');
    if (!match) return void (await sendAnswer(context, messageAnswer(text('incidents.refused.howToOpen'))));
    const roster = teamsRoster(context, cache);
    const title = match[3];
    const answer = match[1]
      ? await useCases.incidents.open(actor, { scope: 'platform', title }, roster, undefined)
      : await useCases.incidents.openForSolution(actor, match[2]!, title, roster);
    await sendAnswer(context, answer);
  });
}
