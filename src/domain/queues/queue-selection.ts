/**
 * Which help desk queue a new ticket goes to. A queue may be registered for business units, for
 * request categories, or both; a ticket goes to the most specific queue that matches, else to the
 * default queue. Specificity: a queue matching on both counts before one matching on a business
 * unit only, which counts before one matching on a category only (a business unit's own help desk
 * takes all of that unit's requests); equal candidates go to the queue whose id sorts first, so
 * the choice never depends on the order registrations are read in.
 */
import type { RequestCategory } from '../request-category';
import { DEFAULT_HELP_DESK_QUEUE, type HelpDeskQueueId } from './queue';

export interface HelpDeskQueueScope {
  readonly queue: HelpDeskQueueId;
  /** Business units as the catalog names them (compared without case or surrounding spaces). */
  readonly businessUnits: readonly string[];
  readonly categories: readonly RequestCategory[];
}

export interface QueueSelectionInput {
  readonly category: RequestCategory;
  /** The solution's business unit, else the requester's department, as the caller knows it. */
  readonly businessUnit?: string;
}

const norm = (s: string) => s.trim().toLowerCase();

/** 3: both match, 2: business unit, 1: category, 0: no match. */
function specificity(scope: HelpDeskQueueScope, input: QueueSelectionInput): number {
  const bu = input.businessUnit === undefined ? '' : norm(input.businessUnit);
  const buMatch = bu !== '' && scope.businessUnits.some((b) => norm(b) === bu);
  const categoryMatch = scope.categories.includes(input.category);
  if (scope.businessUnits.length > 0 && !buMatch) return 0;
  if (scope.categories.length > 0 && !categoryMatch) return 0;
  return (buMatch ? 2 : 0) + (categoryMatch ? 1 : 0);
}

export function selectHelpDeskQueue(scopes: readonly HelpDeskQueueScope[], input: QueueSelectionInput): HelpDeskQueueId {
  let best: { queue: HelpDeskQueueId; score: number } | undefined;
  for (const scope of scopes) {
    if (scope.queue === DEFAULT_HELP_DESK_QUEUE) continue;
    const score = specificity(scope, input);
    if (score === 0) continue;
    if (!best || score > best.score || (score === best.score && scope.queue < best.queue)) best = { queue: scope.queue, score };
  }
  return best?.queue ?? DEFAULT_HELP_DESK_QUEUE;
}

export type QueueScopeProblem =
  | { readonly code: 'duplicate-queue'; readonly queue: HelpDeskQueueId }
  | { readonly code: 'no-scope'; readonly queue: HelpDeskQueueId }
  | { readonly code: 'default-has-scope' }
  | { readonly code: 'same-scope'; readonly queue: HelpDeskQueueId; readonly sameAs: HelpDeskQueueId }
  | { readonly code: 'too-many-queues'; readonly max: number };

export const MAX_HELP_DESK_QUEUES = 50;

const key = (scope: HelpDeskQueueScope) =>
  JSON.stringify([[...new Set(scope.businessUnits.map(norm))].sort(), [...new Set(scope.categories)].sort()]);

/**
 * What is wrong with a set of registrations: a named queue must name a business unit or a category
 * (else it would never be chosen), the default queue names none, and two queues with the same scope
 * would make one of them unreachable.
 */
export function queueScopeProblems(scopes: readonly HelpDeskQueueScope[]): QueueScopeProblem[] {
  const problems: QueueScopeProblem[] = [];
  if (scopes.length > MAX_HELP_DESK_QUEUES) problems.push({ code: 'too-many-queues', max: MAX_HELP_DESK_QUEUES });
  const seen = new Set<HelpDeskQueueId>();
  const byScope = new Map<string, HelpDeskQueueId>();
  for (const scope of scopes) {
    if (seen.has(scope.queue)) problems.push({ code: 'duplicate-queue', queue: scope.queue });
    seen.add(scope.queue);
    const empty = scope.businessUnits.every((b) => norm(b) === '') && scope.categories.length === 0;
    if (scope.queue === DEFAULT_HELP_DESK_QUEUE) {
      if (!empty) problems.push({ code: 'default-has-scope' });
      continue;
    }
    if (empty) {
      problems.push({ code: 'no-scope', queue: scope.queue });
      continue;
    }
    const k = key(scope);
    const other = byScope.get(k);
    if (other !== undefined && other !== scope.queue) problems.push({ code: 'same-scope', queue: scope.queue, sameAs: other });
    else byScope.set(k, scope.queue);
  }
  return problems;
}
