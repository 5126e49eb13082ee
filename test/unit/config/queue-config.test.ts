import { loadConfig, type Environment } from '../../../src/config/load-config';
import { ConfigError } from '../../../src/config/config-error';
import { businessHoursOf } from '../../../src/domain/queues/queue-hours';

const BASE: Environment = { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
const ID1 = 'aa000000-0000-4000-8000-000000000001';
const ID2 = 'AA000000-0000-4000-8000-000000000002';

function problems(env: Environment): string {
  try {
    loadConfig({ ...BASE, ...env });
    return '';
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

describe('QUEUE_BUSINESS_HOURS and ON_CALL_ROTA', () => {
  it('reads per-queue business hours; other queues keep SLA_BUSINESS_HOURS (and every queue keeps SLA_HOLIDAYS)', () => {
    const config = loadConfig({
      ...BASE,
      SLA_BUSINESS_HOURS: 'Mon-Fri 09:00-17:00 UTC',
      SLA_HOLIDAYS: '2026-12-25',
      QUEUE_BUSINESS_HOURS: 'help-desk:finance=Mon-Fri 08:00-16:00 Europe/Paris; dedicated-team=Sun-Thu 08:00-16:00 +03:00',
    });
    const finance = businessHoursOf(config.tickets.sla, 'help-desk:finance');
    expect(finance).toMatchObject({ startHour: 8, endHour: 16, zone: { timeZone: 'Europe/Paris' }, holidays: ['2026-12-25'] });
    expect(businessHoursOf(config.tickets.sla, 'dedicated-team')).toMatchObject({
      weekdays: [0, 1, 2, 3, 4],
      zone: { utcOffsetMinutes: 180 },
    });
    expect(businessHoursOf(config.tickets.sla, 'help-desk')).toBe(config.tickets.sla.businessHours);
  });

  it('reads weekly rotas of Entra object ids', () => {
    const config = loadConfig({ ...BASE, ON_CALL_ROTA: `help-desk=2026-11-16:${ID1}, ${ID2};help-desk:finance=2026-11-02:${ID2}` });
    expect(config.tickets.onCall).toEqual([
      {
        queue: 'help-desk',
        startDate: '2026-11-16',
        members: [
          { aadObjectId: ID1, displayName: '' },
          { aadObjectId: ID2.toLowerCase(), displayName: '' },
        ],
      },
      { queue: 'help-desk:finance', startDate: '2026-11-02', members: [{ aadObjectId: ID2.toLowerCase(), displayName: '' }] },
    ]);
    expect(loadConfig(BASE).tickets.onCall).toEqual([]);
  });

  it('names the variable and the item for every malformed value', () => {
    expect(problems({ QUEUE_BUSINESS_HOURS: 'help-desk:finance=weekdays' })).toContain('QUEUE_BUSINESS_HOURS');
    expect(problems({ QUEUE_BUSINESS_HOURS: 'help-desk:finance=Mon-Fri 08:00-16:00 Mars/Olympus' })).toContain('help-desk:finance');
    expect(problems({ QUEUE_BUSINESS_HOURS: 'finance=Mon-Fri 08:00-16:00 UTC' })).toContain('unknown queue');
    expect(problems({ ON_CALL_ROTA: `help-desk=next monday:${ID1}` })).toContain('ON_CALL_ROTA');
    expect(problems({ ON_CALL_ROTA: 'help-desk=2026-11-16:megan@contoso.example' })).toContain('Entra object ids');
    expect(problems({ ON_CALL_ROTA: `help-desk=2026-11-16:${ID1};help-desk=2026-11-23:${ID1}` })).toContain('given twice');
  });
});
