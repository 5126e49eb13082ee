/**
 * SLA targets (first response, resolution) per severity × tier, the calendar each runs on, and the
 * warning / breach thresholds the scheduler acts on. Working-time arithmetic is in business-calendar.
 */
import {
  ALWAYS_OPEN,
  businessHours,
  dueAt,
  elapsedShare,
  shareReachedAt,
  validateCalendar,
  type BusinessHoursCalendar,
  type SlaCalendar,
} from './business-calendar';
import { InvalidSlaConfigError } from './errors';
import { isQueueId, type QueueId } from './queues/queue';
import { SEVERITIES, type Severity } from './severity';
import { TIERS, type Tier } from './solution';

export {
  ALWAYS_OPEN,
  businessHours,
  dueAt,
  elapsedShare,
  isWorkingTime,
  shareReachedAt,
  validateCalendar,
  workingMinutesBetween,
} from './business-calendar';
export type { AlwaysOpenCalendar, BusinessHoursCalendar, SlaCalendar, TimeZoneSpec } from './business-calendar';

/** Tickets with no catalog solution (questions, unknown solutions) use the 'none' column. */
export const SLA_TIER_KEYS = [...TIERS, 'none'] as const;
export type SlaTierKey = (typeof SLA_TIER_KEYS)[number];

export const SLA_KINDS = ['first-response', 'resolution'] as const;
export type SlaKind = (typeof SLA_KINDS)[number];

export interface SlaTarget {
  readonly firstResponseMinutes: number;
  readonly resolutionMinutes: number;
  /** Whether the clock runs around the clock or only in the configured business hours. */
  readonly clock: '24x7' | 'business-hours';
}

export type SlaTargets = Readonly<Record<Severity, Readonly<Record<SlaTierKey, SlaTarget>>>>;
/** A queue's own targets for some severities and tiers; the rest come from the general targets. */
export type SlaTargetOverrides = Readonly<Partial<Record<Severity, Readonly<Partial<Record<SlaTierKey, SlaTarget>>>>>>;

export interface SlaConfig {
  readonly businessHours: BusinessHoursCalendar;
  readonly targets: SlaTargets;
  /** Targets per queue (the dedicated team's, a business unit's help desk); absent = the general ones. */
  readonly queueTargets?: Readonly<Partial<Record<QueueId, SlaTargetOverrides>>>;
  /** Business hours per queue (QUEUE_BUSINESS_HOURS); absent = `businessHours` (queues/queue-hours.ts). */
  readonly queueBusinessHours?: Readonly<Partial<Record<QueueId, BusinessHoursCalendar>>>;
  /** Share of a target after which the channel is warned (the 75%). */
  readonly warningShare: number;
}

const H = 60;
const DAY = 8 * H; // one business day of the default 9–17 calendar

function row(clock: SlaTarget['clock'], firstResponseMinutes: number, resolution: Record<SlaTierKey, number>) {
  const targets = {} as Record<SlaTierKey, SlaTarget>;
  for (const tier of SLA_TIER_KEYS) targets[tier] = { firstResponseMinutes, resolutionMinutes: resolution[tier], clock };
  return targets;
}

/**
 * Defaults after the Managed Desktop severity model (A: < 1 h, 24×7; B: < 4 h; C: < 8 h, business
 * hours); resolution targets are tighter for more critical tiers.
 */
export const DEFAULT_SLA_CONFIG: SlaConfig = {
  businessHours: businessHours(),
  targets: {
    A: row('24x7', 1 * H, { Critical: 8 * H, Important: 16 * H, Productivity: 24 * H, none: 16 * H }),
    B: row('business-hours', 4 * H, { Critical: 2 * DAY, Important: 3 * DAY, Productivity: 5 * DAY, none: 3 * DAY }),
    C: row('business-hours', 8 * H, { Critical: 5 * DAY, Important: 5 * DAY, Productivity: 10 * DAY, none: 5 * DAY }),
  },
  warningShare: 0.75,
};

