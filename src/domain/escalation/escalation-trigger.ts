/**
 * Why a ticket went to the dedicated team (kept in its history and on its hand-off), and whom the
 * dedicated team can ask for information. Leaf module: history and the escalation rules read it.
 */
import { literalGuard } from '../errors';

export const ESCALATION_TRIGGERS = [
  /** The help desk pressed Escalate (the stored name since the first version). */
  'agent',
  /** A Sev A on a Critical solution, at intake. */
  'sev-a-critical',
  /** An SLA target was breached and the breach policy says so for the tier. */
  'sla-breach',
  /** The maker said "I'm stuck" on their own solution (the maker is the contact). */
  'maker-stuck',
  /** The maker asked for more formal support (approval is the governance issue's). */
  'graduation-request',
  /** "Power Platform itself seems down", with no platform incident open. */
  'platform-down',
] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];
export const isEscalationTrigger = literalGuard(ESCALATION_TRIGGERS);

/** Whom the dedicated team can ask for information. */
export const INFO_PARTIES = ['help-desk', 'maker', 'requester'] as const;
export type InfoParty = (typeof INFO_PARTIES)[number];
export const isInfoParty = literalGuard(INFO_PARTIES);
