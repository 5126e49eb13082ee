/**
 * The catalog's cards (`my-solutions`, `solution-support`). Who supports what comes from the domain
 * (support model, routing); the words are `Text`. Every value that came from a user or the catalog
 * is data, never template.
 */
import { supportSummaryOf, type SupportSummary } from '../domain/catalog/support-summary';
import { chatLinkFor } from '../domain/chat-link';
import { higherTiers } from '../domain/governance/graduation-requirements';
import type { SolutionMatch } from '../domain/ports/catalog';
import { joinNames } from '../domain/route-explanation';
import type { Solution } from '../domain/solution';
import { text, type Text } from '../domain/text';
import type { CardRef } from './cards';
import { kindLabel, solutionStatusLabel, supportedByLabel, supportModelLabel, tierLabel } from './labels';

/** Solutions listed per section; a maker with more sees a count (cards must stay well under 80 KB). */
export const MAX_LISTED = 20;

export interface PersonSolutionLists {
  readonly made: readonly Solution[];
  readonly coOwned: readonly Solution[];
}

/** `helpLink`: the "Get help" chat link for a solution and the message it types in (built by the route). */
export function mySolutionsCard(
  solutions: PersonSolutionLists,
  firstName: string,
  helpLink?: (solutionId: string) => { link: string; message: string },
): CardRef {
  const section = (title: 'messages.catalog.youMade' | 'messages.catalog.youCoOwn', list: readonly Solution[]) => ({
    title: text(title, { count: list.length }),
    solutions: list.slice(0, MAX_LISTED).map((s) => mySolutionItem(s, helpLink?.(s.id))),
    more: Math.max(0, list.length - MAX_LISTED),
  });
  const sections = [
    ...(solutions.made.length > 0 ? [section('messages.catalog.youMade', solutions.made)] : []),
    ...(solutions.coOwned.length > 0 ? [section('messages.catalog.youCoOwn', solutions.coOwned)] : []),
  ];
  return {
    card: 'my-solutions',
    data: {
      firstName: firstName || text('messages.common.there'),
      hasAny: sections.length > 0,
      sections,
      askLabel: text('governance.form.ask'),
    },
  };
}

function mySolutionItem(solution: Solution, help?: { link: string; message: string }): Record<string, unknown> {
  const summary = supportSummaryOf(solution);
  return {
    name: solution.name,
    kind: kindLabel(solution.kind),
    environment: solution.environment,
    tier: tierLabel(solution.tier),
    supportModel: supportModelLabel(summary.model.kind),
    supportedBy: supportedByLabel(summary.model.kind),
    status: solutionStatusLabel(solution.status),
    note: makerNote(solution, summary),
    // Graduation (governance): the maker or a co-owner asks for a higher tier from here.
    solutionId: solution.id,
    canAsk: solution.status !== 'retired' && higherTiers(solution.tier).length > 0,
    helpLink: help?.link ?? '',
    helpMessage: help?.message ?? '',
  };
}

/** What a maker should know about their own solution's support. */
function makerNote(solution: Solution, summary: SupportSummary): Text | '' {
  if (solution.status === 'retired') return text('messages.catalog.makerNote.retired');
  if (solution.status === 'orphaned') return text('messages.catalog.makerNote.orphaned');
  if (solution.tier === 'Important' && solution.coOwners.length === 0) return text('messages.catalog.makerNote.noCoOwners');
  if (summary.contactParty === 'help-desk' && solution.tier !== 'Critical') return text('messages.catalog.makerNote.unreachable');
  return '';
}

export function solutionSupportCard(query: string, matches: readonly SolutionMatch[]): CardRef {
  return {
    card: 'solution-support',
    data: {
      query,
      heading: matches.length === 1 ? text('messages.catalog.howItIsSupported') : text('messages.catalog.bestMatches', { query }),
      matches: matches.map(({ solution }) => supportItem(solution)),
    },
  };
}

function supportItem(solution: Solution): Record<string, unknown> {
  const summary = supportSummaryOf(solution);
  const contacts = summary.contacts;
  const chat =
    contacts.length === 0
      ? { chatUrl: '', chatTitle: '' }
      : {
          chatUrl: chatLinkFor(contacts),
          chatTitle:
            contacts.length === 1
              ? text('messages.catalog.chatWith', { name: contacts[0]!.displayName })
              : text('messages.catalog.chatWithCoOwners'),
        };
  return {
    name: solution.name,
    summary: text(solution.environment ? 'messages.catalog.summary' : 'messages.catalog.summaryNoEnvironment', {
      kind: kindLabel(solution.kind),
      environment: solution.environment,
      tier: tierLabel(solution.tier),
    }),
    howSupported: howSupported(solution, summary),
    note: solution.status === 'orphaned' ? text('messages.catalog.makerLeft', { name: solution.maker.displayName }) : '',
    channel: summary.supportChannel ?? '',
    workarounds: solution.status === 'retired' ? '' : (solution.workarounds ?? ''),
    ...chat,
  };
}

function howSupported(solution: Solution, summary: SupportSummary): Text {
  const names = joinNames(summary.contacts.map((p) => p.displayName));
  const model = supportModelLabel(summary.model.kind);
  switch (summary.contactParty) {
    case 'maker':
      return text('messages.catalog.howSupported.maker', { model, names });
    case 'co-owners':
      return summary.contacts.length === 1
        ? text('messages.catalog.howSupported.coOwner', { model, names })
        : text('messages.catalog.howSupported.coOwners', { model, names });
    case 'help-desk':
      if (solution.status === 'retired') return text('messages.catalog.howSupported.retired');
      if (solution.tier === 'Critical') return text('messages.catalog.howSupported.critical', { model });
      return text('messages.catalog.howSupported.nobody', { model });
    case 'dedicated-team':
      return text('messages.catalog.howSupported.dedicatedTeam', { model });
  }
}
