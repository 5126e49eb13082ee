/**
 * The intake use case: a requester walks the questionnaire, one card action at a time, and submits.
 * Every step loads the draft from storage and saves it with its ETag, so any instance can serve any
 * step and a bot restart loses nothing. Submitting is idempotent on the intake's id.
 */
import { randomUUID } from 'node:crypto';
import { uuidOfActivity, withRecentActivity, type ActivityRef } from '../../domain/activity-ref';
import { requestEvent, type PersonRef, type RequestHistoryEvent } from '../../domain/history';
import {
  back,
  cancel,
  chooseCategory,
  chooseSolution,
  isDisposable,
  isExpired,
  markSubmitted,
  newIntake,
  searchSolutions,
  setDetails,
  type IntakeDraft,
} from '../../domain/intake/intake-draft';
import { validateCategory, validateDetails, validateSearchQuery } from '../../domain/intake/intake-validation';
import { holderFor, referenceFor, snapshotOf, type SupportRequest } from '../../domain/intake/support-request';
import { explainRoute } from '../../domain/route-explanation';
import { text, type Text } from '../../domain/text';
import { everyoneReachable, routeRequest, type Route } from '../../domain/routing';
import type { Solution } from '../../domain/solution';
import { DEFAULT_SLA_CONFIG, type SlaConfig } from '../../domain/sla';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { Clock } from '../../domain/ports/clock';
import type { TicketNumberAllocator } from '../../domain/ports/tickets';
import type { IntakeRepository, StoredIntake } from '../../domain/ports/intake';
import type { RequestRepository } from '../../domain/ports/requests';
import type { SolutionLookup } from '../../domain/ports/catalog';
import { planRoute } from '../notifications/route-messages';
import { openTicketFor } from '../tickets/ticket-opening';
import type { IntakeAction, IntakeView } from '../../domain/intake/intake-view';
import type { SubmissionLimit } from './submission-limit';

export interface IntakeServiceDeps {
  readonly intakes: IntakeRepository;
  readonly requests: RequestRepository;
  readonly catalog: SolutionLookup;
  readonly clock: Clock;
  readonly newId?: () => string;
  /** Help desk tickets: requests routed to the help desk open one, numbered just before creation. */
  readonly tickets: { readonly numbers: Pick<TicketNumberAllocator, 'allocate'>; readonly sla?: SlaConfig };
  /**
   * Open major incidents (issue 13): a report an open incident covers is linked to it and the
   * requester told it is known, instead of being routed (no duplicate ticket). None: always routed.
   */
  readonly incidents?: { linkReport(request: SupportRequest, now: Date): Promise<{ readonly incident: { readonly id: string }; readonly explanation: Text } | undefined> };
  /** Requests per person per hour; checked at Submit before anything is written. None: no limit. */
  readonly submissions?: SubmissionLimit;
  /**
   * Finds the object ids of the solution's people the catalog knows by email only, before routing
   * picks whom to message (the catalog service, over Microsoft Graph). None: they count as unreachable.
   */
  readonly people?: PeopleResolution;
}

/** The port the intake calls before routing (see CatalogService.withKnownPeople). */
export interface PeopleResolution {
  withKnownPeople(solution: Solution): Promise<Solution>;
}

const SEARCH_RESULTS = 8;

export class IntakeService {
  private readonly newId: () => string;

  constructor(private readonly deps: IntakeServiceDeps) {
    this.newId = deps.newId ?? randomUUID;
  }

  /**
   * Starts a fresh questionnaire ("new request" always starts over; older drafts simply expire). The
   * draft's id is derived from the activity that asked, so a redelivery of it finds the draft the first
   * delivery created (and shows it as it is now) instead of starting another.
   */
  async start(requester: PersonRef, activity?: ActivityRef): Promise<IntakeView> {
    const now = this.deps.clock.now();
    // Tidy the requester's own partition first: abandoned and long-finished drafts go.
    await this.deps.intakes.prune(requester.aadObjectId, (draft) => isDisposable(draft, now));
    const id = activity ? uuidOfActivity(activity) : this.newId();
    try {
      return this.viewOf((await this.deps.intakes.create(newIntake(id, requester, now))).draft);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      const existing = await this.deps.intakes.get(requester.aadObjectId, id);
      if (existing === undefined) throw error;
      return this.viewOf(existing.draft);
    }
  }

  /**
   * Applies one card action to the caller's own draft and returns what to show next. The draft keeps
   * the keys of its last few activities (saved with it, under its ETag): a redelivered action (Back
   * pressed once, delivered twice) shows the draft as it is instead of applying again.
   */
  async act(actor: PersonRef, intakeId: string, action: IntakeAction, activity?: ActivityRef): Promise<IntakeView> {
    const stored = await this.deps.intakes.get(actor.aadObjectId, intakeId);
    if (stored === undefined) return { kind: 'not-found' };
    const { draft } = stored;
    if (draft.state === 'cancelled') return { kind: 'cancelled' };
    if (draft.state === 'submitted') return this.submittedView(draft);
    if (isExpired(draft, this.deps.clock.now())) return { kind: 'expired' };
    if (activity && draft.recentActivities?.includes(activity.key)) return this.viewOf(draft);
    if (action.type === 'submit') return this.submit(stored);
    return this.step({ ...stored, draft: { ...draft, recentActivities: withRecentActivity(draft.recentActivities, activity) } }, action);
  }

