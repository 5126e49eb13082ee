/**
 * Per-queue settings from the environment: business hours per queue (QUEUE_BUSINESS_HOURS) and the
 * on-call rotas (ON_CALL_ROTA). Queues are `help-desk`, `help-desk:NAME` (as "register help desk for
 * …" names them) or `dedicated-team`.
 */
import type { BusinessHoursCalendar } from '../domain/business-calendar';
import type { OnCallRota } from '../domain/queues/on-call';
import { parseQueueId, type QueueId } from '../domain/queues/queue';
import { validateCalendar } from '../domain/sla';
import type { Problem, Reader } from './env-reader';
import { parseBusinessHoursText } from './business-hours-text';

const MAX_ITEMS = 50;
const MAX_MEMBERS = 52;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface QueueConfig {
  readonly queueBusinessHours: Partial<Record<QueueId, BusinessHoursCalendar>>;
  readonly onCall: OnCallRota[];
}

/** `holidays`: SLA_HOLIDAYS, which every queue's calendar keeps. */
export function readQueueConfig(read: Reader, problem: Problem, holidays: readonly string[] = []): QueueConfig {
  const queueBusinessHours: Partial<Record<QueueId, BusinessHoursCalendar>> = {};
  for (const [queue, value] of items(read, problem, 'QUEUE_BUSINESS_HOURS')) {
    const calendar = parseBusinessHoursText(value, holidays);
    let valid = calendar !== undefined;
    if (calendar)
      try {
        validateCalendar(calendar);
      } catch {
        valid = false;
      }
    if (!valid || !calendar) problem('QUEUE_BUSINESS_HOURS', `${queue}: expected e.g. "Mon-Fri 08:00-16:00 Europe/Paris", got "${value}"`);
    else queueBusinessHours[queue] = calendar;
  }
  const onCall: OnCallRota[] = [];
  for (const [queue, value] of items(read, problem, 'ON_CALL_ROTA')) {
    const match = /^(\d{4}-\d{2}-\d{2}):(.+)$/.exec(value);
    const members = (match?.[2] ?? '').split(',').map((m) => m.trim().toLowerCase());
    if (
      !match ||
      Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`)) ||
      members.length > MAX_MEMBERS ||
      !members.every((m) => GUID.test(m))
    ) {
      problem(
        'ON_CALL_ROTA',
        `${queue}: expected START-DATE:ID,ID,… (YYYY-MM-DD, Entra object ids, at most ${MAX_MEMBERS}), got "${value}"`,
      );
      continue;
    }
    onCall.push({ queue, startDate: match[1], members: members.map((aadObjectId) => ({ aadObjectId, displayName: '' })) });
  }
  return { queueBusinessHours, onCall };
}

/** "QUEUE=VALUE;QUEUE=VALUE": each queue once, known queue ids only. */
function items(read: Reader, problem: Problem, name: 'QUEUE_BUSINESS_HOURS' | 'ON_CALL_ROTA'): Array<[QueueId, string]> {
  const value = read(name);
  if (value === undefined) return [];
  if (value.length > 20_000) return (problem(name, 'is longer than 20000 characters'), []);
  const out: Array<[QueueId, string]> = [];
  for (const item of value
    .split(';')
    .map((i) => i.trim())
    .filter((i) => i !== '')) {
    const at = item.indexOf('=');
    const queue = parseQueueId(item.slice(0, Math.max(0, at)).trim().toLowerCase());
    if (at < 0 || !queue) {
      problem(name, `unknown queue in "${item.slice(0, 80)}": expected help-desk, help-desk:NAME or dedicated-team`);
      continue;
    }
    if (out.some(([q]) => q === queue)) problem(name, `${queue} is given twice`);
    else out.push([queue, item.slice(at + 1).trim()]);
  }
  if (out.length > MAX_ITEMS) problem(name, `has more than ${MAX_ITEMS} queues`);
  return out.slice(0, MAX_ITEMS);
}
