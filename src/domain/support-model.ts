/**
 * The guidance's six types of ongoing solution support, and which of them supports each tier.
 * This is the single definition of "who supports what"; routing and cards read it from here.
 */
import { literalGuard } from './errors';
import { TIERS, type Tier } from './solution';

/** Who provides support, named after the guidance's six support types. */
export const SUPPORT_PARTIES = ['maker', 'co-owners', 'help-desk', 'dedicated-team', 'partner', 'microsoft'] as const;
export type SupportParty = (typeof SUPPORT_PARTIES)[number];
export const isSupportParty = literalGuard(SUPPORT_PARTIES);

/** The guidance numbers the support types 1 to 6. */
export type SupportTypeNumber = 1 | 2 | 3 | 4 | 5 | 6;

export interface SupportType {
  readonly type: SupportTypeNumber;
  readonly party: SupportParty;
  /** internal: inside the organisation (in Teams); external: recorded on a ticket as an escalation. */
  readonly scope: 'internal' | 'external';
}

export const SUPPORT_TYPES: Readonly<Record<SupportParty, SupportType>> = {
  maker: { type: 1, party: 'maker', scope: 'internal' },
  'co-owners': { type: 2, party: 'co-owners', scope: 'internal' },
  'help-desk': { type: 3, party: 'help-desk', scope: 'internal' },
  'dedicated-team': { type: 4, party: 'dedicated-team', scope: 'internal' },
  partner: { type: 5, party: 'partner', scope: 'external' },
  microsoft: { type: 6, party: 'microsoft', scope: 'external' },
};

export function supportTypeOf(party: SupportParty): SupportType {
  return SUPPORT_TYPES[party];
}

/** Where a ticket can be escalated outside the organisation (types 5 and 6). */
export const EXTERNAL_ESCALATION_TARGETS = ['partner', 'microsoft'] as const;
export type ExternalEscalationTarget = (typeof EXTERNAL_ESCALATION_TARGETS)[number];
export const isExternalEscalationTarget = literalGuard(EXTERNAL_ESCALATION_TARGETS);

/** Every escalation target a ticket can name: the dedicated team inside, partner or Microsoft outside. */
export const ESCALATION_TARGETS = ['dedicated-team', ...EXTERNAL_ESCALATION_TARGETS] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];
export const isEscalationTarget = literalGuard(ESCALATION_TARGETS);

export const SUPPORT_MODEL_KINDS = ['self-supported', 'team-assisted', 'formal'] as const;
export type SupportModelKind = (typeof SUPPORT_MODEL_KINDS)[number];

export interface SupportModel {
  readonly tier: Tier;
  readonly kind: SupportModelKind;
  /** Who handles a problem with a solution of this tier, first one first. */
  readonly parties: readonly SupportParty[];
  /** The guidance's support type numbers for those parties. */
  readonly supportTypes: readonly SupportTypeNumber[];
}

// Their names and "supported by …" are words for people: labels.supportModel.* and labels.supportedBy.* in locales/.
function model(tier: Tier, kind: SupportModelKind, parties: readonly SupportParty[]): SupportModel {
  return { tier, kind, parties, supportTypes: parties.map((p) => SUPPORT_TYPES[p].type) };
}

export const SUPPORT_MODELS: Readonly<Record<Tier, SupportModel>> = {
  Productivity: model('Productivity', 'self-supported', ['maker']),
  Important: model('Important', 'team-assisted', ['co-owners']),
  Critical: model('Critical', 'formal', ['help-desk', 'dedicated-team']),
};

export function supportModelFor(tier: Tier): SupportModel {
  return SUPPORT_MODELS[tier];
}

/** The tier a solution graduates to, or undefined when it is already Critical. */
export function nextTier(tier: Tier): Tier | undefined {
  return TIERS[TIERS.indexOf(tier) + 1];
}