  /** The requester's requests, newest first. */
  async myRequests(actor: PersonRef, limit = 10): Promise<SupportRequest[]> {
    return this.deps.requests.listByRequester(actor.aadObjectId, limit);
  }

  private async step(stored: StoredIntake, action: Exclude<IntakeAction, { type: 'submit' }>): Promise<IntakeView> {
    const now = this.deps.clock.now();
    const draft = stored.draft;
    switch (action.type) {
      case 'back':
        return this.save(stored, back(draft, now));
      case 'cancel':
        await this.saveDraft(stored, cancel(draft, now));
        return { kind: 'cancelled' };
      case 'choose-need': {
        const category = validateCategory(action.category);
        if (!category.ok) return { kind: 'need', draft, errors: category.errors };
        return this.save(stored, chooseCategory(draft, category.value, now));
      }
      case 'search': {
        const query = validateSearchQuery(action.query);
        if (!query.ok) return { kind: 'solution', draft, matches: [], errors: query.errors };
        return this.save(stored, searchSolutions(draft, query.value, now));
      }
      case 'choose-solution': {
        const picked = await this.pickSolution(action.solutionId);
        if (picked === 'invalid') {
          const matches = draft.searchQuery ? await this.deps.catalog.search(draft.searchQuery, SEARCH_RESULTS) : [];
          return { kind: 'solution', draft, matches, errors: { solution: text('messages.intake.errors.solution') } };
        }
        return this.save(stored, chooseSolution(draft, picked, now));
      }
      case 'set-details': {
        // The need comes first (the route depends on it): details on a draft without one (a forged
        // card) show the draft as it is, instead of a review that cannot be routed.
        if (draft.category === undefined) return this.viewOf(draft);
        const details = validateDetails(action.fields);
        if (!details.ok) {
          const solution = await this.solutionOf(draft);
          return { kind: 'details', draft, solution, errors: details.errors, entered: enteredText(action.fields) };
        }
        return this.save(stored, setDetails(draft, details.value, now));
      }
    }
  }

  /** `null` = "It's not listed"; 'invalid' when the id is not a catalog solution. */
  private async pickSolution(value: unknown): Promise<string | null | 'invalid'> {
    if (value === 'not-listed') return null;
    if (typeof value !== 'string' || value.length === 0 || value.length > 200) return 'invalid';
    return (await this.deps.catalog.get(value)) ? value : 'invalid';
  }

