/**
 * What happens next, in plain words, as data: a message key and its parameters. Cards bind the
 * parameters into a (possibly translated) template; English templates are provided as the default.
 */
import type { Route } from './routing';
import type { SolutionKind } from './solution';
import { SUPPORT_TYPES } from './support-model';

export const EXPLANATION_KEYS = [
  'route.maker.productivity',
  'route.maker.managerStandsIn',
  'route.coOwners.important',
  'route.coOwners.makerOrphaned',
  'route.coOwners.makerUnreachable',
  'route.coOwners.makerIsRequester',
  'route.helpDesk.critical',
  'route.helpDesk.criticalSevA',
  'route.helpDesk.access',
  'route.helpDesk.findOrHowTo',
  'route.helpDesk.connectorOrEnvironment',
  'route.helpDesk.platformIssue',
  'route.helpDesk.notInCatalog',
  'route.helpDesk.retired',
  'route.helpDesk.noReachableSupport',
  'route.dedicatedTeam.makerStuck',
  'route.dedicatedTeam.graduation',
  'route.dedicatedTeam.graduationNoHigherTier',
  'route.dedicatedTeam.graduationNotInCatalog',
] as const;
export type ExplanationKey = (typeof EXPLANATION_KEYS)[number];

export interface RouteExplanation {
  readonly key: ExplanationKey;
  /** Plain strings only (user-provided names included): cards bind them as template data. */
  readonly params: Readonly<Record<string, string>>;
}

const KIND_LABELS: Readonly<Record<SolutionKind, string>> = {
  'canvas-app': 'app',
  'model-driven-app': 'app',
  flow: 'flow',
  chatbot: 'chatbot',
  other: 'solution',
};

export function solutionKindLabel(kind: SolutionKind): string {
  return KIND_LABELS[kind];
}

/** "Ann", "Ann and Bob", "Ann, Bob and Carl". */
export function joinNames(names: readonly string[], and = 'and'): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

export function explainRoute(route: Route): RouteExplanation {
  const s = route.solution;
  const solutionParams: Record<string, string> = s
    ? { solutionName: s.name, tier: s.tier, kind: solutionKindLabel(s.kind), makerName: s.maker.displayName }
    : {};
  const explanation = (key: ExplanationKey, extra: Record<string, string> = {}): RouteExplanation => ({
    key,
    params: { ...solutionParams, handler: SUPPORT_TYPES[partyOf(route)].label, ...extra },
  });

  switch (route.kind) {
    case 'maker':
      if (route.reason === 'maker-left-manager') {
        return explanation('route.maker.managerStandsIn', { makerName: route.standsInFor?.displayName ?? '', managerName: route.maker.displayName });
      }
      return explanation('route.maker.productivity', { makerName: route.maker.displayName });
    case 'co-owners': {
      const coOwnerNames = joinNames(route.coOwners.map((p) => p.displayName));
      const key = (
        {
          'important-problem': 'route.coOwners.important',
          'maker-orphaned': 'route.coOwners.makerOrphaned',
          'maker-unreachable': 'route.coOwners.makerUnreachable',
          'maker-is-requester': 'route.coOwners.makerIsRequester',
        } as const
      )[route.reason];
      return explanation(key, { coOwnerNames });
    }
    case 'help-desk':
      return explanation(HELP_DESK_KEYS[route.reason]);
    case 'dedicated-team':
      if (route.reason === 'maker-stuck') return explanation('route.dedicatedTeam.makerStuck');
      if (route.graduateTo) return explanation('route.dedicatedTeam.graduation', { nextTier: route.graduateTo });
      if (!s) return explanation('route.dedicatedTeam.graduationNotInCatalog');
      return explanation('route.dedicatedTeam.graduationNoHigherTier');
  }
}

const HELP_DESK_KEYS = {
  'critical-solution': 'route.helpDesk.critical',
  'critical-sev-a': 'route.helpDesk.criticalSevA',
  access: 'route.helpDesk.access',
  'find-or-how-to': 'route.helpDesk.findOrHowTo',
  'connector-or-environment': 'route.helpDesk.connectorOrEnvironment',
  'platform-issue': 'route.helpDesk.platformIssue',
  'not-in-catalog': 'route.helpDesk.notInCatalog',
  'solution-retired': 'route.helpDesk.retired',
  'no-reachable-support': 'route.helpDesk.noReachableSupport',
} as const satisfies Record<Extract<Route, { kind: 'help-desk' }>['reason'], ExplanationKey>;

function partyOf(route: Route) {
  return route.kind === 'co-owners' ? 'co-owners' : route.kind;
}

/** English defaults. `{name}` placeholders are filled by `renderExplanation`. */
export const EXPLANATION_TEMPLATES_EN: Readonly<Record<ExplanationKey, string>> = {
  'route.maker.productivity':
    "{makerName} made this Productivity {kind} and supports it themselves — we'll let them know.",
  'route.maker.managerStandsIn':
    "{makerName}, who made {solutionName}, has left — we'll let their manager, {managerName}, know instead.",
  'route.coOwners.important':
    "{solutionName} is an Important {kind} supported by its co-owners — we'll ask {coOwnerNames}, and the first to pick it up will own it.",
  'route.coOwners.makerOrphaned':
    "{makerName}, who made {solutionName}, has left — we'll ask its co-owners, {coOwnerNames}, instead.",
  'route.coOwners.makerUnreachable':
    "We can't reach {makerName}, who made {solutionName} — we'll ask its co-owners, {coOwnerNames}, instead.",
  'route.coOwners.makerIsRequester': "You made {solutionName}, so we'll ask its co-owners, {coOwnerNames}, to help.",
  'route.helpDesk.critical': "This is a Critical {kind} — we'll open a help desk ticket.",
  'route.helpDesk.criticalSevA':
    "This is a Critical {kind} and the impact is critical — we'll open a help desk ticket and hand it straight to the Power Platform team.",
  'route.helpDesk.access': "The help desk handles access to apps and data — we'll open a ticket.",
  'route.helpDesk.findOrHowTo': "The help desk can point you to the right app or explain how — we'll open a ticket.",
  'route.helpDesk.connectorOrEnvironment': "The help desk handles new connectors and environments — we'll open a ticket.",
  'route.helpDesk.platformIssue':
    "The help desk checks Power Platform service problems and raises them with Microsoft if needed — we'll open a ticket.",
  'route.helpDesk.notInCatalog':
    "This solution isn't in our catalog yet — we'll open a help desk ticket so they can find who supports it.",
  'route.helpDesk.retired':
    "{solutionName} has been retired — we'll open a help desk ticket so they can help you find what replaced it.",
  'route.helpDesk.noReachableSupport':
    "Nobody who supports {solutionName} can be reached right now — we'll open a help desk ticket.",
  'route.dedicatedTeam.makerStuck': "We'll pass your question to the Power Platform team, who help makers get unblocked.",
  'route.dedicatedTeam.graduation':
    "We'll ask the Power Platform team about moving {solutionName} to {nextTier} support.",
  'route.dedicatedTeam.graduationNoHigherTier':
    "We'll ask the Power Platform team to review how {solutionName} is supported.",
  'route.dedicatedTeam.graduationNotInCatalog':
    "We'll ask the Power Platform team how your solution can get more formal support.",
};

/** Fill a template's `{name}` placeholders; unknown placeholders are left as they are. */
export function renderExplanation(
  explanation: RouteExplanation,
  templates: Readonly<Record<ExplanationKey, string>> = EXPLANATION_TEMPLATES_EN,
): string {
  return templates[explanation.key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(explanation.params, name) ? (explanation.params[name] ?? whole) : whole,
  );
}
