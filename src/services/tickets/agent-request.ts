/** What a help desk agent asks of a ticket card, and what the loser of a race on it is told. */
import type { PersonRef } from '../../domain/history';
import { text, type Text } from '../../domain/text';
import type { Ticket } from '../../domain/tickets/ticket';
import { statusInSentence, type AgentCommand } from '../../domain/tickets/ticket-changes';

/**
 * An agent's card action, named as its verb (`ticket.assign-me` → `assign-me`): the domain's commands
 * (ticket-changes.ts) with the people still to be found (the caller, the roster's member), and the
 * two that change nothing (show the card, show it with the team to pick from).
 */
export type AgentRequest =
  | Exclude<AgentCommand, { type: 'assign-me' } | { type: 'assign-to' }>
  | { readonly type: 'show' }
  | { readonly type: 'pick-assignee' }
  | { readonly type: 'assign-me' }
  | { readonly type: 'assign-to'; readonly assigneeId: unknown };

/** What the loser of a race is told, with the card as it is now. */
export function conflictNotice(current: Ticket, actor: PersonRef): Text {
  const assignee = current.assignee;
  const status = statusInSentence(current.status);
  if (assignee && assignee.aadObjectId !== actor.aadObjectId)
    return text('messages.tickets.conflictAssigned', { status, name: assignee.displayName });
  return text('messages.tickets.conflict', { status });
}