  private async submit(stored: StoredIntake): Promise<IntakeView> {
    const draft = stored.draft;
    if (draft.step !== 'review' || draft.category === undefined || draft.details === undefined) return this.viewOf(draft);
    const now = this.deps.clock.now();
    const limit = this.deps.submissions;
    const reservation = limit ? await limit.reserve(draft.requester.aadObjectId, draft.id, now) : { allowed: true as const };
    if (!reservation.allowed) {
      const view = await this.viewOf(draft);
      if (view.kind !== 'review') return view;
      const minutesLeft = Math.max(1, Math.ceil((reservation.retryAt.getTime() - now.getTime()) / 60_000));
      return { ...view, limited: { retryAt: reservation.retryAt.toISOString(), minutesLeft, perHour: limit!.policy.perWindow } };
    }
    const solution = await this.routableSolutionOf(draft);
    const route = this.routeOf(draft, solution);
    let request = buildRequest(draft, solution, route, now);
    const actor = { kind: 'user' as const, role: 'requester' as const, ...draft.requester };
    const history: RequestHistoryEvent[] = [
      requestEvent('submitted', actor, now, { category: request.category, severity: request.severity, solutionId: solution?.id }),
      requestEvent('routed', { kind: 'system', component: 'router' }, now, { routeKind: route.kind, reason: route.reason, skipped: route.skipped }),
    ];
    const known = await this.deps.incidents?.linkReport(request, now);
    if (known) return this.linkedToIncident(stored, request, history, known, now);
    // Idempotent: a redelivered Submit gets the same number back (allocation is keyed by the request id).
    const number = route.kind === 'help-desk' ? await this.deps.tickets.numbers.allocate(request.id) : undefined;
    if (number) {
      request = { ...request, ticketNumber: number };
      history.push(requestEvent('ticket-opened', { kind: 'system', component: 'intake' }, now, { ticketNumber: number }));
    }
    const opened = number ? openTicketFor(request, number, this.deps.tickets.sla ?? DEFAULT_SLA_CONFIG, now) : undefined;
    try {
      // The help desk route posts the ticket card (and hands Sev A Critical ones on) instead of a plain notice.
      await this.deps.requests.create(request, history, opened ? opened.outbox : planRoute(request, route), opened);
    } catch (error) {
      // A redelivered or double-clicked Submit: the first one created it; show that one.
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
    try {
      await this.deps.intakes.update(stored, markSubmitted(draft, request.id, now));
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
    return this.submittedView({ ...draft, requestId: request.id });
  }

  /** A known incident's report: stored with its link and what the requester is told; nobody else is notified. */
  private async linkedToIncident(stored: StoredIntake, request: SupportRequest, history: RequestHistoryEvent[], known: { incident: { id: string }; explanation: Text }, now: Date): Promise<IntakeView> {
    const linked = { ...request, explanation: known.explanation };
    const events = [...history, requestEvent('linked-to-incident', { kind: 'system', component: 'intake' }, now, { incidentId: known.incident.id, automatic: true })];
    try {
      await this.deps.requests.create(linked, events, []);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
    try {
      await this.deps.intakes.update(stored, markSubmitted(stored.draft, request.id, now));
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
    return this.submittedView({ ...stored.draft, requestId: request.id });
  }

  private async submittedView(draft: IntakeDraft): Promise<IntakeView> {
    const stored = draft.requestId ? await this.deps.requests.get(draft.requestId) : undefined;
    if (stored === undefined) return { kind: 'not-found' };
    return { kind: 'submitted', request: stored.request };
  }

  private async save(stored: StoredIntake, next: IntakeDraft): Promise<IntakeView> {
    return this.viewOf(await this.saveDraft(stored, next));
  }

  /** Saves with the ETag; if a concurrent action (a double click) won, show its result instead. */
  private async saveDraft(stored: StoredIntake, next: IntakeDraft): Promise<IntakeDraft> {
    try {
      return (await this.deps.intakes.update(stored, next)).draft;
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      const current = await this.deps.intakes.get(next.requester.aadObjectId, next.id);
      return current?.draft ?? next;
    }
  }

  private async viewOf(draft: IntakeDraft): Promise<IntakeView> {
    if (draft.state === 'cancelled') return { kind: 'cancelled' };
    if (draft.state === 'submitted') return this.submittedView(draft);
    switch (draft.step) {
      case 'need':
        return { kind: 'need', draft };
      case 'solution': {
        const matches = draft.searchQuery ? await this.deps.catalog.search(draft.searchQuery, SEARCH_RESULTS) : [];
        return { kind: 'solution', draft, matches };
      }
      case 'details':
        return { kind: 'details', draft, solution: await this.solutionOf(draft) };
      case 'review': {
        const solution = await this.routableSolutionOf(draft);
        const route = this.routeOf(draft, solution);
        return { kind: 'review', draft, solution, route, explanation: explainRoute(route) };
      }
    }
  }

  private async solutionOf(draft: IntakeDraft): Promise<Solution | undefined> {
    return draft.solutionId ? this.deps.catalog.get(draft.solutionId) : undefined;
  }

  /** The solution with its people looked up if needed; a directory that fails leaves them unreachable. */
  private async routableSolutionOf(draft: IntakeDraft): Promise<Solution | undefined> {
    const solution = await this.solutionOf(draft);
    if (!solution || !this.deps.people) return solution;
    try {
      return await this.deps.people.withKnownPeople(solution);
    } catch {
      // Saving what was learnt failed (storage): route with what the catalog had.
      return solution;
    }
  }

  private routeOf(draft: IntakeDraft, solution: Solution | undefined): Route {
    if (draft.category === undefined || draft.details === undefined) throw new Error(`intake ${draft.id} is not complete`);
    return routeRequest({
      category: draft.category,
      impact: draft.details.impact,
      urgency: draft.details.urgency,
      solution,
      reachability: everyoneReachable(solution),
      requesterId: draft.requester.aadObjectId,
    });
  }
}

function buildRequest(draft: IntakeDraft, solution: Solution | undefined, route: Route, now: Date): SupportRequest {
  const at = now.toISOString();
  return {
    id: draft.id,
    reference: referenceFor(draft.id),
    requester: draft.requester,
    category: route.category,
    solution: solution ? snapshotOf(solution) : undefined,
    notInCatalog: route.kind === 'help-desk' || route.kind === 'dedicated-team' ? route.notInCatalog : false,
    details: draft.details!,
    severity: route.severity,
    routeKind: route.kind,
    routeReason: route.reason,
    handToDedicatedTeam: route.kind === 'help-desk' && route.handToDedicatedTeam,
    holder: holderFor(route),
    explanation: explainRoute(route),
    chatLink: route.kind === 'maker' ? route.chatLink : undefined,
    status: 'open',
    createdAt: at,
    updatedAt: at,
  };
}

/** What the user typed, echoed back on a card with errors so nothing is lost. */
function enteredText(fields: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['title', 'description', 'since', 'impact', 'urgency']) {
    const value = fields[key];
    if (typeof value === 'string') out[key] = value.slice(0, 4000);
  }
  return out;
}
