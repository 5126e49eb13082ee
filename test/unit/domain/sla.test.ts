import { InvalidSlaConfigError } from '../../../src/domain/errors';
import { SEVERITIES, type Severity } from '../../../src/domain/severity';
import {
  ALWAYS_OPEN,
  businessHours,
  calendarFor,
  DEFAULT_SLA_CONFIG,
  isBreached,
  isWarning,
  SLA_TIER_KEYS,
  slaDueTimes,
  slaStateAt,
  slaStateOf,
  slaTargetFor,
  validateSlaConfig,
  warningAt,
  type SlaConfig,
  type SlaState,
  type SlaTierKey,
} from '../../../src/domain/sla';
import type { Tier } from '../../../src/domain/solution';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString().replace(':00.000Z', 'Z');
const H = 60;

describe('default SLA targets', () => {
  test('the defaults are valid', () => {
    expect(() => validateSlaConfig(DEFAULT_SLA_CONFIG)).not.toThrow();
    expect(DEFAULT_SLA_CONFIG.warningShare).toBe(0.75);
  });

  test.each<[Severity, SlaTierKey, number, number, '24x7' | 'business-hours']>([
    ['A', 'Critical', 1 * H, 8 * H, '24x7'],
    ['A', 'Important', 1 * H, 16 * H, '24x7'],
    ['A', 'Productivity', 1 * H, 24 * H, '24x7'],
    ['A', 'none', 1 * H, 16 * H, '24x7'],
    ['B', 'Critical', 4 * H, 16 * H, 'business-hours'],
    ['B', 'Important', 4 * H, 24 * H, 'business-hours'],
    ['B', 'Productivity', 4 * H, 40 * H, 'business-hours'],
    ['B', 'none', 4 * H, 24 * H, 'business-hours'],
    ['C', 'Critical', 8 * H, 40 * H, 'business-hours'],
    ['C', 'Important', 8 * H, 40 * H, 'business-hours'],
    ['C', 'Productivity', 8 * H, 80 * H, 'business-hours'],
    ['C', 'none', 8 * H, 40 * H, 'business-hours'],
  ])('Sev %s × %s: %i / %i min, %s', (severity, tier, first, resolution, clock) => {
    const tierArg = tier === 'none' ? undefined : (tier as Tier);
    expect(slaTargetFor(DEFAULT_SLA_CONFIG, severity, tierArg)).toEqual({
      firstResponseMinutes: first,
      resolutionMinutes: resolution,
      clock,
    });
  });

  test('more critical tiers never get slower targets', () => {
    const order: Tier[] = ['Critical', 'Important', 'Productivity'];
    for (const s of SEVERITIES) {
      const r = order.map((t) => slaTargetFor(DEFAULT_SLA_CONFIG, s, t).resolutionMinutes);
      expect([...r].sort((a, b) => a - b)).toEqual(r);
    }
  });

  test('calendarFor picks 24×7 or the configured business hours', () => {
    expect(calendarFor(DEFAULT_SLA_CONFIG, slaTargetFor(DEFAULT_SLA_CONFIG, 'A', 'Critical'))).toBe(ALWAYS_OPEN);
    expect(calendarFor(DEFAULT_SLA_CONFIG, slaTargetFor(DEFAULT_SLA_CONFIG, 'C', 'Critical'))).toBe(DEFAULT_SLA_CONFIG.businessHours);
  });
});

describe('slaDueTimes', () => {
  test.each<[string, Severity, Tier | undefined, string, string, string]>([
    [
      'Sev A Critical on Friday evening runs through the night',
      'A',
      'Critical',
      '2025-01-10T20:00Z',
      '2025-01-10T21:00Z',
      '2025-01-11T04:00Z',
    ],
    ['Sev B Important late on Friday waits for Monday', 'B', 'Important', '2025-01-10T16:00Z', '2025-01-13T12:00Z', '2025-01-15T16:00Z'],
    ['Sev C Productivity on Monday morning', 'C', 'Productivity', '2025-01-06T09:00Z', '2025-01-06T17:00Z', '2025-01-17T17:00Z'],
    ['Sev C with no solution, opened on Saturday', 'C', undefined, '2025-01-11T10:00Z', '2025-01-13T17:00Z', '2025-01-17T17:00Z'],
  ])('%s', (_name, severity, tier, start, first, resolution) => {
    const due = slaDueTimes(DEFAULT_SLA_CONFIG, severity, tier, at(start));
    expect(iso(due.firstResponseDueAt)).toBe(first);
    expect(iso(due.resolutionDueAt)).toBe(resolution);
  });

  test('business hours come from the configuration', () => {
    const config: SlaConfig = { ...DEFAULT_SLA_CONFIG, businessHours: businessHours({ zone: { timeZone: 'Europe/Paris' } }) };
    const due = slaDueTimes(config, 'B', 'Critical', at('2025-03-28T15:00Z'));
    // Friday 16:00 CET + 4 working hours → Monday 12:00 CEST.
    expect(iso(due.firstResponseDueAt)).toBe('2025-03-31T10:00Z');
    expect(due.calendar).toBe(config.businessHours);
  });
});

