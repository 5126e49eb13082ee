import { loadConfig } from '../../../src/config/load-config';
import { ConfigError } from '../../../src/config/config-error';
import { DEFAULT_SLA_CONFIG } from '../../../src/domain/sla';

const BASE = { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };

describe('ticket configuration', () => {
  it('defaults: the domain SLA targets, 7 days to reopen, a pass every 30 s', () => {
    const { tickets } = loadConfig(BASE);
    expect(tickets.sla).toEqual(DEFAULT_SLA_CONFIG);
    expect(tickets.reopenWindowMinutes).toBe(7 * 24 * 60);
    expect(tickets.slaCheckIntervalMs).toBe(30_000);
  });

  it('reads business hours, holidays and target overrides', () => {
    const { tickets } = loadConfig({
      ...BASE,
      SLA_BUSINESS_HOURS: 'Sun-Thu 08:30-16:00 +03:00',
      SLA_HOLIDAYS: '2026-12-25, 2026-12-28',
      SLA_TARGETS: 'A=30/240;B/Critical=120/960@24x7',
      TICKET_REOPEN_DAYS: '3',
      SLA_CHECK_SECONDS: '10',
    });
    expect(tickets.sla.businessHours).toEqual({
      kind: 'business-hours',
      weekdays: [0, 1, 2, 3, 4],
      startHour: 8.5,
      endHour: 16,
      zone: { utcOffsetMinutes: 180 },
      holidays: ['2026-12-25', '2026-12-28'],
    });
    expect(tickets.sla.targets.A.Productivity).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 240, clock: '24x7' });
    expect(tickets.sla.targets.B.Critical).toEqual({ firstResponseMinutes: 120, resolutionMinutes: 960, clock: '24x7' });
    expect(tickets.sla.targets.B.Important).toEqual(DEFAULT_SLA_CONFIG.targets.B.Important);
    expect(tickets.reopenWindowMinutes).toBe(3 * 24 * 60);
    expect(tickets.slaCheckIntervalMs).toBe(10_000);
    expect(loadConfig({ ...BASE, SLA_BUSINESS_HOURS: 'Mon-Fri 09:00-17:00 Europe/Paris' }).tickets.sla.businessHours.zone).toEqual({
      timeZone: 'Europe/Paris',
    });
  });

  it('names each bad variable', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ ...BASE, ...env });
        return [];
      } catch (error) {
        return (error as ConfigError).problems.map((p) => p.variable);
      }
    };
    expect(problems({ SLA_BUSINESS_HOURS: 'weekdays' })).toEqual(['SLA_BUSINESS_HOURS']);
    expect(problems({ SLA_TARGETS: 'D=1/2' })).toEqual(['SLA_TARGETS']);
    expect(problems({ SLA_TARGETS: 'A=500/100' })).toEqual(['SLA_TARGETS']); // first response after resolution
    expect(problems({ SLA_HOLIDAYS: 'Christmas' })).toEqual(['SLA_HOLIDAYS']);
    expect(problems({ TICKET_REOPEN_DAYS: '0' })).toEqual(['TICKET_REOPEN_DAYS']);
  });
});
