/**
 * The hand-off record: what the dedicated team is given when a ticket is escalated to it (what
 * happened, what the help desk or the maker tried, who handed it over and why), and what became of
 * it (accepted by whom, returned with which note). The newest few are kept on the ticket; every one
 * is also in the history.
 */
import type { HistoryActor, PersonRef } from '../history';
import type { HelpDeskQueueId } from '../queues/queue';
import type { ExternalEscalationTarget } from '../support-model';
import type { EscalationTrigger } from './escalation-trigger';

export interface HandOff {
  readonly at: string;
  readonly trigger: EscalationTrigger;
  readonly by: HistoryActor;
  /** The help desk queue the ticket returns to. */
  readonly fromQueue: HelpDeskQueueId;
  /** What happened, in the words of whoever handed it over (absent for automatic hand-offs). */
  readonly summary?: string;
  /** What the help desk or the maker already tried. */
  readonly tried?: string;
  /** Whom the dedicated team talks to: the requester, or the maker (who is the requester when stuck). */
  readonly contact: 'requester' | 'maker';
  /** The external tier the router suggested (a platform-down report: Microsoft support). */
  readonly suggested?: ExternalEscalationTarget;
  /** The help desk's assignee when it was handed over: they have it again on Return. */
  readonly previousAssignee?: PersonRef;
  readonly accepted?: { readonly by: PersonRef; readonly at: string };
  readonly returned?: { readonly by: PersonRef; readonly at: string; readonly note: string };
}

/** Limits on hand-off text (card inputs carry the same maxLength), checked before anything else. */
export const HAND_OFF_TEXT_LIMITS = { summary: 2000, tried: 2000, returnNote: 1000 } as const;

/**
 * Hand-offs kept on the ticket. With every text at its limit in Korean, three add about 40 KB to the
 * ticket's row (the card shows the current one; older ones are in the history).
 */
export const MAX_HAND_OFFS = 3;

export function withHandOff(handOffs: readonly HandOff[] | undefined, handOff: HandOff): readonly HandOff[] {
  return [...(handOffs ?? []), handOff].slice(-MAX_HAND_OFFS);
}

/** The newest hand-off, if any. */
export function currentHandOff(handOffs: readonly HandOff[] | undefined): HandOff | undefined {
  return handOffs?.[handOffs.length - 1];
}

/** The newest hand-off with `patch` applied (accepted, returned). */
export function updateCurrentHandOff(
  handOffs: readonly HandOff[] | undefined,
  patch: Partial<Pick<HandOff, 'accepted' | 'returned'>>,
): readonly HandOff[] | undefined {
  if (!handOffs || handOffs.length === 0) return handOffs;
  return [...handOffs.slice(0, -1), { ...handOffs[handOffs.length - 1], ...patch }];
}
