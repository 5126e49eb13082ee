/**
 * Help desk ticket settings from the environment: SLA targets per severity × tier, the business
 * hours they run on, the requester's reopen window and how often the SLA scheduler looks.
 */
import { DEFAULT_SLA_CONFIG, validateSlaConfig, type SlaConfig } from '../domain/sla';
import { parseSlaTargets, type SlaTargetsProblem } from '../domain/sla-targets-text';
import { DEFAULT_BREACH_POLICY, type BreachPolicy } from '../domain/escalation/breach-policy';
import { parseBreachPolicy, type BreachPolicyProblem } from '../domain/escalation/breach-policy-text';
import { integerReader, Problem, Reader } from './env-reader';
import type { OnCallRota } from '../domain/queues/on-call';
import { readQueueConfig } from './queue-config';
import { parseBusinessHoursText } from './business-hours-text';

export interface TicketConfig {
  readonly sla: SlaConfig;
  /** What a breach does per tier and clock (SLA_BREACH_POLICY). */
  readonly breachPolicy: BreachPolicy;
  readonly reopenWindowMinutes: number;
  readonly slaCheckIntervalMs: number;
  /** On-call rotas per queue (ON_CALL_ROTA): who is paged for a Sev A out of hours. */
  readonly onCall?: readonly OnCallRota[];
}

export function readTicketConfig(read: Reader, problem: Problem): TicketConfig {
  const integer = integerReader(read, problem);
  let sla: SlaConfig = { ...DEFAULT_SLA_CONFIG, businessHours: readBusinessHours(read, problem) ?? DEFAULT_SLA_CONFIG.businessHours };
  const targets = read('SLA_TARGETS');
  if (targets !== undefined) {
    const parsed = parseSlaTargets(targets, sla);
    for (const p of parsed.problems) problem('SLA_TARGETS', targetsProblem(p));
    sla = { ...sla, targets: parsed.targets, ...(parsed.queueTargets ? { queueTargets: parsed.queueTargets } : {}) };
  }
  const queues = readQueueConfig(read, problem, sla.businessHours.holidays ?? []);
  if (Object.keys(queues.queueBusinessHours).length > 0) sla = { ...sla, queueBusinessHours: queues.queueBusinessHours };
  try {
    validateSlaConfig(sla);
  } catch (error) {
    problem('SLA_TARGETS', (error as Error).message);
    sla = DEFAULT_SLA_CONFIG;
  }
  let breachPolicy = DEFAULT_BREACH_POLICY;
  const policyText = read('SLA_BREACH_POLICY');
  if (policyText !== undefined) {
    const parsed = parseBreachPolicy(policyText);
    for (const p of parsed.problems) problem('SLA_BREACH_POLICY', breachPolicyProblem(p));
    breachPolicy = parsed.policy;
  }
  return {
    sla,
    breachPolicy,
    reopenWindowMinutes: integer('TICKET_REOPEN_DAYS', 7, 1, 90) * 24 * 60,
    slaCheckIntervalMs: integer('SLA_CHECK_SECONDS', 30, 5, 3600) * 1000,
    onCall: queues.onCall,
  };
}

/** "Mon-Fri 09:00-17:00 Europe/Paris", "Sun-Thu 08:00-16:00 +03:00", plus SLA_HOLIDAYS. */
function readBusinessHours(read: Reader, problem: Problem): SlaConfig['businessHours'] | undefined {
  const holidaysText = read('SLA_HOLIDAYS');
  const holidays =
    holidaysText
      ?.split(',')
      .map((d) => d.trim())
      .filter(Boolean) ?? [];
  const badHoliday = holidays.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d));
  if (badHoliday) problem('SLA_HOLIDAYS', `expected comma-separated dates YYYY-MM-DD, got "${badHoliday}"`);
  const text = read('SLA_BUSINESS_HOURS');
  const base = DEFAULT_SLA_CONFIG.businessHours;
  if (text === undefined) return holidays.length > 0 && !badHoliday ? { ...base, holidays } : undefined;
  const parsed = parseBusinessHoursText(text, holidays.length > 0 && !badHoliday ? holidays : []);
  if (!parsed) problem('SLA_BUSINESS_HOURS', `expected e.g. "Mon-Fri 09:00-17:00 Europe/London" (or "+02:00" / "UTC"), got "${text}"`);
  return parsed;
}

function targetsProblem(p: SlaTargetsProblem): string {
  switch (p.code) {
    case 'too-long':
      return `is longer than ${p.max} characters`;
    case 'too-many-items':
      return `has more than ${p.max} items`;
    case 'unknown-queue':
      return `unknown queue in "${p.item}": expected help-desk, help-desk:NAME or dedicated-team`;
    case 'bad-item':
    case 'unknown-tier':
      return `expected items like "A=30/240", "B/Critical=120/960@24x7" or "dedicated-team/A=15/240" separated by ";", got "${p.item}"`;
  }
}

function breachPolicyProblem(p: BreachPolicyProblem): string {
  switch (p.code) {
    case 'too-long':
      return `is longer than ${p.max} characters`;
    case 'too-many-items':
      return `has more than ${p.max} items`;
    case 'unknown-tier':
      return `unknown tier in "${p.item}": expected Critical, Important, Productivity or none`;
    case 'unknown-clock':
      return `unknown clock in "${p.item}": expected first-response or resolution`;
    case 'unknown-action':
      return `unknown action in "${p.item}": expected escalate, notify-lead or alert`;
    case 'bad-item':
      return `expected items like "Critical=escalate" or "Important/resolution=notify-lead" separated by ";", got "${p.item}"`;
  }
}
