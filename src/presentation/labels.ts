/**
 * The words for the domain's closed sets (statuses, severities, categories, impacts, urgencies, tiers,
 * kinds, escalation targets), as typed maps to message keys: every key is written here once, so a
 * new value fails `tsc` until it has words, and test/unit/i18n finds every key in use.
 */
import type { RequestStatus, RequestHolder } from '../domain/intake/support-request';
import type { MessageKey } from '../domain/message-keys';
import type { RequestCategory } from '../domain/request-category';
import type { Impact, Severity, Urgency } from '../domain/severity';
import type { SolutionKind, SolutionStatus, Tier } from '../domain/solution';
import type { EscalationTarget, SupportModelKind } from '../domain/support-model';
import { text, type Text } from '../domain/text';

const REQUEST_STATUS: Readonly<Record<RequestStatus, MessageKey>> = {
  open: 'labels.requestStatus.open',
  acknowledged: 'labels.requestStatus.acknowledged',
  claimed: 'labels.requestStatus.claimed',
  resolved: 'labels.requestStatus.resolved',
  withdrawn: 'labels.requestStatus.withdrawn',
};

const SEVERITY: Readonly<Record<Severity, MessageKey>> = { A: 'labels.severity.A', B: 'labels.severity.B', C: 'labels.severity.C' };

const IMPACT: Readonly<Record<Impact, MessageKey>> = {
  me: 'labels.impact.me',
  team: 'labels.impact.team',
  'business-unit': 'labels.impact.business-unit',
  organisation: 'labels.impact.organisation',
};

const URGENCY: Readonly<Record<Urgency, MessageKey>> = { blocked: 'labels.urgency.blocked', workaround: 'labels.urgency.workaround' };

const CATEGORY: Readonly<Record<RequestCategory, MessageKey>> = {
  'solution-problem': 'labels.category.solution-problem',
  access: 'labels.category.access',
  'find-or-how-to': 'labels.category.find-or-how-to',
  'connector-or-environment': 'labels.category.connector-or-environment',
  'platform-issue': 'labels.category.platform-issue',
  'maker-stuck': 'labels.category.maker-stuck',
  graduation: 'labels.category.graduation',
};

const TIER: Readonly<Record<Tier, MessageKey>> = {
  Productivity: 'labels.tier.Productivity',
  Important: 'labels.tier.Important',
  Critical: 'labels.tier.Critical',
};

/** "Canvas app", "Cloud flow": a solution's kind on its own. */
const KIND: Readonly<Record<SolutionKind, MessageKey>> = {
  'canvas-app': 'labels.kind.canvas-app',
  'model-driven-app': 'labels.kind.model-driven-app',
  flow: 'labels.kind.flow',
  chatbot: 'labels.kind.chatbot',
  other: 'labels.kind.other',
};

const SOLUTION_STATUS: Readonly<Record<SolutionStatus, MessageKey>> = {
  active: 'labels.solutionStatus.active',
  orphaned: 'labels.solutionStatus.orphaned',
  retired: 'labels.solutionStatus.retired',
};

/** "the Power Platform team", "Microsoft support": where a ticket went, inside a sentence. */
const ESCALATION: Readonly<Record<EscalationTarget, MessageKey>> = {
  'dedicated-team': 'labels.escalation.dedicated-team',
  partner: 'labels.escalation.partner',
  microsoft: 'labels.escalation.microsoft',
};

const SUPPORT_MODEL: Readonly<Record<SupportModelKind, MessageKey>> = {
  'self-supported': 'labels.supportModel.self-supported',
  'team-assisted': 'labels.supportModel.team-assisted',
  formal: 'labels.supportModel.formal',
};

/** Completes "this app is …". */
const SUPPORTED_BY: Readonly<Record<SupportModelKind, MessageKey>> = {
  'self-supported': 'labels.supportedBy.self-supported',
  'team-assisted': 'labels.supportedBy.team-assisted',
  formal: 'labels.supportedBy.formal',
};

// A ticket's status in words is the domain's (its refusals name statuses too): one map, in status-moves.ts.
export { statusLabel as ticketStatusLabel, statusInSentence as ticketStatusInSentence } from '../domain/tickets/status-moves';
export const requestStatusLabel = (status: RequestStatus): Text => text(REQUEST_STATUS[status]);
export const severityLabel = (severity: Severity): Text => text(SEVERITY[severity]);
export const impactLabel = (impact: Impact): Text => text(IMPACT[impact]);
export const urgencyLabel = (urgency: Urgency): Text => text(URGENCY[urgency]);
export const categoryLabel = (category: RequestCategory): Text => text(CATEGORY[category]);
export const tierLabel = (tier: Tier): Text => text(TIER[tier]);
export const kindLabel = (kind: SolutionKind): Text => text(KIND[kind]);
export const solutionStatusLabel = (status: SolutionStatus): Text => text(SOLUTION_STATUS[status]);
export const escalationLabel = (target: EscalationTarget): Text => text(ESCALATION[target]);
export const supportModelLabel = (kind: SupportModelKind): Text => text(SUPPORT_MODEL[kind]);
export const supportedByLabel = (kind: SupportModelKind): Text => text(SUPPORTED_BY[kind]);

/** "Megan Bowen", "the co-owners (Lee Gu, Nestor Wilke)", "the help desk": who has a request, inside a sentence. */
export function holderInSentence(holder: RequestHolder): Text | string {
  switch (holder.kind) {
    case 'maker':
      return holder.person.displayName;
    case 'co-owners':
      return holder.claimedBy
        ? holder.claimedBy.displayName
        : text('labels.holder.co-owners', { names: holder.people.map((p) => p.displayName).join(', ') });
    case 'help-desk':
      return text('labels.holder.help-desk');
    case 'dedicated-team':
      return text('labels.holder.dedicated-team');
  }
}

/** The same at the start of a line: "The help desk", "Co-owners: Lee Gu, Nestor Wilke". */
export function holderHeading(holder: RequestHolder): Text | string {
  switch (holder.kind) {
    case 'maker':
      return holder.person.displayName;
    case 'co-owners':
      return holder.claimedBy
        ? holder.claimedBy.displayName
        : text('labels.holderHeading.co-owners', { names: holder.people.map((p) => p.displayName).join(', ') });
    case 'help-desk':
      return text('labels.holderHeading.help-desk');
    case 'dedicated-team':
      return text('labels.holderHeading.dedicated-team');
  }
}

/** At the start of the requester's update: "The help desk", "The co-owners (Lee Gu, Nestor Wilke)". */
export function holderCapitalised(holder: RequestHolder): Text | string {
  switch (holder.kind) {
    case 'maker':
      return holder.person.displayName;
    case 'co-owners':
      return holder.claimedBy
        ? holder.claimedBy.displayName
        : text('labels.holderCapitalised.co-owners', { names: holder.people.map((p) => p.displayName).join(', ') });
    case 'help-desk':
      return text('labels.holderCapitalised.help-desk');
    case 'dedicated-team':
      return text('labels.holderCapitalised.dedicated-team');
  }
}
