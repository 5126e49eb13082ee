import { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { isExternalEscalationTarget } from '../../domain/support-model';
import type { TicketListView } from '../../domain/tickets/ticket-lists';
import { text } from '../../domain/text';
import { messageAnswer } from '../../presentation/answer';
import type { Verb } from '../../presentation/cards';
import { TICKET_PAGE_SIZE } from '../../presentation/ticket-cards';
import type { AgentRequest } from '../../services/tickets/ticket-service';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { cardAction, sendAnswer } from '../card-action';
import { commandIs, commandsOf, isCommand, type CommandMatch, type CommandName } from '../commands';
import { isPersonalChat } from '../conversation-scope';
import { escapeMarkdown } from '../plain-text';
import { render } from '../rendering';
import type { UseCases } from '../use-cases';
import { createRosterCache, teamsRoster } from '../tickets/teams-roster';
import { viewerOf } from '../viewer';

/**
 * "open tickets", "unassigned", "mine", each with an optional "sev a" filter, in every language
 * (../commands.ts). A phrase that is also the requester's "my requests" (Swedish "mina ärenden") is
 * theirs in a personal chat (intake-routes).
 */
const LIST_KINDS: ReadonlySet<CommandName> = new Set(['openTickets', 'unassigned', 'mine']);
function listMatch(context: TurnContext): CommandMatch | undefined {
  return commandsOf(context).find(
    (m) => LIST_KINDS.has(m.name) && !(m.name === 'mine' && isPersonalChat(context) && isCommand(context, 'myRequests')),
  );
}
const LIST = async (context: TurnContext) => listMatch(context) !== undefined;
/** "ticket HD-42" (also "ticket 42", "ticket #42"); anything else after "ticket" gets a hint. */
const MAX_TICKET_ARGUMENT = 60;
const FIND = commandIs('ticket', (_context, match) => (match.argument ?? '').length <= MAX_TICKET_ARGUMENT);

/**
 * Card data is untrusted: it only names the ticket (and carries the inputs, each capped). Who may
 * act, and as what, is decided by the service from storage, the team roster and `from.aadObjectId`.
 */
const input = z.string().max(4000).optional();
const ticketData = z.object({
  ticketId: z.string().uuid(),
  assigneeId: z.string().max(100).optional(),
  statusAction: z.string().max(40).optional(),
  text: input,
  resolution: input,
  target: z.string().max(40).optional(),
  caseReference: z.string().max(200).optional(),
  summary: input,
  tried: input,
});
type TicketData = z.infer<typeof ticketData>;

/** By verb, each to the request of the same name; a Map, so "toString" never finds a prototype's member. */
const ACTIONS = new Map<Verb, (d: TicketData) => AgentRequest>([
  ['ticket.show', () => ({ type: 'show' })],
  ['ticket.assign-me', () => ({ type: 'assign-me' })],
  ['ticket.pick-assignee', () => ({ type: 'pick-assignee' })],
  ['ticket.assign-to', (d) => ({ type: 'assign-to', assigneeId: d.assigneeId })],
  ['ticket.status', (d) => ({ type: 'status', action: d.statusAction })],
  ['ticket.note', (d) => ({ type: 'note', text: d.text })],
  ['ticket.reply', (d) => ({ type: 'reply', text: d.text })],
  ['ticket.request-info', (d) => ({ type: 'request-info', text: d.text })],
  ['ticket.resolve', (d) => ({ type: 'resolve', resolution: d.resolution })],
  ['ticket.reopen', () => ({ type: 'reopen' })],
  ['ticket.escalate', (d) => ({ type: 'escalate', target: d.target, caseReference: d.caseReference, summary: d.summary, tried: d.tried })],
]);

const pageData = z.object({
  view: z.enum(['open', 'unassigned', 'mine']),
  severity: z.string().max(2).optional(),
  offset: z.coerce.number().int().min(0).max(1000), // "Previous" reads offset + page rows: keep it small
  // "Next" continues from the last row of the page it was on (a position in the view's own partition).
  after: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9|._-]*$/)
    .optional(),
});

/** The help desk's side: ticket card actions and the list / find commands. */
export function registerTicketRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  const cache = createRosterCache();

  cardAction(app, {
    verbs: [...ACTIONS.keys()],
    data: ticketData,
    damaged: text('messages.tickets.damagedAgentCard'),
    handle: ({ verb, actor, data, activity, context }) =>
      // Escalating to a partner or Microsoft records an external case: the designated escalation group's.
      verb === 'ticket.escalate' && isExternalEscalationTarget(data.target)
        ? useCases.externalCases.act(
            actor,
            data.ticketId,
            { type: 'open-case', vendor: data.target, caseReference: data.caseReference },
            teamsRoster(context, cache),
            activity,
          )
        : useCases.tickets.act(actor, data.ticketId, ACTIONS.get(verb)!(data), teamsRoster(context, cache), activity),
  });

  cardAction(app, {
    verbs: ['tickets.page'],
    data: pageData,
    damaged: text('messages.tickets.list.outOfDate'),
    handle: ({ actor, data, context }) =>
      useCases.tickets.list(
        actor,
        viewOf(data.view, parseSeverity(data.severity), actor.aadObjectId),
        data.offset,
        TICKET_PAGE_SIZE,
        teamsRoster(context, cache),
        data.after || undefined,
      ),
  });

  app.message(LIST, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    const match = listMatch(context);
    const kind = match?.name === 'openTickets' ? 'open' : match?.name === 'unassigned' ? 'unassigned' : 'mine';
    const view = viewOf(kind, match?.severity, actor.aadObjectId);
    await sendAnswer(context, await useCases.tickets.list(actor, view, 0, TICKET_PAGE_SIZE, teamsRoster(context, cache)));
  });

  app.message(FIND, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await sendAnswer(context, messageAnswer(NO_IDENTITY_MESSAGE)));
    const number = commandsOf(context).find((m) => m.name === 'ticket')?.argument ?? '';
    const answer = await useCases.tickets.find(actor, number.replace(/\s+/g, ''), teamsRoster(context, cache));
    // The refusal may quote what they typed: as text, never as a link the bot posts in the channel.
    if ('message' in answer) return void (await context.sendActivity(escapeMarkdown(render(answer.message, viewerOf(context)))));
    await sendAnswer(context, answer);
  });
}

function viewOf(kind: TicketListView['kind'], severity: TicketListView['severity'], aadObjectId: string): TicketListView {
  return kind === 'mine' ? { kind, aadObjectId, severity } : { kind, severity };
}

function parseSeverity(typed: string | undefined): TicketListView['severity'] {
  const s = typed?.trim().toUpperCase();
  return s === 'A' || s === 'B' || s === 'C' ? s : undefined;
}
