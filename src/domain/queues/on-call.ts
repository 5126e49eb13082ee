/**
 * On call: who answers a queue's Sev A tickets outside its business hours. A rota is a list of
 * people taking one week each in turn, from a start date; a week runs from 00:00 on its first day
 * to 00:00 seven days later, local time in the queue's business-hours zone (so a week that crosses
 * a daylight-saving change is 167 or 169 hours long, and the hand-over stays at midnight).
 */
import { isWorkingTime, type BusinessHoursCalendar } from '../business-calendar';
import type { Severity } from '../severity';
import { DAY_MS, localDateOf } from '../time-zone';
import type { QueueId } from './queue';

export interface OnCallMember {
  readonly aadObjectId: string;
  /** As the admin wrote it, for the DM's recipient (may be empty: the id is what counts). */
  readonly displayName: string;
}

export interface OnCallRota {
  readonly queue: QueueId;
  /** The first day of the first week, YYYY-MM-DD, in the queue's zone. */
  readonly startDate: string;
  /** One week each, in this order, then again from the first. */
  readonly members: readonly OnCallMember[];
}

const WEEK_MS = 7 * DAY_MS;

/** The rota's member on call at `now`; none before the rota starts or when it has nobody. */
export function onCallAt(rota: OnCallRota, now: Date, calendar: BusinessHoursCalendar): OnCallMember | undefined {
  if (rota.members.length === 0) return undefined;
  const start = Date.parse(`${rota.startDate}T00:00:00Z`); // a LocalDay: the UTC midnight of that date
  if (Number.isNaN(start)) return undefined;
  const today = localDateOf(now.getTime(), calendar.zone);
  if (today < start) return undefined;
  const week = Math.floor((today - start) / WEEK_MS);
  return rota.members[week % rota.members.length];
}

/** Whether a ticket opened at `now` pages the on-call member: a Sev A outside the queue's business hours. */
export function pagesOnCall(severity: Severity, now: Date, calendar: BusinessHoursCalendar): boolean {
  return severity === 'A' && !isWorkingTime(now, calendar);
}

/** The rota of a queue, if one is configured. */
export function rotaOf(rotas: readonly OnCallRota[], queue: QueueId): OnCallRota | undefined {
  return rotas.find((r) => r.queue === queue);
}
