/**
 * A request timer (case-partitions.ts): `due|{iso}|{requestId}|{kind}`. A range query up to "now"
 * finds the due ones; firing one deletes it in the request change's transaction.
 */
import type { RequestTimer } from '../../domain/notifications/request-timers';
import { partitionOf } from '../cases/case-partitions';

export const TIMER_ROW = {
  key: (dueAt: string, requestId: string, kind: string) => `due|${dueAt}|${requestId}|${kind}`,
  prefix: 'due|',
  /** Every timer due at or before `now` sorts below this bound. */
  dueBy: (now: Date) => `due|${now.toISOString()}~`,
} as const;

export interface TimerRow {
  partitionKey: string;
  rowKey: string;
  requestId: string;
  kind: string;
  dueAt: string;
}

export function timerEntity(timer: RequestTimer): TimerRow {
  return {
    partitionKey: partitionOf(timer.requestId),
    rowKey: TIMER_ROW.key(timer.dueAt, timer.requestId, timer.kind),
    requestId: timer.requestId,
    kind: timer.kind,
    dueAt: timer.dueAt,
  };
}

export function timerOf(row: TimerRow): RequestTimer {
  return { requestId: row.requestId, kind: row.kind as RequestTimer['kind'], dueAt: row.dueAt };
}
