/**
 * The card registry: every template in `cards/` (the file name without `.json`) and the verbs of the
 * Action.Execute buttons it carries. It is the one place card names and verbs are written:
 * routes register their verbs from `Verb`, presenters return a `CardRef` naming a `CardName`, and
 * test/unit/cards/card-registry.test.ts checks this table against the files and the route table
 * (every verb in a card has a route, every route a card).
 */
import type { CardReference } from '../domain/card-reference';

export const CARD_VERBS = {
  welcome: ['intake.start', 'welcome.more'],
  'intake-need': ['intake.cancel', 'intake.need', 'welcome.more'],
  'intake-solution': ['intake.back', 'intake.cancel', 'intake.search', 'intake.solution'],
  'intake-details': ['intake.back', 'intake.cancel', 'intake.details'],
  'intake-review': ['intake.back', 'intake.cancel', 'intake.submit'],
  /** Knowledge base answers before the review (issue 16). */
  'intake-answers': ['intake.back', 'intake.cancel', 'intake.need-help', 'intake.solved'],
  'intake-answered': ['intake.start'],
  /** The knowledge owners' review list, and the help desk's notice of a draft from the dedicated team (issue 16). */
  'kb-review': ['kb.publish', 'kb.retire'],
  'kb-added': [],
  'intake-confirmation': [],
  'intake-closed': ['intake.start'],
  /** "Report a problem" from a message: a dialog, whose Action.Submit buttons go to the message action's route. */
  'report-message': [],
  'my-requests': ['intake.start', 'requests.open', 'requests.page'],
  /** One of the requester's requests with its newest history (issue 14). */
  'my-request': ['requests.page'],
  'my-solutions': ['graduation.form', 'intake.start'],
  'solution-support': ['intake.start'],
  'request-notification': [],
  'maker-notification': ['request.acknowledge', 'request.handToHelpDesk', 'request.notMine', 'request.resolve', 'request.stuck'],
  'co-owner-ping': ['request.claim', 'request.handToHelpDesk', 'request.resolve', 'request.stuck'],
  'requester-update': [],
  ticket: [
    'ticket.answer-team',
    'ticket.assign-me',
    'ticket.assign-to',
    'ticket.case-status',
    'ticket.confirm-case',
    'ticket.decline-case',
    'ticket.escalate',
    'ticket.link-incident',
    'ticket.note',
    'ticket.open-case',
    'ticket.open-incident',
    'ticket.pick-assignee',
    'ticket.publish-article',
    'ticket.reopen',
    'ticket.reply',
    'ticket.request-info',
    'ticket.resolve',
    'ticket.severity',
    'ticket.show',
    'ticket.status',
    'suggestion.create',
  ],
  'ticket-handoff': [
    'handoff.accept',
    'handoff.add-to-knowledge',
    'handoff.ask',
    'handoff.resolve',
    'handoff.return',
    'handoff.severity',
    'handoff.show',
  ],
  'ticket-maker-question': ['makerticket.answer', 'makerticket.show'],
  'ticket-requester': ['myticket.answer', 'myticket.confirm', 'myticket.details', 'myticket.reopen', 'myticket.show', 'myticket.withdraw'],
  'ticket-sla-alert': ['ticket.show'],
  /** The on-call member's DM for a Sev A opened out of hours (queues/on-call.ts). */
  'ticket-on-call': ['ticket.show'],
  'ticket-list': ['tickets.page'],
  'channel-registered': [],
  incident: ['incident.escalate-global-admins', 'incident.resolve', 'incident.show'],
  'incident-global-admins': [],
  'incident-resolved': [],
  'outbox-status': [],
  'graduation-form': ['graduation.submit'],
  'graduation-request': ['graduation.approve', 'graduation.decline'],
  'graduation-decision': [],
  'under-supported-notice': ['graduation.form'],
  'under-supported-list': [],
  /** Catalog admins: an entry with its history and flags, and the open "Not my solution" flags. */
  'catalog-entry': ['catalogadmin.edit', 'catalogadmin.flags', 'catalogadmin.open'],
  /** After a maker's or co-owners' resolution: "Did that solve your problem?" */
  'request-satisfaction': ['satisfaction.answer'],
  'catalog-flags': ['catalogadmin.flags', 'catalogadmin.open', 'catalogadmin.resolve-flag'],
  /** The help desk lead's report (issue 17): charts and figures, no buttons. */
  report: [],
  /** A maker's or co-owner's monthly thank-you card with their figures (issue 17), and its opt-out. */
  'recognition-thanks': ['recognition.opt-out'],
  /** "Suggest an improvement" (issue 16): the item in the Power Platform team's queue, the suggester's notice, the open items. */
  suggestion: ['suggestion.decline', 'suggestion.done', 'suggestion.plan', 'suggestion.review'],
  'suggestion-update': [],
  'suggestion-list': [],
} as const satisfies Record<string, readonly string[]>;

/** The name of a template in `cards/`. */
export type CardName = keyof typeof CARD_VERBS;

/** A verb some card's button sends (Action.Execute `verb`). */
export type Verb = (typeof CARD_VERBS)[CardName][number];

export const CARD_NAMES = Object.keys(CARD_VERBS) as CardName[];

const NAMES: ReadonlySet<string> = new Set(CARD_NAMES);

export function isCardName(value: unknown): value is CardName {
  return typeof value === 'string' && NAMES.has(value);
}

/** A card to show: a template and the data bound into it (plain values and `Text` descriptors, never markup). */
export interface CardRef extends CardReference {
  readonly card: CardName;
}
