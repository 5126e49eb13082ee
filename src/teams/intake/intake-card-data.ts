/**
 * Maps the intake service's views to a card template and its data. Presentation only: labels and
 * wording for the cards; every value that came from a user is passed as data, never as template.
 */
import { stepsFor } from '../../domain/intake/intake-draft';
import { categoriesFor, REQUEST_CATEGORY_INFO } from '../../domain/request-category';
import { IMPACT_LABELS, IMPACTS, URGENCIES, URGENCY_LABELS } from '../../domain/severity';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { IntakeView, SubmissionLimited } from '../../services/intake/intake-view';
import type { CardName } from '../card-templates';

export interface CardSpec {
  readonly name: CardName;
  readonly data: object;
}

const KIND_LABELS = { 'canvas-app': 'Canvas app', 'model-driven-app': 'Model-driven app', flow: 'Flow', chatbot: 'Chatbot', other: 'Other' } as const;

const CLOSED: Record<'cancelled' | 'expired' | 'not-found', { heading: string; message: string }> = {
  cancelled: { heading: 'Request cancelled', message: 'Nothing was sent. You can start a new request whenever you like.' },
  expired: { heading: 'This request expired', message: 'It was left unfinished for more than a day, so nothing was sent. Start again and it only takes a minute.' },
  'not-found': { heading: "I can't find this request", message: 'It may belong to someone else, or it was removed. Start a new request instead.' },
};

/** Submit refused by the per-person limit: when they can submit, and that nothing they wrote is lost. */
function limitNotice(limited: SubmissionLimited): string {
  const at = `${limited.retryAt.slice(11, 16)} UTC`;
  const wait = limited.minutesLeft === 1 ? 'a minute' : `${limited.minutesLeft} minutes`;
  return (
    `You've sent ${limited.perHour} requests in the last hour, the most I take from one person. ` +
    `You can submit this one in ${wait} (from ${at}): it's kept here until then, so just press Submit again.`
  );
}

/** `greeting`: shown above the first step when the intake was started by saying hello. */
export function intakeCard(view: IntakeView, greeting = ''): CardSpec {
  switch (view.kind) {
    case 'cancelled':
    case 'expired':
    case 'not-found':
      return { name: 'intake-closed', data: CLOSED[view.kind] };
    case 'submitted':
      return { name: 'intake-confirmation', data: confirmationData(view.request) };
    case 'need': {
      // Everyone may be a maker: offer every category, the maker-only ones last and labelled.
      const choices = categoriesFor('maker').map((id) => ({
        title: REQUEST_CATEGORY_INFO[id].audience === 'maker' ? `For makers: ${REQUEST_CATEGORY_INFO[id].label}` : REQUEST_CATEGORY_INFO[id].label,
        value: id,
      }));
      return {
        name: 'intake-need',
        data: { greeting, intakeId: view.draft.id, stepCount: stepsFor(view.draft.category).length, choices, selected: view.draft.category ?? '', error: view.errors?.category ?? '' },
      };
    }
    case 'solution': {
      const matches = view.matches.map(({ solution }) => ({
        title: `${solution.name} · ${KIND_LABELS[solution.kind]} · ${solution.environment} · ${solution.tier}`,
        value: solution.id,
      }));
      const query = view.draft.searchQuery ?? '';
      return {
        name: 'intake-solution',
        data: {
          intakeId: view.draft.id,
          stepCount: stepsFor(view.draft.category).length,
          categoryLabel: view.draft.category ? REQUEST_CATEGORY_INFO[view.draft.category].label : '',
          query,
          searched: query !== '',
          hasMatches: matches.length > 0,
          choiceLabel: matches.length > 0 ? 'Pick your solution' : 'Or',
          choices: [...matches, { title: "It's not listed", value: 'not-listed' }],
          selected: view.draft.solutionId === null ? 'not-listed' : (view.draft.solutionId ?? ''),
          error: view.errors?.solution ?? view.errors?.query ?? '',
        },
      };
    }
    case 'details': {
      const steps = stepsFor(view.draft.category);
      const saved = view.draft.details;
      return {
        name: 'intake-details',
        data: {
          intakeId: view.draft.id,
          stepNumber: steps.indexOf('details') + 1,
          stepCount: steps.length,
          solutionName: view.solution?.name ?? (view.draft.solutionId === null ? 'a solution that is not in the catalog' : ''),
          values: { title: '', description: '', since: '', impact: '', urgency: '', ...(saved ?? {}), ...(view.entered ?? {}) },
          errors: { title: '', description: '', since: '', impact: '', urgency: '', ...(view.errors ?? {}) },
          impacts: IMPACTS.map((value) => ({ title: IMPACT_LABELS[value], value })),
          urgencies: URGENCIES.map((value) => ({ title: URGENCY_LABELS[value], value })),
        },
      };
    }
    case 'review': {
      const details = view.draft.details!;
      return {
        name: 'intake-review',
        data: {
          intakeId: view.draft.id,
          stepCount: stepsFor(view.draft.category).length,
          categoryLabel: REQUEST_CATEGORY_INFO[view.route.category].label,
          solutionName: view.solution?.name ?? (view.draft.solutionId === null ? "Not listed in the catalog" : ''),
          title: details.title,
          description: details.description,
          since: details.since || 'Not given',
          impactLabel: IMPACT_LABELS[details.impact],
          urgencyLabel: URGENCY_LABELS[details.urgency],
          severity: view.route.severity,
          explanation: view.explanation,
          notice: view.limited ? limitNotice(view.limited) : '',
        },
      };
    }
  }
}

export function holderLabel(request: SupportRequest): string {
  const holder = request.holder;
  switch (holder.kind) {
    case 'maker':
      return holder.person.displayName;
    case 'co-owners':
      return holder.claimedBy?.displayName ?? `Co-owners: ${holder.people.map((p) => p.displayName).join(', ')}`;
    case 'help-desk':
      return 'The help desk';
    case 'dedicated-team':
      return 'The Power Platform team';
  }
}

function confirmationData(request: SupportRequest): object {
  return {
    reference: request.ticketNumber ? `${request.reference} (ticket ${request.ticketNumber})` : request.reference,
    title: request.details.title,
    holder: holderLabel(request),
    severity: request.severity,
    explanation: request.explanation,
    chatLink: request.chatLink ?? '',
  };
}

const STATUS_LABELS: Record<SupportRequest['status'], string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  claimed: 'Claimed',
  resolved: 'Resolved',
  withdrawn: 'Withdrawn',
};

/** `tickets`: the help desk ticket (number, status label) of requests that opened one, by request id. */
export function myRequestsCard(requests: readonly SupportRequest[], tickets: ReadonlyMap<string, { number: string; status: string }> = new Map()): CardSpec {
  return {
    name: 'my-requests',
    data: {
      requests: requests.map((r) => ({
        reference: tickets.get(r.id)?.number ?? r.ticketNumber ?? r.reference,
        title: r.details.title,
        status: tickets.get(r.id)?.status ?? STATUS_LABELS[r.status],
        holder: holderLabel(r),
        severity: r.severity,
        submitted: r.createdAt.slice(0, 10),
      })),
    },
  };
}
