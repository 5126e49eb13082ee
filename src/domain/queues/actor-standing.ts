/**
 * What the caller established about the person pressing a button, from storage, the team rosters and
 * the configuration (never from card data): which queues' teams they belong to, and whether they are
 * in the designated escalation group or are an IT admin. The permission rules take this and the
 * stored ticket.
 */
import type { QueueId } from './queue';

export interface ActorStanding {
  readonly aadObjectId: string;
  /** The queues whose team rosters list the person. */
  readonly queues: readonly QueueId[];
  /** The designated escalation group (configured, smaller than the help desk): may open partner and Microsoft cases. */
  readonly escalationGroup: boolean;
  /** IT admins confirm (file) Sev A and B cases with Microsoft. */
  readonly itAdmin: boolean;
}

export function belongsTo(standing: ActorStanding, queue: QueueId): boolean {
  return standing.queues.includes(queue);
}

/** Entra object ids are GUIDs: the same person may arrive in upper or lower case. */
export function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
