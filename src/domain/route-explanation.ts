/**
 * What happens next, in plain words, as a `Text`: a key of `locales/<lng>/routing.json` and its
 * parameters (names as typed, the tier and the solution's kind as words), rendered in the reader's
 * language. A request stores the descriptor, so the requester's later updates can show it in theirs.
 */
import type { MessageKey } from './message-keys';
import type { Route } from './routing';
import type { SolutionKind, Tier } from './solution';
import type { SupportParty } from './support-model';
import { text, type Text, type TextParam } from './text';

export const EXPLANATION_KEYS = [
  'routing.maker.productivity',
  'routing.maker.managerStandsIn',
  'routing.coOwners.important',
  'routing.coOwners.makerOrphaned',
  'routing.coOwners.makerUnreachable',
  'routing.coOwners.makerIsRequester',
  'routing.helpDesk.critical',
  'routing.helpDesk.criticalSevA',
  'routing.helpDesk.access',
  'routing.helpDesk.findOrHowTo',
  'routing.helpDesk.connectorOrEnvironment',
  'routing.helpDesk.platformIssue',
  'routing.helpDesk.notInCatalog',
  'routing.helpDesk.retired',
  'routing.helpDesk.noReachableSupport',
  'routing.dedicatedTeam.makerStuck',
  'routing.dedicatedTeam.graduation',
  'routing.dedicatedTeam.graduationNoHigherTier',
  'routing.dedicatedTeam.graduationNotInCatalog',
] as const satisfies readonly MessageKey[];
export type ExplanationKey = (typeof EXPLANATION_KEYS)[number];

/** "app", "flow", "chatbot", "solution": the kind as a noun inside a sentence. */
const KIND_NOUNS: Readonly<Record<SolutionKind, MessageKey>> = {
  'canvas-app': 'labels.kindNoun.app',
  'model-driven-app': 'labels.kindNoun.app',
  flow: 'labels.kindNoun.flow',
  chatbot: 'labels.kindNoun.chatbot',
  other: 'labels.kindNoun.solution',
};

export function solutionKindNoun(kind: SolutionKind): Text {
  return text(KIND_NOUNS[kind]);
}

const TIER_NAMES: Readonly<Record<Tier, MessageKey>> = {
  Productivity: 'labels.tier.Productivity',
  Important: 'labels.tier.Important',
  Critical: 'labels.tier.Critical',
};

/** How a support party is named in a sentence: "its maker", "the help desk". */
const PARTY_NAMES: Readonly<Record<SupportParty, MessageKey>> = {
  maker: 'labels.party.maker',
  'co-owners': 'labels.party.co-owners',
  'help-desk': 'labels.party.help-desk',
  'dedicated-team': 'labels.party.dedicated-team',
  partner: 'labels.party.partner',
  microsoft: 'labels.party.microsoft',
};

/** "Ann", "Ann and Bob", "Ann, Bob and Carl": the last two joined by the reader's word for "and". */
export function joinNames(names: readonly string[]): TextParam {
  if (names.length <= 1) return names.join('');
  return text('common.andList', { first: names.slice(0, -1).join(', '), last: names[names.length - 1]! });
}

export function explainRoute(route: Route): Text {
  const s = route.solution;
  const solutionParams: Record<string, TextParam> = s
    ? { solutionName: s.name, tier: text(TIER_NAMES[s.tier]), kind: solutionKindNoun(s.kind), makerName: s.maker.displayName }
    : {};
  const explanation = (key: ExplanationKey, extra: Record<string, TextParam> = {}): Text =>
    text(key, { ...solutionParams, handler: text(PARTY_NAMES[partyOf(route)]), ...extra });

  switch (route.kind) {
    case 'maker':
      if (route.reason === 'maker-left-manager') {
        return explanation('routing.maker.managerStandsIn', {
          makerName: route.standsInFor?.displayName ?? '',
          managerName: route.maker.displayName,
        });
      }
      return explanation('routing.maker.productivity', { makerName: route.maker.displayName });
    case 'co-owners': {
      const coOwnerNames = joinNames(route.coOwners.map((p) => p.displayName));
      const key = (
        {
          'important-problem': 'routing.coOwners.important',
          'maker-orphaned': 'routing.coOwners.makerOrphaned',
          'maker-unreachable': 'routing.coOwners.makerUnreachable',
          'maker-is-requester': 'routing.coOwners.makerIsRequester',
        } as const
      )[route.reason];
      return explanation(key, { coOwnerNames });
    }
    case 'help-desk':
      return explanation(HELP_DESK_KEYS[route.reason]);
    case 'dedicated-team':
      if (route.reason === 'maker-stuck') return explanation('routing.dedicatedTeam.makerStuck');
      if (route.graduateTo) return explanation('routing.dedicatedTeam.graduation', { nextTier: text(TIER_NAMES[route.graduateTo]) });
      if (!s) return explanation('routing.dedicatedTeam.graduationNotInCatalog');
      return explanation('routing.dedicatedTeam.graduationNoHigherTier');
  }
}

const HELP_DESK_KEYS = {
  'critical-solution': 'routing.helpDesk.critical',
  'critical-sev-a': 'routing.helpDesk.criticalSevA',
  access: 'routing.helpDesk.access',
  'find-or-how-to': 'routing.helpDesk.findOrHowTo',
  'connector-or-environment': 'routing.helpDesk.connectorOrEnvironment',
  'platform-issue': 'routing.helpDesk.platformIssue',
  'not-in-catalog': 'routing.helpDesk.notInCatalog',
  'solution-retired': 'routing.helpDesk.retired',
  'no-reachable-support': 'routing.helpDesk.noReachableSupport',
} as const satisfies Record<Extract<Route, { kind: 'help-desk' }>['reason'], ExplanationKey>;

function partyOf(route: Route): SupportParty {
  return route.kind === 'co-owners' ? 'co-owners' : route.kind;
}
