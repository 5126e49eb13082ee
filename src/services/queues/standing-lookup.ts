/**
 * A person's standing (domain/queues/actor-standing.ts) from what only the server knows: the team
 * rosters behind the registered queue channels, and the configured escalation group and IT admins.
 * Never from card data. A roster Teams does not answer for is a refusal, never a guess.
 */
import type { PersonRef } from '../../domain/history';
import type { ChannelDirectory, ChannelRole } from '../../domain/ports/channels';
import type { TeamRoster } from '../../domain/ports/team-roster';
import type { ActorStanding } from '../../domain/queues/actor-standing';
import { DEDICATED_TEAM_QUEUE, DEFAULT_HELP_DESK_QUEUE, type QueueId } from '../../domain/queues/queue';

export interface StandingLookupDeps {
  readonly channels: ChannelDirectory;
  /** Lowercase Entra object ids. */
  readonly escalationGroupIds: ReadonlySet<string>;
  readonly itAdminIds: ReadonlySet<string>;
}

const QUEUE_CHANNELS: readonly (readonly [ChannelRole, QueueId])[] = [
  ['help-desk', DEFAULT_HELP_DESK_QUEUE],
  ['dedicated-team', DEDICATED_TEAM_QUEUE],
];

export type StandingResult = { readonly standing: ActorStanding } | { readonly unavailable: true };

export class StandingLookup {
  constructor(private readonly deps: StandingLookupDeps) {}

  async standingOf(actor: PersonRef, roster: TeamRoster): Promise<StandingResult> {
    const id = actor.aadObjectId.toLowerCase();
    const queues: QueueId[] = [];
    try {
      for (const [role, queue] of QUEUE_CHANNELS) {
        const channel = await this.deps.channels.getChannel(role);
        if (channel && (await roster.isMember(channel.teamId, actor.aadObjectId))) queues.push(queue);
      }
    } catch {
      return { unavailable: true };
    }
    return {
      standing: { aadObjectId: actor.aadObjectId, queues, escalationGroup: this.deps.escalationGroupIds.has(id), itAdmin: this.deps.itAdminIds.has(id) },
    };
  }
}
