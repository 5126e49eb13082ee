/**
 * The questionnaire's cards (`intake-*`): a domain view of the draft → a card and its
 * data. Labels are `Text`; every value that came from a user is data, never template.
 */
import { stepsFor } from '../domain/intake/intake-draft';
import { openingValues, queryOf } from '../domain/intake/opening-text';
import { asksForUnlisted } from '../domain/intake/unlisted-solution';
import { NO_UNLISTED_ERRORS, unlistedValues } from './unlisted-cards';
import type { IntakeView, SubmissionLimited } from '../domain/intake/intake-view';
import type { SupportRequest } from '../domain/intake/support-request';
import { categoriesFor, REQUEST_CATEGORY_INFO } from '../domain/request-category';
import { IMPACTS, URGENCIES } from '../domain/severity';
import type { Solution } from '../domain/solution';
import { instant, text, type Text } from '../domain/text';
import type { MessageKey } from '../domain/message-keys';
import type { CardRef } from './cards';
import { knowledgeIntakeCard } from './knowledge-intake-cards';
import { categoryLabel, holderHeading, impactLabel, tierLabel, urgencyLabel } from './labels';

/** "Canvas app", "Flow": the kind in a solution's one-line summary. */
const KIND_SHORT = {
  'canvas-app': 'labels.kindShort.canvas-app',
  'model-driven-app': 'labels.kindShort.model-driven-app',
  flow: 'labels.kindShort.flow',
  chatbot: 'labels.kindShort.chatbot',
  other: 'labels.kindShort.other',
} as const satisfies Record<string, MessageKey>;

const CLOSED = {
  cancelled: { heading: 'messages.intake.closed.cancelled.heading', message: 'messages.intake.closed.cancelled.message' },
  expired: { heading: 'messages.intake.closed.expired.heading', message: 'messages.intake.closed.expired.message' },
  'not-found': { heading: 'messages.intake.closed.not-found.heading', message: 'messages.intake.closed.not-found.message' },
} as const satisfies Record<string, { heading: MessageKey; message: MessageKey }>;

/** Submit refused by the per-person limit: when they can submit, and that nothing they wrote is lost. */
function limitNotice(limited: SubmissionLimited): Text {
  return text('messages.intake.limited', { perHour: limited.perHour, count: limited.minutesLeft, at: instant(limited.retryAt, 'time') });
}

/** The needs to choose from. Everyone may be a maker: every category, the maker-only ones last and labelled. */
export function needChoices(): Array<{ title: Text; value: string }> {
  return categoriesFor('maker').map((id) => ({
    title: REQUEST_CATEGORY_INFO[id].audience === 'maker' ? text('labels.forMakers', { label: categoryLabel(id) }) : categoryLabel(id),
    value: id,
  }));
}

/** A catalog match as a choice: "Expense Tracker · Canvas app · Contoso (default) · Productivity". */
export function solutionChoice(solution: Solution): { title: Text; value: string } {
  return {
    title: text('labels.solutionLine', {
      name: solution.name,
      kind: text(KIND_SHORT[solution.kind]),
      environment: solution.environment,
      tier: tierLabel(solution.tier),
    }),
    value: solution.id,
  };
}

/** `greeting`: shown above the first step when the intake was started by saying hello. */
export function intakeCard(view: IntakeView, greeting: Text | '' = ''): CardRef {
  switch (view.kind) {
    case 'cancelled':
    case 'expired':
    case 'not-found':
      return { card: 'intake-closed', data: { heading: text(CLOSED[view.kind].heading), message: text(CLOSED[view.kind].message) } };
    case 'submitted':
      return { card: 'intake-confirmation', data: confirmationData(view.request) };
    case 'answers':
    case 'answered':
      return knowledgeIntakeCard(view);
    case 'need': {
      const choices = needChoices();
      return {
        card: 'intake-need',
        data: {
          greeting,
          intakeId: view.draft.id,
          stepCount: stepsFor(view.draft.category).length,
          choices,
          selected: view.draft.category ?? '',
          error: view.errors?.category ?? '',
        },
      };
    }
    case 'solution': {
      const matches = view.matches.map(({ solution }) => solutionChoice(solution));
      const query = queryOf(view.draft);
      return {
        card: 'intake-solution',
        data: {
          intakeId: view.draft.id,
          stepCount: stepsFor(view.draft.category).length,
          categoryLabel: view.draft.category ? categoryLabel(view.draft.category) : '',
          query,
          searched: query !== '',
          hasMatches: matches.length > 0,
          choiceLabel: text(matches.length > 0 ? 'messages.intake.pickSolution' : 'messages.intake.or'),
          choices: [...matches, { title: text('messages.intake.notListed'), value: 'not-listed' }],
          selected: view.draft.solutionId === null ? 'not-listed' : (view.draft.solutionId ?? ''),
          error: view.errors?.solution ?? view.errors?.query ?? '',
        },
      };
    }
    case 'details': {
      const steps = stepsFor(view.draft.category);
      const saved = view.draft.details;
      return {
        card: 'intake-details',
        data: {
          intakeId: view.draft.id,
          stepNumber: steps.indexOf('details') + 1,
          stepCount: steps.length,
          solutionName: view.solution?.name ?? (view.draft.solutionId === null ? text('messages.intake.solutionNotInCatalog') : ''),
          values: {
            since: '',
            impact: '',
            urgency: '',
            ...openingValues(view.draft),
            ...unlistedValues(view.draft),
            ...(saved ?? {}),
            ...(view.entered ?? {}),
          },
          errors: { title: '', description: '', since: '', impact: '', urgency: '', ...NO_UNLISTED_ERRORS, ...(view.errors ?? {}) },
          unlistedAsked: asksForUnlisted(view.draft),
          impacts: IMPACTS.map((value) => ({ title: impactLabel(value), value })),
          urgencies: URGENCIES.map((value) => ({ title: urgencyLabel(value), value })),
        },
      };
    }
    case 'review': {
      const details = view.draft.details!;
      return {
        card: 'intake-review',
        data: {
          intakeId: view.draft.id,
          stepCount: stepsFor(view.draft.category).length,
          categoryLabel: categoryLabel(view.route.category),
          solutionName:
            view.solution?.name ??
            (view.draft.unlistedSolution
              ? text('conversation.unlisted.solution', { name: view.draft.unlistedSolution.name })
              : view.draft.solutionId === null
                ? text('messages.intake.notListedInCatalog')
                : ''),
          title: details.title,
          description: details.description,
          since: details.since || text('messages.intake.sinceNotGiven'),
          impactLabel: impactLabel(details.impact),
          urgencyLabel: urgencyLabel(details.urgency),
          severity: view.route.severity,
          explanation: view.explanation,
          notice: view.limited ? limitNotice(view.limited) : '',
        },
      };
    }
  }
}

function confirmationData(request: SupportRequest): Record<string, unknown> {
  return {
    reference: request.ticketNumber
      ? text('messages.intake.referenceWithTicket', { reference: request.reference, ticket: request.ticketNumber })
      : request.reference,
    title: request.details.title,
    holder: holderHeading(request.holder),
    severity: request.severity,
    explanation: request.explanation,
    chatLink: request.chatLink ?? '',
  };
}
