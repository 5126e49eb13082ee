/**
 * Where requests live. A request, its history, its index rows, its ticket and the outbox messages it
 * causes all share one partition, so one entity-group transaction writes them together (all or
 * nothing). Requests are spread over SHARD_COUNT partitions by a hash of their id: the outbox worker
 * and "my requests" read SHARD_COUNT small range queries instead of scanning the table. (The help
 * desk's list views are in their own table, one partition per view: tickets/ticket-list-rows.ts.)
 *
 * The row kinds of a shard partition, each owned (key format and codec) by one file:
 *
 *   req|{id}                                   the request              cases/request-rows.ts
 *   hist|{id}|{at}|{seq}                       its history              cases/request-history-rows.ts
 *   idx|requester|{aad}|{inverted time}|{id}   "my requests"            cases/requester-index-rows.ts
 *   act|{activity key}                         an applied activity      cases/activity-rows.ts
 *   out|{messageId}                            a pending message        outbox/pending-rows.ts
 *   sent|{messageId}                           a delivered message      outbox/sent-rows.ts
 *   fail|{messageId}                           a message failed for good  outbox/failed-rows.ts
 *   unsure|{messageId}                         a call that may have landed  outbox/uncertain-rows.ts
 *   due|{iso}|{requestId}|{kind}               a request timer          outbox/timer-rows.ts
 *   flag|{solutionId}|{requestId}              "not my solution"        outbox/flag-rows.ts
 *   flagopen|{inverted time}|{requestId}       open flags, newest first  outbox/flag-rows.ts
 *   tkt|{id}                                   the ticket               tickets/ticket-rows.ts
 *   thist|{id}|{version}|{seq}                 its history              tickets/ticket-history-rows.ts
 *   sla|{fireAt}|{id}                          a ticket's next SLA event  tickets/ticket-index-rows.ts
 *   lix|{id}|{token}                           list rows still to follow  tickets/list-marker-rows.ts
 *   grad|{id}                                  a graduation request     governance/table-graduation-store.ts
 *   under|{ISO week}|{solutionId}              an under-supported notice  governance/table-under-supported-notices.ts
 *   kbnote|{ticketId}                          "added to help desk knowledge"  knowledge/table-knowledge-notices.ts
 *   thanks|{month}|{aad}                       a monthly thank-you card  recognition/table-thanks-records.ts
 *   sugg|{id}, shist|{id}|{at}|{status}        a suggestion and its history  suggestions/table-suggestion-store.ts
 *   feed|{at}|{id}|{change}                    a change a report counts  reports/feed-rows.ts
 *   cnt|{day}, cnt-open                        report counters per day, open backlog  reports/counter-rows.ts
 *
 * Pending rows never share a prefix with delivered or failed ones, so the worker's range query reads
 * only work to do. The `ticket-numbers` partition holds the ticket number counter (tickets/table-ticket-numbers.ts).
 */
export const SHARD_COUNT = 16;

/** FNV-1a: stable across processes and versions (never change it: it decides where data lives). */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % SHARD_COUNT;
}

export function partitionOfShard(shard: number): string {
  return `s${shard.toString().padStart(2, '0')}`;
}

export function partitionOf(requestId: string): string {
  return partitionOfShard(shardOf(requestId));
}

export const ALL_PARTITIONS: readonly string[] = Array.from({ length: SHARD_COUNT }, (_, i) => partitionOfShard(i));

/** Keys sort as strings: an inverted, zero-padded epoch makes newer rows sort first. */
export function invertedTime(iso: string): string {
  return (9_999_999_999_999 - Date.parse(iso)).toString().padStart(13, '0');
}
