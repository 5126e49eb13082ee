/**
 * Who the person pressing a button is, for the ticket queues: the queues whose team rosters list
 * them (the help desk channel's team, the dedicated team channel's team), from the registered
 * channels and Teams, and whether the configuration names them in the designated escalation group
 * or as an IT admin; never from card data. Teams not answering is a refusal, never a guess.
 */
import type { PersonRef } from '../../domain/history';
import type { ChannelDirectory } from '../../domain/ports/channels';
import type { TeamRoster } from '../../domain/ports/team-roster';
import type { ActorStanding } from '../../domain/queues/actor-standing';
import { DEDICATED_TEAM_QUEUE, DEFAULT_HELP_DESK_QUEUE, type QueueId } from '../../domain/queues/queue';
import { text, type Text } from '../../domain/text';

/** The configured people who may open and confirm partner and Microsoft cases (lowercase Entra object ids). */
export interface EscalationRoles {
  /** ESCALATION_GROUP_IDS: the designated escalation group. */
  readonly escalationGroupIds: ReadonlySet<string>;
  /** IT_ADMIN_IDS: they confirm Sev A and B cases with Microsoft. */
  readonly itAdminIds: ReadonlySet<string>;
}

export type QueueStanding =
  | { readonly ok: true; readonly standing: ActorStanding; readonly teamOf: Partial<Record<QueueId, string>> }
  | { readonly ok: false; readonly refusal: Text };

export async function queueStanding(
  actor: PersonRef,
  roster: TeamRoster,
  channels: ChannelDirectory,
  roles: EscalationRoles,
): Promise<QueueStanding> {
  const [helpDesk, dedicated] = await Promise.all([channels.getChannel('help-desk'), channels.getChannel('dedicated-team')]);
  const queues: QueueId[] = [];
  const teamOf: Partial<Record<QueueId, string>> = {};
  try {
    if (helpDesk && (await roster.isMember(helpDesk.teamId, actor.aadObjectId))) queues.push(DEFAULT_HELP_DESK_QUEUE);
    if (dedicated && (await roster.isMember(dedicated.teamId, actor.aadObjectId))) queues.push(DEDICATED_TEAM_QUEUE);
  } catch {
    return { ok: false, refusal: text('messages.tickets.role.rosterUnavailable') };
  }
  if (helpDesk) teamOf[DEFAULT_HELP_DESK_QUEUE] = helpDesk.teamId;
  if (dedicated) teamOf[DEDICATED_TEAM_QUEUE] = dedicated.teamId;
  const id = actor.aadObjectId.toLowerCase();
  const standing: ActorStanding = {
    aadObjectId: actor.aadObjectId,
    queues,
    escalationGroup: roles.escalationGroupIds.has(id),
    itAdmin: roles.itAdminIds.has(id),
  };
  return { ok: true, standing, teamOf };
}

/** The standing of someone acting outside any team (the maker answering from their 1:1 chat). */
export function personalStanding(actor: PersonRef): ActorStanding {
  return { aadObjectId: actor.aadObjectId, queues: [], escalationGroup: false, itAdmin: false };
}
