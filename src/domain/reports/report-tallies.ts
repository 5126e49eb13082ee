/**
 * Feed entries folded into counters: one flat map of counts per UTC day (and one for the open
 * backlog, by the day each open ticket was opened). Keys are `metric|dimension…|value`, the free-form
 * value (a solution id, a queue, a person) always last, so a key splits without ambiguity. Counts only
 * ever add, so any split of the feed into batches, in any order, sums to the same counters.
 */
import type { FeedEntry, FeedFact } from './report-feed';

export type Counts = Record<string, number>;

/** Per-day counts and the labels met on that day: `sol|{id}` → solution name, `person|{aad}` → display name. */
export interface DayCounts {
  readonly counts: Counts;
  readonly labels: Record<string, string>;
}

export interface Tallies {
  /** By UTC day, `YYYY-MM-DD`. */
  readonly days: Map<string, DayCounts>;
  /** Open-backlog changes by the UTC day the ticket was opened. */
  readonly backlog: Counts;
}

/** Maker and co-owner response times are also counted in these buckets (upper bounds, hours). */
export const RESPONSE_BUCKET_HOURS = [1, 4, 24, 72] as const;

export const dayOf = (iso: string): string => new Date(Date.parse(iso)).toISOString().slice(0, 10);

export function bucketOf(ms: number): string {
  const hours = ms / 3_600_000;
  const i = RESPONSE_BUCKET_HOURS.findIndex((h) => hours < h);
  return i === -1 ? `${RESPONSE_BUCKET_HOURS[RESPONSE_BUCKET_HOURS.length - 1]}+` : `<${RESPONSE_BUCKET_HOURS[i]}`;
}

export function add(counts: Counts, key: string, by = 1): void {
  const next = (counts[key] ?? 0) + by;
  if (next === 0) delete counts[key];
  else counts[key] = next;
}

export function addAll(into: Counts, from: Readonly<Counts>): Counts {
  for (const [key, value] of Object.entries(from)) add(into, key, value);
  return into;
}

export function emptyTallies(): Tallies {
  return { days: new Map(), backlog: {} };
}

function dayCounts(tallies: Tallies, at: string): DayCounts {
  const day = dayOf(at);
  let found = tallies.days.get(day);
  if (!found) tallies.days.set(day, (found = { counts: {}, labels: {} }));
  return found;
}

/** Adds one entry's facts to `tallies` (and returns it). */
export function tally(entry: FeedEntry, tallies: Tallies = emptyTallies()): Tallies {
  for (const fact of entry.facts) {
    if (fact.fact === 'backlog') {
      add(tallies.backlog, dayOf(fact.openedAt), fact.delta);
      continue;
    }
    const day = dayCounts(tallies, fact.at);
    for (const key of keysOf(entry, fact)) add(day.counts, key.key, key.by ?? 1);
    const d = entry.dims;
    if (d?.solutionId && d.solutionName && (fact.fact === 'request-submitted' || fact.fact === 'ticket-opened')) {
      day.labels[`sol|${d.solutionId}`] = d.solutionName;
    }
    if ((fact.fact === 'request-answered' || fact.fact === 'request-resolved') && fact.person && fact.name) {
      day.labels[`person|${fact.person}`] = fact.name;
    }
  }
  return tallies;
}

function keysOf(entry: FeedEntry, fact: Exclude<FeedFact, { fact: 'backlog' }>): Array<{ key: string; by?: number }> {
  const d = entry.dims;
  const split = (metric: string) =>
    d
      ? [
          { key: metric },
          { key: `${metric}.tier|${d.tier}` },
          { key: `${metric}.cat|${d.category}` },
          { key: `${metric}.sev|${d.severity}` },
          ...(d.solutionId ? [{ key: `${metric}.sol|${d.solutionId}` }] : []),
        ]
      : [{ key: metric }];
  switch (fact.fact) {
    case 'request-submitted':
      return [...split('req'), { key: `req.route|${fact.route}` }];
    case 'request-answered':
      return [
        { key: `resp|${fact.role}|n` },
        { key: `resp|${fact.role}|ms`, by: fact.waitedMs },
        { key: `resp|${fact.role}|b|${bucketOf(fact.waitedMs)}` },
        ...(fact.person ? [{ key: `person|answered|${fact.person}` }, { key: `person|ms|${fact.person}`, by: fact.waitedMs }] : []),
        ...personSolution(fact.person, d),
      ];
    case 'request-resolved':
      return [
        { key: 'req.resolved' },
        ...(fact.person ? [{ key: `person|resolved|${fact.person}` }] : []),
        ...personSolution(fact.person, d),
      ];
    case 'request-handed-on':
      return [
        { key: `esc|request>${fact.to}` },
        // Timeouts per solution: the under-supported job reads `timeout.sol|…` (governance/solution-activity.ts).
        ...(fact.timedOut ? [{ key: `timeout|${fact.timedOut}` }] : []),
        ...(fact.timedOut && d?.solutionId ? [{ key: `timeout.sol|${d.solutionId}` }] : []),
      ];
    case 'ticket-opened':
      return [...split('tkt'), { key: `tkt.queue|${fact.queue}` }];
    case 'sla': {
      const sev = d?.severity ?? 'C';
      return [
        { key: `sla|${fact.clock}|${sev}|total|${fact.queue}` },
        ...(fact.met ? [{ key: `sla|${fact.clock}|${sev}|met|${fact.queue}` }] : []),
      ];
    }
    case 'ticket-resolved':
      return [{ key: 'tkt.resolved' }];
    case 'ticket-reopened':
      return [{ key: 'tkt.reopened' }];
    case 'ticket-escalated':
      return [{ key: `esc|${fact.path}` }];
    case 'article-answered':
      return [{ key: 'art' }];
  }
}

/** `person|sol|{aad}|{solutionId}`: the solutions a person answered or resolved requests about (their thank-you card). */
function personSolution(person: string | undefined, d: FeedEntry['dims']): Array<{ key: string }> {
  return person && d?.solutionId ? [{ key: `person|sol|${person}|${d.solutionId}` }] : [];
}

/**
 * Adds `from` into `into`, in place, and returns `into`. A report sums hundreds or thousands of day
 * rows: copying the growing sum for each (mergeDay) made that quadratic. Keys that sum to 0 stay
 * (withoutZeros drops them).
 */
export function accumulate(into: DayCounts, from: DayCounts): DayCounts {
  const counts = into.counts;
  for (const key of Object.keys(from.counts)) counts[key] = (counts[key] ?? 0) + from.counts[key];
  Object.assign(into.labels, from.labels);
  return into;
}

export function withoutZeros(day: DayCounts): DayCounts {
  for (const key of Object.keys(day.counts)) if (day.counts[key] === 0) delete day.counts[key];
  return day;
}

/** Sums tallies (the aggregator folds a batch of entries, then adds the batch to the stored rows). */
export function mergeDay(into: DayCounts, from: DayCounts): DayCounts {
  return { counts: addAll({ ...into.counts }, from.counts), labels: { ...into.labels, ...from.labels } };
}
