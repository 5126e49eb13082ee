import { TeamsInfo, TurnContext } from 'botbuilder';
import type { PersonRef } from '../../domain/history';
import type { TeamRoster } from '../../domain/ports/team-roster';
import { TtlCache } from './ttl-cache';

/** Membership answers are reused for a minute: someone removed from the team loses access within that. */
const TTL_MS = 60_000;
const PAGE_SIZE = 200;
const MAX_PAGES = 25;

/** One per bot: who is in which team, briefly. */
export interface RosterCache {
  readonly membership: TtlCache<boolean>;
  readonly rosters: TtlCache<PersonRef[]>;
}

export function createRosterCache(ttlMs = TTL_MS): RosterCache {
  return { membership: new TtlCache<boolean>(ttlMs), rosters: new TtlCache<PersonRef[]>(ttlMs, 100) };
}

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: number; response?: { status?: number } };
  return e?.statusCode ?? e?.response?.status;
}

/**
 * The help desk team's roster from Teams (through the turn's connector), cached briefly. Identity is
 * the Entra object id Teams reports for the member; nothing here comes from card data.
 */
export function teamsRoster(context: TurnContext, { membership, rosters }: RosterCache): TeamRoster {
  return {
    async isMember(teamId, aadObjectId) {
      const key = `${teamId}|${aadObjectId}`;
      const cached = membership.get(key);
      if (cached !== undefined) return cached;
      try {
        // Ask by the caller's Teams user id when it is the caller being checked: every Teams client
        // (and the Agents Playground) resolves that id, while lookups by object id are Teams-only.
        const from = context.activity.from;
        const memberId = from?.aadObjectId?.toLowerCase() === aadObjectId.toLowerCase() && from.id ? from.id : aadObjectId;
        const member = await TeamsInfo.getTeamMember(context, teamId, memberId);
        const yes = member?.aadObjectId?.toLowerCase() === aadObjectId.toLowerCase();
        membership.set(key, yes);
        return yes;
      } catch (error) {
        const status = statusOf(error);
        if (status === 404 || status === 403) {
          membership.set(key, false);
          return false;
        }
        throw error;
      }
    },

    async members(teamId) {
      const cached = rosters.get(teamId);
      if (cached !== undefined) return cached;
      const people: PersonRef[] = [];
      let token: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await TeamsInfo.getPagedTeamMembers(context, teamId, PAGE_SIZE, token);
        for (const m of result.members ?? []) {
          if (!m.aadObjectId) continue;
          // A member without a name is shown by their sign-in name or id (as the catalog does), never by a word in one language.
          const name = (m.name ?? '').trim() || m.userPrincipalName || m.email || m.aadObjectId;
          people.push({ aadObjectId: m.aadObjectId.toLowerCase(), displayName: name.slice(0, 200) });
        }
        token = result.continuationToken ?? undefined;
        if (!token) break;
      }
      people.sort((a, b) => a.displayName.localeCompare(b.displayName));
      rosters.set(teamId, people);
      for (const p of people) membership.set(`${teamId}|${p.aadObjectId}`, true);
      return people;
    },
  };
}
