/**
 * Who may act on ticket cards: a member of the help desk's team, or of the dedicated team's (who may
 * act only on the tickets escalated to them). Membership comes from the Teams roster, never from card data.
 */
import type { PersonRef } from '../../domain/history';
import type { ChannelDirectory } from '../../domain/ports/channels';
import type { TeamRoster } from '../../domain/ports/team-roster';
import { DEFAULT_HELP_DESK_QUEUE, type HelpDeskQueueId } from '../../domain/queues/queue';
import type { TicketRepository } from '../../domain/ports/tickets';
import { text, type Text } from '../../domain/text';
import { isWithDedicatedTeam } from '../../domain/tickets/dedicated-team-access';
import type { Ticket } from '../../domain/tickets/ticket';

/** `alsoDedicated`: a help desk member who is in the dedicated team too (works the tickets it holds). */
export type AgentRole = { role: 'agent' | 'dedicated-team'; teamId: string; alsoDedicated?: boolean } | { refusal: Text };

/** The caller's role on ticket cards (`teamId`: the help desk's team, whose members tickets are assigned to). */
export async function agentRoleOf(
  channels: ChannelDirectory,
  actor: PersonRef,
  roster: TeamRoster,
  queue: HelpDeskQueueId = DEFAULT_HELP_DESK_QUEUE,
): Promise<AgentRole> {
  // The ticket's help desk queue's team; a named queue no longer registered is the default queue's.
  const helpDesk =
    (queue !== DEFAULT_HELP_DESK_QUEUE ? await channels.getChannel(queue) : undefined) ?? (await channels.getChannel('help-desk'));
  if (helpDesk === undefined) return { refusal: text('messages.tickets.role.noHelpDesk') };
  try {
    const dedicated = await channels.getChannel('dedicated-team');
    const inDedicated = async () => dedicated !== undefined && (await roster.isMember(dedicated.teamId, actor.aadObjectId));
    if (await roster.isMember(helpDesk.teamId, actor.aadObjectId))
      return { role: 'agent', teamId: helpDesk.teamId, alsoDedicated: await inDedicated() };
    if (await inDedicated()) return { role: 'dedicated-team', teamId: dedicated!.teamId };
  } catch {
    // Teams did not answer: refuse (never guess membership), and say so.
    return { refusal: text('messages.tickets.role.rosterUnavailable') };
  }
  return { refusal: text('messages.tickets.role.notMember') };
}

/** Escalated to the dedicated team and not returned (the history is read only for older escalated tickets). */
export async function withDedicatedTeamNow(tickets: TicketRepository, ticket: Ticket): Promise<boolean> {
  if (ticket.queue !== undefined) return isWithDedicatedTeam(ticket, []);
  return ticket.escalatedTo !== undefined && isWithDedicatedTeam(ticket, await tickets.history(ticket.id));
}
