/**
 * Who the person pressing a button is, for the ticket queues: the queues whose team rosters list
 * them (the help desk channel's team, the dedicated team channel's team), from the registered
 * channels and Teams, and whether the configuration names them in the designated escalation group
 * or as an IT admin; never from card data. Teams not answering is a refusal, never a guess.
 */
import type { PersonRef } from '../../domain/history';
import type { ChannelDirectory, ChannelInfo } from '../../domain/ports/channels';
import type { HelpDeskQueueRegistry } from '../../domain/ports/help-desk-queues';
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

/** For decisions that need only the team rosters (a graduation request's approval): nobody holds a case role. */
export const NO_ESCALATION_ROLES: EscalationRoles = { escalationGroupIds: new Set(), itAdminIds: new Set() };

export type QueueStanding =
  | { readonly ok: true; readonly standing: ActorStanding; readonly teamOf: Partial<Record<QueueId, string>> }
  | { readonly ok: false; readonly refusal: Text };

export async function queueStanding(
  actor: PersonRef,
  roster: TeamRoster,
  channels: ChannelDirectory & Partial<HelpDeskQueueRegistry>,
  roles: EscalationRoles,
): Promise<QueueStanding> {
  const [helpDesk, dedicated, listed] = await Promise.all([
    channels.getChannel('help-desk'),
    channels.getChannel('dedicated-team'),
    channels.listHelpDeskChannels?.() ?? [],
  ]);
  // The default queue, the dedicated team's and every named help desk queue (bounded: MAX_HELP_DESK_QUEUES).
  const registered: Array<[QueueId, ChannelInfo]> = [];
  if (helpDesk) registered.push([DEFAULT_HELP_DESK_QUEUE, helpDesk]);
  if (dedicated) registered.push([DEDICATED_TEAM_QUEUE, dedicated]);
  for (const r of listed) if (r.queue !== undefined && r.queue !== DEFAULT_HELP_DESK_QUEUE) registered.push([r.queue, r]);
  const teams = [...new Set(registered.map(([, c]) => c.teamId))];
  let memberOf: Set<string>;
  try {
    const answers = await Promise.all(teams.map((team) => roster.isMember(team, actor.aadObjectId)));
    memberOf = new Set(teams.filter((_, i) => answers[i]));
  } catch {
    return { ok: false, refusal: text('messages.tickets.role.rosterUnavailable') };
  }
  const queues = registered.filter(([, c]) => memberOf.has(c.teamId)).map(([q]) => q);
  const teamOf: Partial<Record<QueueId, string>> = {};
  for (const [queue, channel] of registered) teamOf[queue] = channel.teamId;
  const id = actor.aadObjectId.toLowerCase();
  const standing: ActorStanding = {
    aadObjectId: actor.aadObjectId,
    queues,
    registeredQueues: registered.map(([q]) => q),
    escalationGroup: roles.escalationGroupIds.has(id),
    itAdmin: roles.itAdminIds.has(id),
  };
  return { ok: true, standing, teamOf };
}

/** The standing of someone acting outside any team (the maker answering from their 1:1 chat). */
export function personalStanding(actor: PersonRef): ActorStanding {
  return { aadObjectId: actor.aadObjectId, queues: [], escalationGroup: false, itAdmin: false };
}
