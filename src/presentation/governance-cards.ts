/**
 * The graduation cards: the maker's form (`graduation-form`), the request in the Power Platform
 * team's queue (`graduation-request`) and the decision the maker is told (`graduation-decision`).
 * Words are `Text` from the governance namespace, bound as data (`l.*`); what people typed is data.
 */
import { formatList, formatPeople } from '../domain/catalog/list-formats';
import type { GraduationRequest } from '../domain/governance/graduation-request';
import {
  ALM_PRACTICES,
  BUSINESS_IMPACTS,
  ENVIRONMENT_STRATEGIES,
  higherTiers,
  tierNeeds,
  type AlmPractice,
  type BusinessImpact,
  type EnvironmentStrategy,
  type GraduationAnswers,
  type GraduationRequirement,
  type HigherTier,
} from '../domain/governance/graduation-requirements';
import type { Solution } from '../domain/solution';
import type { MessageKey } from '../domain/message-keys';
import { text, type Text } from '../domain/text';
import type { CardRef } from './cards';
import { tierLabel } from './labels';

/** Typed maps, so every key is a literal the compiler checks. */
const FORM_WORDS = {
  targetTier: 'governance.form.targetTier',
  coOwners: 'governance.form.coOwners',
  environmentStrategy: 'governance.form.environmentStrategy',
  alm: 'governance.form.alm',
  dataSources: 'governance.form.dataSources',
  workarounds: 'governance.form.workarounds',
  businessImpact: 'governance.form.businessImpact',
  supportChannel: 'governance.form.supportChannel',
  submit: 'governance.form.submit',
} as const satisfies Record<string, MessageKey>;

const ENVIRONMENT = {
  'shared-productivity': 'governance.environment.shared-productivity',
  'dedicated-dev-shared-test-prod': 'governance.environment.dedicated-dev-shared-test-prod',
  'dedicated-dev-test-prod': 'governance.environment.dedicated-dev-test-prod',
} as const satisfies Record<EnvironmentStrategy, MessageKey>;
const ALM = {
  none: 'governance.alm.none',
  'manual-export-import': 'governance.alm.manual-export-import',
  pipelines: 'governance.alm.pipelines',
} as const satisfies Record<AlmPractice, MessageKey>;
const IMPACT = {
  low: 'governance.impact.low',
  medium: 'governance.impact.medium',
  high: 'governance.impact.high',
} as const satisfies Record<BusinessImpact, MessageKey>;
const MISSING = {
  'co-owners': 'governance.missing.co-owners',
  'data-sources': 'governance.missing.data-sources',
  workarounds: 'governance.missing.workarounds',
} as const satisfies Partial<Record<GraduationRequirement, MessageKey>>;

const envLabel = (v: EnvironmentStrategy): Text => text(ENVIRONMENT[v]);
const almLabel = (v: AlmPractice): Text => text(ALM[v]);
const impactLabel = (v: BusinessImpact): Text => text(IMPACT[v]);

/** The maker's form, with the catalog's values (or what they answered before) filled in. */
export function graduationFormCard(
  solution: Solution,
  previous?: Partial<GraduationAnswers> & { toTier?: HigherTier },
  notice?: Text,
): CardRef {
  const tiers = higherTiers(solution.tier);
  return {
    card: 'graduation-form',
    data: {
      l: Object.fromEntries(Object.entries(FORM_WORDS).map(([w, key]) => [w, text(key)])),
      heading: text('governance.form.heading', { name: solution.name }),
      intro: text('governance.form.intro', { name: solution.name, tier: tierLabel(solution.tier) }),
      solutionId: solution.id,
      tiers: tiers.map((t) => ({ title: tierLabel(t), value: t })),
      toTier: previous?.toTier ?? tiers[0] ?? '',
      environments: ENVIRONMENT_STRATEGIES.map((v) => ({ title: envLabel(v), value: v })),
      alms: ALM_PRACTICES.map((v) => ({ title: almLabel(v), value: v })),
      impacts: BUSINESS_IMPACTS.map((v) => ({ title: impactLabel(v), value: v })),
      coOwners: previous?.coOwners ?? formatPeople(solution.coOwners),
      environmentStrategy: previous?.environmentStrategy ?? '',
      alm: previous?.alm ?? '',
      dataSources: previous?.dataSources ?? formatList(solution.dataSources),
      workarounds: previous?.workarounds ?? solution.workarounds ?? '',
      businessImpact: previous?.businessImpact ?? '',
      supportChannel: previous?.supportChannel ?? solution.supportChannel ?? '',
      notice: notice ?? '',
    },
  };
}

