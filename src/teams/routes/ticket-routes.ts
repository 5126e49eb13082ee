import { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { TicketListView } from '../../domain/tickets/ticket-lists';
import type { AgentRequest } from '../../services/tickets/ticket-service';
import { activityRefOf } from '../activity-key';
import { actorOf, NO_IDENTITY_MESSAGE } from '../actor';
import { cardAttachment, renderCard, type CardName } from '../card-templates';
import { escapeMarkdown } from '../plain-text';
import type { UseCases } from '../use-cases';
import { createRosterCache, teamsRoster } from '../tickets/teams-roster';
import { invokeAnswer, PAGE_SIZE, parseSeverity, ticketListData } from '../tickets/ticket-views';

/** "open tickets", "unassigned", "mine", each with an optional "sev a" filter (whitespace-normalised text: ../command-text.ts). */
const LIST = /^(open tickets|unassigned(?: tickets)?|mine|my tickets)(?: sev(?:erity)? ?([abc]))?[ .!?]*$/i;
/** "ticket HD-42" (also "ticket 42", "ticket #42"); anything else after "ticket" gets a hint. */
const FIND = /^ticket\b ?(.{0,60}?)[.!?]?$/i;

/**
 * Card data is untrusted: it only names the ticket (and carries the inputs, each capped). Who may
 * act, and as what, is decided by the service from storage, the team roster and `from.aadObjectId`.
 */
const text = z.string().max(4000).optional();
const ticketData = z.object({
  ticketId: z.string().uuid(),
  assigneeId: z.string().max(100).optional(),
  statusAction: z.string().max(40).optional(),
  text,
  resolution: text,
  target: z.string().max(40).optional(),
  caseReference: z.string().max(200).optional(),
});
type TicketData = z.infer<typeof ticketData>;

/** By verb; a Map, so a verb such as "toString" never finds an object prototype's member. */
const ACTIONS = new Map<string, (d: TicketData) => AgentRequest>([
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
  ['ticket.escalate', (d) => ({ type: 'escalate', target: d.target, caseReference: d.caseReference })],
]);

const pageData = z.object({
  view: z.enum(['open', 'unassigned', 'mine']),
  severity: z.string().max(2).optional(),
  offset: z.coerce.number().int().min(0).max(1000), // each page reads offset + page rows per shard: keep it small
});

function verbOf(context: TurnContext): string {
  return (context.activity.value as { action?: { verb?: string } } | undefined)?.action?.verb ?? '';
}

/** The help desk's side: ticket card actions and the list / find commands. */
export function registerTicketRoutes<TState extends TurnState>(app: Application<TState>, useCases: UseCases): void {
  const cache = createRosterCache();

  app.adaptiveCards.actionExecute([...ACTIONS.keys()], async (context, _state, data) => {
    const actor = actorOf(context);
    if (!actor) return NO_IDENTITY_MESSAGE;
    const parsed = ticketData.safeParse(data);
    if (!parsed.success) return 'This card is out of date or damaged: say "ticket HD-…" to get a fresh one.';
    const toRequest = ACTIONS.get(verbOf(context));
    if (!toRequest) return 'I did not understand that button.';
    return invokeAnswer(await useCases.tickets.act(actor, parsed.data.ticketId, toRequest(parsed.data), teamsRoster(context, cache), activityRefOf(context)));
  });

  app.adaptiveCards.actionExecute('tickets.page', async (context, _state, data) => {
    const actor = actorOf(context);
    if (!actor) return NO_IDENTITY_MESSAGE;
    const parsed = pageData.safeParse(data);
    if (!parsed.success) return 'This list is out of date: ask me again ("open tickets").';
    const view = viewOf(parsed.data.view, parseSeverity(parsed.data.severity), actor.aadObjectId);
    const page = await useCases.tickets.list(actor, view, parsed.data.offset, PAGE_SIZE, teamsRoster(context, cache));
    if ('refusal' in page) return page.refusal;
    return renderCard('ticket-list', ticketListData(view, page));
  });

  app.message(LIST, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await context.sendActivity(NO_IDENTITY_MESSAGE));
    const match = LIST.exec(context.activity.text ?? '');
    const word = (match?.[1] ?? '').toLowerCase();
    const kind = word.startsWith('open') ? 'open' : word.startsWith('unassigned') ? 'unassigned' : 'mine';
    const view = viewOf(kind, parseSeverity(match?.[2]), actor.aadObjectId);
    const page = await useCases.tickets.list(actor, view, 0, PAGE_SIZE, teamsRoster(context, cache));
    if ('refusal' in page) return void (await context.sendActivity(page.refusal));
    await context.sendActivity({ attachments: [cardAttachment('ticket-list', ticketListData(view, page))] });
  });

  app.message(FIND, async (context) => {
    const actor = actorOf(context);
    if (!actor) return void (await context.sendActivity(NO_IDENTITY_MESSAGE));
    const number = FIND.exec(context.activity.text ?? '')?.[1] ?? '';
    const result = await useCases.tickets.find(actor, number.replace(/\s+/g, ''), teamsRoster(context, cache));
    // The refusal may quote what they typed: as text, never as a link the bot posts in the channel.
    if (result.kind === 'refused') return void (await context.sendActivity(escapeMarkdown(result.reason)));
    await context.sendActivity({ attachments: [cardAttachment(result.card.template as CardName, result.card.data)] });
  });
}

function viewOf(kind: TicketListView['kind'], severity: TicketListView['severity'], aadObjectId: string): TicketListView {
  return kind === 'mine' ? { kind, aadObjectId, severity } : { kind, severity };
}
