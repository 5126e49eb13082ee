/**
 * Data for the catalog cards (`my-solutions`, `solution-support`). Presentation only: wording and
 * labels; who supports what comes from the domain (support model, routing). Every value that came
 * from a user or the catalog is passed as data, never as template.
 */
import { supportSummaryOf, type SupportSummary } from '../../domain/catalog/support-summary';
import { chatLinkFor } from '../../domain/chat-link';
import { joinNames } from '../../domain/route-explanation';
import type { Solution, SolutionKind, SolutionStatus } from '../../domain/solution';
import type { PersonSolutions } from '../../services/catalog/catalog-service';
import type { SolutionMatch } from '../../domain/ports/catalog';

const KIND_LABELS: Readonly<Record<SolutionKind, string>> = {
  'canvas-app': 'Canvas app',
  'model-driven-app': 'Model-driven app',
  flow: 'Cloud flow',
  chatbot: 'Chatbot',
  other: 'Other',
};

const STATUS_LABELS: Readonly<Record<SolutionStatus, string>> = { active: 'Active', orphaned: 'Orphaned', retired: 'Retired' };

/** Solutions listed per section; a maker with more sees a count (cards must stay well under 80 KB). */
export const MAX_LISTED = 20;

export function mySolutionsCardData(solutions: PersonSolutions, firstName: string): object {
  const section = (title: string, list: readonly Solution[]) => ({
    title: `${title} (${list.length})`,
    solutions: list.slice(0, MAX_LISTED).map(mySolutionItem),
    more: Math.max(0, list.length - MAX_LISTED),
  });
  const sections = [
    ...(solutions.made.length > 0 ? [section('You made', solutions.made)] : []),
    ...(solutions.coOwned.length > 0 ? [section('You co-own', solutions.coOwned)] : []),
  ];
  return { firstName: firstName || 'there', hasAny: sections.length > 0, sections };
}

function mySolutionItem(solution: Solution): object {
  const summary = supportSummaryOf(solution);
  return {
    name: solution.name,
    kind: KIND_LABELS[solution.kind],
    environment: solution.environment,
    tier: solution.tier,
    supportModel: summary.model.name,
    supportedBy: summary.model.supportedByLabel,
    status: STATUS_LABELS[solution.status],
    note: makerNote(solution, summary),
  };
}

/** What a maker should know about their own solution's support. */
function makerNote(solution: Solution, summary: SupportSummary): string {
  if (solution.status === 'retired') return 'Retired: requests about it go to the help desk.';
  if (solution.status === 'orphaned') return 'Marked orphaned (its maker has left): requests go to its co-owners, or the help desk.';
  if (solution.tier === 'Important' && solution.coOwners.length === 0) {
    return 'Important solutions are supported by co-owners, and this one has none: requests go to the help desk until co-owners are added.';
  }
  if (summary.contactParty === 'help-desk' && solution.tier !== 'Critical') return 'Nobody can be reached for it: requests go to the help desk.';
  return '';
}

export function solutionSupportCardData(query: string, matches: readonly SolutionMatch[]): object {
  return {
    query,
    heading: matches.length === 1 ? 'How it is supported' : `Best matches for “${query}”`,
    matches: matches.map(({ solution }) => supportItem(solution)),
  };
}

function supportItem(solution: Solution): object {
  const summary = supportSummaryOf(solution);
  const contacts = summary.contacts;
  const chat =
    contacts.length === 0
      ? { chatUrl: '', chatTitle: '' }
      : { chatUrl: chatLinkFor(contacts), chatTitle: contacts.length === 1 ? `Chat with ${contacts[0]!.displayName}` : 'Chat with the co-owners' };
  return {
    name: solution.name,
    summary: [KIND_LABELS[solution.kind], solution.environment, `${solution.tier} tier`].filter(Boolean).join(' · '),
    howSupported: howSupported(solution, summary),
    note: solution.status === 'orphaned' ? `Its maker, ${solution.maker.displayName}, has left.` : '',
    channel: summary.supportChannel ?? '',
    workarounds: solution.status === 'retired' ? '' : (solution.workarounds ?? ''),
    ...chat,
  };
}

function howSupported(solution: Solution, summary: SupportSummary): string {
  const names = joinNames(summary.contacts.map((p) => p.displayName));
  switch (summary.contactParty) {
    case 'maker':
      return `${summary.model.name}: its maker, ${names}, supports it. Contact them directly, or send "new request" and I'll let them know.`;
    case 'co-owners':
      return summary.contacts.length === 1
        ? `${summary.model.name}: its co-owner, ${names}, supports it. Send "new request" and I'll ask them.`
        : `${summary.model.name}: its co-owners, ${names}, support it. Send "new request" and the first of them to pick it up will own it.`;
    case 'help-desk':
      if (solution.status === 'retired') return 'Retired: the help desk can tell you what replaced it. Send "new request".';
      if (solution.tier === 'Critical') {
        return `${summary.model.name}: the help desk handles it, with the Power Platform team. Send "new request" to open a ticket.`;
      }
      return `${summary.model.name}, but nobody can take requests for it right now: the help desk will. Send "new request".`;
    case 'dedicated-team':
      return `${summary.model.name}: the Power Platform team supports it. Send "new request".`;
  }
}