describe('warning and breach thresholds', () => {
  test.each<[number, SlaState, boolean, boolean]>([
    [0, 'on-track', false, false],
    [0.5, 'on-track', false, false],
    [0.7499, 'on-track', false, false],
    [0.75, 'warning', true, false],
    [0.9999, 'warning', true, false],
    [1, 'breached', false, true],
    [1.5, 'breached', false, true],
  ])('share %p → %s', (share, state, warning, breached) => {
    expect(slaStateOf(share)).toBe(state);
    expect(isWarning(share)).toBe(warning);
    expect(isBreached(share)).toBe(breached);
  });

  test('a configured warning share', () => {
    expect(slaStateOf(0.5, 0.5)).toBe('warning');
    expect(isWarning(0.49, 0.5)).toBe(false);
  });

  test('slaStateAt over a weekend', () => {
    const start = at('2025-01-10T16:00Z');
    const due = at('2025-01-13T10:00Z');
    const cal = DEFAULT_SLA_CONFIG.businessHours;
    expect(slaStateAt(start, due, at('2025-01-12T23:00Z'), cal)).toBe('on-track');
    expect(slaStateAt(start, due, at('2025-01-13T09:30Z'), cal)).toBe('warning');
    expect(slaStateAt(start, due, at('2025-01-13T10:00Z'), cal)).toBe('breached');
  });

  test('warningAt: when the scheduler should warn', () => {
    const cal = DEFAULT_SLA_CONFIG.businessHours;
    expect(iso(warningAt(at('2025-01-10T16:00Z'), at('2025-01-13T10:00Z'), cal))).toBe('2025-01-13T09:30Z');
    expect(iso(warningAt(at('2025-01-10T20:00Z'), at('2025-01-10T21:00Z'), ALWAYS_OPEN))).toBe('2025-01-10T20:45Z');
    expect(iso(warningAt(at('2025-01-10T20:00Z'), at('2025-01-10T21:00Z'), ALWAYS_OPEN, 0.5))).toBe('2025-01-10T20:30Z');
  });
});

describe('validateSlaConfig', () => {
  const withTarget = (severity: Severity, tier: SlaTierKey, patch: object): SlaConfig => ({
    ...DEFAULT_SLA_CONFIG,
    targets: {
      ...DEFAULT_SLA_CONFIG.targets,
      [severity]: { ...DEFAULT_SLA_CONFIG.targets[severity], [tier]: { ...DEFAULT_SLA_CONFIG.targets[severity][tier], ...patch } },
    },
  });

  test.each<[string, SlaConfig]>([
    ['warning share 0', { ...DEFAULT_SLA_CONFIG, warningShare: 0 }],
    ['warning share 1', { ...DEFAULT_SLA_CONFIG, warningShare: 1 }],
    ['warning share NaN', { ...DEFAULT_SLA_CONFIG, warningShare: Number.NaN }],
    ['bad business hours', { ...DEFAULT_SLA_CONFIG, businessHours: businessHours({ weekdays: [] }) }],
    ['zero minutes', withTarget('A', 'Critical', { firstResponseMinutes: 0 })],
    ['fractional minutes', withTarget('B', 'none', { resolutionMinutes: 10.5 })],
    ['first response after resolution', withTarget('C', 'Important', { firstResponseMinutes: 5000 })],
    ['unknown clock', withTarget('C', 'Productivity', { clock: 'sometimes' })],
    [
      'missing tier',
      {
        ...DEFAULT_SLA_CONFIG,
        targets: { ...DEFAULT_SLA_CONFIG.targets, B: { Critical: DEFAULT_SLA_CONFIG.targets.B.Critical } },
      } as unknown as SlaConfig,
    ],
    [
      'missing severity',
      { ...DEFAULT_SLA_CONFIG, targets: { A: DEFAULT_SLA_CONFIG.targets.A, B: DEFAULT_SLA_CONFIG.targets.B } } as unknown as SlaConfig,
    ],
  ])('%s is refused', (_name, config) => {
    expect(() => validateSlaConfig(config)).toThrow(InvalidSlaConfigError);
    expect(() => validateSlaConfig(config)).toThrow(expect.objectContaining({ code: 'invalid-sla-config' }));
  });

  test('covers every tier key', () => {
    expect([...SLA_TIER_KEYS]).toEqual(['Productivity', 'Important', 'Critical', 'none']);
  });
});
