/**
 * Who the person pressing a button is, for the ticket queues: the queues whose team rosters list
 * them (the help desk channel's team, the dedicated team channel's team), from the registered
 * channels and Teams, never from card data. Teams not answering is a refusal, never a guess.
 */
import type { PersonRef } from '../../domain/history';
import type { ChannelDirectory } from '../../domain/ports/channels';
import type { TeamRoster } from '../../domain/ports/team-roster';
import type { ActorStanding } from '../../domain/queues/actor-standing';
import { DEDICATED_TEAM_QUEUE, DEFAULT_HELP_DESK_QUEUE, type QueueId } from '../../domain/queues/queue';
import { text, type Text } from '../../domain/text';

export type QueueStanding =
  | { readonly ok: true; readonly standing: ActorStanding; readonly teamOf: Partial<Record<QueueId, string>> }
  | { readonly ok: false; readonly refusal: Text };

export async function queueStanding(actor: PersonRef, roster: TeamRoster, channels: ChannelDirectory): Promise<QueueStanding> {
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
  // The designated escalation group and IT admins come with partner and Microsoft cases (not yet wired).
  return { ok: true, standing: { aadObjectId: actor.aadObjectId, queues, escalationGroup: false, itAdmin: false }, teamOf };
}

/** The standing of someone acting outside any team (the maker answering from their 1:1 chat). */
export function personalStanding(actor: PersonRef): ActorStanding {
  return { aadObjectId: actor.aadObjectId, queues: [], escalationGroup: false, itAdmin: false };
}