export function validateSlaConfig(config: SlaConfig): void {
  try {
    validateCalendar(config.businessHours);
  } catch (e) {
    throw new InvalidSlaConfigError(`business hours: ${(e as Error).message}`);
  }
  if (!(config.warningShare > 0 && config.warningShare < 1)) {
    throw new InvalidSlaConfigError(`warning share ${config.warningShare} must be between 0 and 1`);
  }
  for (const severity of SEVERITIES) {
    for (const tier of SLA_TIER_KEYS) {
      const t = config.targets[severity]?.[tier];
      const where = `Sev ${severity} × ${tier}`;
      if (!t) throw new InvalidSlaConfigError(`${where} has no target`);
      validateTarget(t, where);
    }
  }
  for (const [queue, overrides] of Object.entries(config.queueTargets ?? {})) {
    if (!isQueueId(queue)) throw new InvalidSlaConfigError(`unknown queue ${JSON.stringify(queue)}`);
    for (const [severity, row] of Object.entries(overrides ?? {})) {
      if (!(SEVERITIES as readonly string[]).includes(severity))
        throw new InvalidSlaConfigError(`${queue}: unknown severity ${JSON.stringify(severity)}`);
      for (const [tier, t] of Object.entries(row ?? {})) {
        if (!(SLA_TIER_KEYS as readonly string[]).includes(tier))
          throw new InvalidSlaConfigError(`${queue}: unknown tier ${JSON.stringify(tier)}`);
        if (t !== undefined) validateTarget(t, `${queue} Sev ${severity} × ${tier}`);
      }
    }
  }
}

function validateTarget(t: SlaTarget, where: string): void {
  for (const m of [t.firstResponseMinutes, t.resolutionMinutes]) {
    if (!Number.isInteger(m) || m <= 0) throw new InvalidSlaConfigError(`${where}: ${m} is not a positive number of minutes`);
  }
  if (t.firstResponseMinutes > t.resolutionMinutes) {
    throw new InvalidSlaConfigError(`${where}: first response is after resolution`);
  }
  if (t.clock !== '24x7' && t.clock !== 'business-hours') throw new InvalidSlaConfigError(`${where}: unknown clock`);
}

/** The target for a severity and tier in a queue: the queue's own if it has one, else the general one. */
export function slaTargetFor(config: SlaConfig, severity: Severity, tier: Tier | undefined, queue?: QueueId): SlaTarget {
  const key = tier ?? 'none';
  const own = queue === undefined ? undefined : config.queueTargets?.[queue]?.[severity]?.[key];
  return own ?? config.targets[severity][key];
}

export function calendarFor(config: SlaConfig, target: SlaTarget, queue?: QueueId): SlaCalendar {
  return target.clock === '24x7'
    ? ALWAYS_OPEN
    : ((queue !== undefined ? config.queueBusinessHours?.[queue] : undefined) ?? config.businessHours);
}

export interface SlaDueTimes {
  readonly firstResponseDueAt: Date;
  readonly resolutionDueAt: Date;
  readonly calendar: SlaCalendar;
}

/** Due times for a ticket opened at `start` (both clocks start when the ticket is created). */
export function slaDueTimes(config: SlaConfig, severity: Severity, tier: Tier | undefined, start: Date, queue?: QueueId): SlaDueTimes {
  const target = slaTargetFor(config, severity, tier, queue);
  const calendar = calendarFor(config, target, queue);
  return {
    firstResponseDueAt: dueAt(start, target.firstResponseMinutes, calendar),
    resolutionDueAt: dueAt(start, target.resolutionMinutes, calendar),
    calendar,
  };
}

export const SLA_STATES = ['on-track', 'warning', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** Warned from `warningShare` of the target on, until breach. */
export function isWarning(share: number, warningShare: number = DEFAULT_SLA_CONFIG.warningShare): boolean {
  return share >= warningShare && share < 1;
}

/** Breached once all of the target's working time has passed. */
export function isBreached(share: number): boolean {
  return share >= 1;
}

export function slaStateOf(share: number, warningShare: number = DEFAULT_SLA_CONFIG.warningShare): SlaState {
  if (isBreached(share)) return 'breached';
  return isWarning(share, warningShare) ? 'warning' : 'on-track';
}

/** The state of one clock at `now`. */
export function slaStateAt(start: Date, due: Date, now: Date, calendar: SlaCalendar, warningShare?: number): SlaState {
  return slaStateOf(elapsedShare(start, due, now, calendar), warningShare);
}

/** When the scheduler should warn: the instant `warningShare` of the target has passed. */
export function warningAt(start: Date, due: Date, calendar: SlaCalendar, warningShare: number = DEFAULT_SLA_CONFIG.warningShare): Date {
  return shareReachedAt(start, due, warningShare, calendar);
}
