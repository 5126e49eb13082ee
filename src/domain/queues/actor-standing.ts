/**
 * What the caller established about the person pressing a button, from storage, the team rosters and
 * the configuration (never from card data): which queues' teams they belong to, and whether they are
 * in the designated escalation group or are an IT admin. The permission rules take this and the
 * stored ticket.
 */
import { DEFAULT_HELP_DESK_QUEUE, isHelpDeskQueue, type QueueId } from './queue';

export interface ActorStanding {
  readonly aadObjectId: string;
  /** The queues whose team rosters list the person. */
  readonly queues: readonly QueueId[];
  /** The queues with a registered channel, when known: a named queue not among them falls to the default one. */
  readonly registeredQueues?: readonly QueueId[];
  /** The designated escalation group (configured, smaller than the help desk): may open partner and Microsoft cases. */
  readonly escalationGroup: boolean;
  /** IT admins confirm (file) Sev A and B cases with Microsoft. */
  readonly itAdmin: boolean;
}

export function belongsTo(standing: ActorStanding, queue: QueueId): boolean {
  if (standing.queues.includes(queue)) return true;
  // A named help desk queue with no channel now (unregistered) is worked by the default queue's team.
  const unregistered = standing.registeredQueues !== undefined && isHelpDeskQueue(queue) && !standing.registeredQueues.includes(queue);
  return unregistered && standing.queues.includes(DEFAULT_HELP_DESK_QUEUE);
}

/** Entra object ids are GUIDs: the same person may arrive in upper or lower case. */
export function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
