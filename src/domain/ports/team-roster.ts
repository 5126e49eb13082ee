/** A team's members, from Teams (teams/tickets/teams-roster.ts; it needs the turn's connector, cached briefly). */
import type { PersonRef } from '../history';

export interface TeamRoster {
  isMember(teamId: string, aadObjectId: string): Promise<boolean>;
  members(teamId: string): Promise<PersonRef[]>;
}