/** One line of "still missing", saying what the target tier asks for. */
export function missingLine(requirement: GraduationRequirement, target: HigherTier): Text {
  const needs = tierNeeds(target);
  switch (requirement) {
    case 'environment-strategy':
      return text('governance.missing.environment-strategy', { needed: envLabel(needs.environmentStrategy) });
    case 'alm':
      return text('governance.missing.alm', { needed: almLabel(needs.alm) });
    case 'business-impact':
      return text('governance.missing.business-impact', { needed: impactLabel(needs.businessImpact) });
    default:
      return text(MISSING[requirement]);
  }
}

/** The request in the Power Platform team's queue: the answers, what is missing, and Approve / Decline while pending. */
export function graduationRequestCard(request: GraduationRequest, notice?: Text): CardRef {
  const a = request.answers;
  const orNot = (value: string | undefined, fallback: MessageKey = 'governance.request.notAnswered'): string | Text =>
    value && value.trim() !== '' ? value : text(fallback);
  const facts: { title: Text; value: string | Text }[] = [
    { title: text('governance.request.requester'), value: request.requester.displayName },
    { title: text('governance.request.maker'), value: orNot(request.maker?.displayName) },
    { title: text('governance.request.fromTier'), value: tierLabel(request.fromTier) },
    { title: text('governance.request.toTier'), value: tierLabel(request.toTier) },
    { title: text('governance.request.coOwners'), value: orNot(a.coOwners, 'governance.request.asInCatalog') },
    { title: text('governance.form.environmentStrategy'), value: a.environmentStrategy ? envLabel(a.environmentStrategy) : orNot('') },
    { title: text('governance.form.alm'), value: a.alm ? almLabel(a.alm) : orNot('') },
    { title: text('governance.form.dataSources'), value: orNot(a.dataSources) },
    { title: text('governance.form.workarounds'), value: orNot(a.workarounds) },
    { title: text('governance.form.businessImpact'), value: a.businessImpact ? impactLabel(a.businessImpact) : orNot('') },
    { title: text('governance.request.supportChannel'), value: orNot(a.supportChannel, 'governance.request.asInCatalog') },
  ];
  const tier = tierLabel(request.toTier);
  const by = request.decidedBy?.displayName ?? '';
  return {
    card: 'graduation-request',
    data: {
      heading: text('governance.request.heading', { name: request.solutionName, tier }),
      facts,
      missingHeading:
        request.missing.length > 0
          ? text('governance.request.missingHeading', { tier })
          : text('governance.request.nothingMissing', { tier }),
      missing: request.missing.map((m) => ({ line: missingLine(m, request.toTier) })),
      status:
        request.status === 'pending'
          ? text('governance.request.pending')
          : text(request.status === 'approved' ? 'governance.request.approved' : 'governance.request.declined', { name: by }),
      reasonLine: request.reason ? text('governance.request.reasonGiven', { reason: request.reason }) : '',
      pending: request.status === 'pending',
      requestId: request.id,
      l: {
        reason: text('governance.request.reason'),
        approve: text('governance.request.approve'),
        decline: text('governance.request.decline'),
      },
      notice: notice ?? '',
    },
  };
}

/** What the maker (and the requester) are told. */
export function graduationDecisionCard(request: GraduationRequest): CardRef {
  const by = request.decidedBy?.displayName ?? '';
  const approved = request.status === 'approved';
  return {
    card: 'graduation-decision',
    data: {
      heading: text(approved ? 'governance.decision.approved' : 'governance.decision.declined', {
        name: request.solutionName,
        tier: tierLabel(request.toTier),
        by,
      }),
      catalogLine: approved ? text('governance.decision.catalog') : '',
      reasonLine: request.reason ? text('governance.request.reasonGiven', { reason: request.reason }) : '',
    },
  };
}
