/**
 * What a report needs to know about one change, and nothing more: no text people typed, only the
 * dimensions a report groups by and the facts it counts. Storage writes one feed entry in the same
 * transaction as the change (so a change is counted if and only if it happened); the report
 * aggregator (services/reports/) folds the entries of a shard into per-day counters and deletes
 * them, in one transaction, so each entry is counted once.
 */
import type { HistoryActor, PersonRef, RequestHistoryEvent, TicketHistoryEvent } from '../history';
import type { SupportRequest } from '../intake/support-request';
import type { RequestCategory } from '../request-category';
import type { RouteKind } from '../route-shapes';
import type { Severity } from '../severity';
import type { Tier } from '../solution';
import type { Ticket } from '../tickets/ticket';
import type { TicketStatus } from '../ticket-status';

/** The groups a report splits counts by. */
export interface FeedDimensions {
  readonly tier: Tier | 'none';
  readonly category: RequestCategory;
  readonly severity: Severity;
  readonly solutionId?: string;
  readonly solutionName?: string;
}

/** One counted fact, at an instant. `person` for the maker or co-owner it credits. */
export type FeedFact =
  | { readonly fact: 'request-submitted'; readonly at: string; readonly route: RouteKind }
  | {
      readonly fact: 'request-answered';
      readonly at: string;
      readonly role: 'maker' | 'co-owners';
      readonly waitedMs: number;
      readonly person?: string;
      readonly name?: string;
    }
  | {
      readonly fact: 'request-resolved';
      readonly at: string;
      readonly person?: string;
      readonly name?: string;
      readonly role?: 'maker' | 'co-owners';
    }
  /** `timedOut`: the holder's timer ran out (the maker did not acknowledge, or no co-owner claimed). */
  | { readonly fact: 'request-handed-on'; readonly at: string; readonly to: string; readonly timedOut?: 'maker' | 'co-owners' }
  | { readonly fact: 'ticket-opened'; readonly at: string; readonly queue: string }
  | {
      readonly fact: 'sla';
      readonly at: string;
      readonly clock: 'first-response' | 'resolution';
      readonly met: boolean;
      readonly queue: string;
    }
  | { readonly fact: 'ticket-resolved'; readonly at: string }
  | { readonly fact: 'ticket-reopened'; readonly at: string }
  | { readonly fact: 'ticket-escalated'; readonly at: string; readonly path: string }
  /** The ticket left (-1) or joined (+1) the open backlog; `openedAt` dates its age. */
  | { readonly fact: 'backlog'; readonly at: string; readonly openedAt: string; readonly delta: 1 | -1 }
  | { readonly fact: 'article-answered'; readonly at: string };

export interface FeedEntry {
  readonly dims?: FeedDimensions;
  readonly facts: readonly FeedFact[];
}

const DEFAULT_QUEUE = 'help-desk';
const CLOSED: ReadonlySet<TicketStatus> = new Set<TicketStatus>(['resolved', 'closed']);

function dimsOf(x: Pick<SupportRequest, 'category' | 'severity' | 'solution'>): FeedDimensions {
  return {
    tier: x.solution?.tier ?? 'none',
    category: x.category,
    severity: x.severity,
    ...(x.solution ? { solutionId: x.solution.id, solutionName: x.solution.name } : {}),
  };
}

const personOf = (actor: HistoryActor): PersonRef | undefined =>
  actor.kind === 'user' ? { aadObjectId: actor.aadObjectId, displayName: actor.displayName } : undefined;

/** The facts of a request change: `before` is the request as stored (undefined when it is created). */
export function requestFeed(before: SupportRequest | undefined, next: SupportRequest, events: readonly RequestHistoryEvent[]): FeedEntry {
  const facts: FeedFact[] = [];
  const answeredBefore = before !== undefined && before.status !== 'open';
  for (const e of events) {
    switch (e.type) {
      case 'submitted':
        facts.push({ fact: 'request-submitted', at: e.at, route: next.routeKind });
        break;
      case 'acknowledged':
      case 'claimed':
        if (!answeredBefore && !facts.some((f) => f.fact === 'request-answered')) {
          const person = e.type === 'claimed' ? e.by : personOf(e.actor);
          facts.push({
            fact: 'request-answered',
            at: e.at,
            role: e.type === 'claimed' ? 'co-owners' : 'maker',
            waitedMs: Math.max(0, Date.parse(e.at) - Date.parse(next.createdAt)),
            ...(person ? { person: person.aadObjectId, name: person.displayName } : {}),
          });
        }
        break;
      case 'resolved': {
        const person = personOf(e.actor);
        const role = next.holder.kind === 'maker' || next.holder.kind === 'co-owners' ? next.holder.kind : undefined;
        facts.push({
          fact: 'request-resolved',
          at: e.at,
          ...(person && role ? { person: person.aadObjectId, name: person.displayName, role } : {}),
        });
        break;
      }
      case 'handed-on': {
        // Only the request timers hand on as the SLA scheduler (request-handling-service.ts fireTimer).
        const timer = e.actor.kind === 'system' && e.actor.component === 'sla-scheduler';
        const held = before?.holder.kind;
        const timedOut = timer && (held === 'maker' || held === 'co-owners') ? held : undefined;
        facts.push({ fact: 'request-handed-on', at: e.at, to: e.to, ...(timedOut ? { timedOut } : {}) });
        break;
      }
      // Not fixed a second time: on to the help desk, counted as a hand-on like the holder's own.
      case 'not-fixed':
        if (e.to === 'help-desk') facts.push({ fact: 'request-handed-on', at: e.at, to: e.to });
        break;
      default:
        break;
    }
  }
  return { dims: dimsOf(next), facts };
}

/** The facts of a ticket change: `before` is the ticket as stored (undefined when it is opened). */
export function ticketFeed(before: Ticket | undefined, next: Ticket, events: readonly TicketHistoryEvent[]): FeedEntry {
  const facts: FeedFact[] = [];
  const queue = next.queue ?? DEFAULT_QUEUE;
  const at = events[0]?.at ?? next.updatedAt;
  if (before === undefined) facts.push({ fact: 'ticket-opened', at: next.createdAt, queue });
  for (const clock of ['first-response', 'resolution'] as const) {
    const was = before?.sla[clock].metAt;
    const now = next.sla[clock].metAt;
    if (was === undefined && now !== undefined) facts.push({ fact: 'sla', at: now, clock, met: !next.sla[clock].breached, queue });
  }
  for (const e of events) {
    if (e.type === 'resolved') facts.push({ fact: 'ticket-resolved', at: e.at });
    else if (e.type === 'reopened') facts.push({ fact: 'ticket-reopened', at: e.at });
    else if (e.type === 'escalated')
      facts.push({ fact: 'ticket-escalated', at: e.at, path: `${e.fromQueue ?? queue}>${e.target}:${e.trigger}` });
    else if (e.type === 'returned-to-help-desk') facts.push({ fact: 'ticket-escalated', at: e.at, path: `${queue}>returned` });
  }
  const wasOpen = before !== undefined && !CLOSED.has(before.status);
  const isOpen = !CLOSED.has(next.status);
  if (wasOpen !== isOpen) facts.push({ fact: 'backlog', at, openedAt: next.createdAt, delta: isOpen ? 1 : -1 });
  return { dims: dimsOf(next), facts };
}

/** A question answered by a knowledge article before any request was made (the knowledge base counts it). */
export function articleFeed(at: Date): FeedEntry {
  return { facts: [{ fact: 'article-answered', at: at.toISOString() }] };
}
