import fc from 'fast-check';
import { InvalidSlaConfigError } from '../../../src/domain/errors';
import { SEVERITIES } from '../../../src/domain/severity';
import { DEFAULT_SLA_CONFIG, SLA_TIER_KEYS, slaDueTimes, slaTargetFor, validateSlaConfig, type SlaConfig } from '../../../src/domain/sla';
import { MAX_SLA_TARGET_ITEMS, MAX_SLA_TARGETS_TEXT, parseSlaTargets } from '../../../src/domain/sla-targets-text';

const H = 60;

/** The parser as it was before queues (src/config/ticket-config.ts until issue 13), for the compatibility property. */
function legacyParse(text: string, defaults: SlaConfig['targets']) {
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, { ...defaults[s] }])) as Record<string, Record<string, unknown>>;
  let bad = false;
  for (const item of text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([ABC])(?:\/(\w+))?=(\d+)\/(\d+)(?:@(24x7|business-hours))?$/i.exec(item);
    const tier = m?.[2] ? SLA_TIER_KEYS.find((t) => t.toLowerCase() === m[2].toLowerCase()) : undefined;
    if (!m || (m[2] && !tier)) {
      bad = true;
      continue;
    }
    const severity = m[1].toUpperCase();
    for (const t of tier ? [tier] : SLA_TIER_KEYS) {
      const previous = out[severity][t] as { clock: string };
      out[severity][t] = {
        firstResponseMinutes: Number(m[3]),
        resolutionMinutes: Number(m[4]),
        clock: m[5]?.toLowerCase() ?? previous.clock,
      };
    }
  }
  return { targets: out, bad };
}

describe('SLA_TARGETS text', () => {
  test('the documented example, unchanged by queues', () => {
    const parsed = parseSlaTargets('A=30/240;B/Critical=120/960@24x7', DEFAULT_SLA_CONFIG);
    expect(parsed.problems).toEqual([]);
    expect(parsed.queueTargets).toBeUndefined();
    expect(parsed.targets.A.Productivity).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 240, clock: '24x7' });
    expect(parsed.targets.B.Critical).toEqual({ firstResponseMinutes: 120, resolutionMinutes: 960, clock: '24x7' });
    expect(parsed.targets.B.Important).toEqual(DEFAULT_SLA_CONFIG.targets.B.Important);
  });

  test('property: any text without a queue parses to the same targets as before queues', () => {
    const item = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('A', 'B', 'C', 'a', 'D'),
          fc.option(fc.constantFrom('Critical', 'important', 'none', 'Gold'), { nil: undefined }),
          fc.integer({ min: 0, max: 99999 }),
          fc.integer({ min: 0, max: 99999 }),
          fc.option(fc.constantFrom('24x7', 'business-hours', 'BUSINESS-HOURS', 'weekly'), { nil: undefined }),
        )
        .map(([s, t, f, r, c]) => `${s}${t ? `/${t}` : ''}=${f}/${r}${c ? `@${c}` : ''}`),
      fc.string({ maxLength: 12 }).filter((s) => !s.includes('/')),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), (items) => {
        const text = items.join(';');
        const now = parseSlaTargets(text, DEFAULT_SLA_CONFIG);
        const before = legacyParse(text, DEFAULT_SLA_CONFIG.targets);
        expect(now.targets).toEqual(before.targets);
        expect(now.problems.length > 0).toBe(before.bad);
        expect(now.queueTargets).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  test('queue items give a queue its own targets; general items apply first whatever their order', () => {
    const parsed = parseSlaTargets('dedicated-team/A=15/240; help-desk:finance/C/none=240/2400@24x7; B=60/600', DEFAULT_SLA_CONFIG);
    expect(parsed.problems).toEqual([]);
    expect(parsed.targets.B.Critical).toEqual({ firstResponseMinutes: 60, resolutionMinutes: 600, clock: 'business-hours' });
    expect(parsed.queueTargets).toEqual({
      'dedicated-team': {
        A: Object.fromEntries(SLA_TIER_KEYS.map((t) => [t, { firstResponseMinutes: 15, resolutionMinutes: 240, clock: '24x7' }])),
      },
      'help-desk:finance': { C: { none: { firstResponseMinutes: 240, resolutionMinutes: 2400, clock: '24x7' } } },
    });
    const config: SlaConfig = { ...DEFAULT_SLA_CONFIG, targets: parsed.targets, queueTargets: parsed.queueTargets };
    expect(() => validateSlaConfig(config)).not.toThrow();
    expect(slaTargetFor(config, 'A', 'Critical', 'dedicated-team').firstResponseMinutes).toBe(15);
    expect(slaTargetFor(config, 'A', 'Critical', 'help-desk').firstResponseMinutes).toBe(60);
    expect(slaTargetFor(config, 'A', 'Critical').firstResponseMinutes).toBe(60);
    expect(slaTargetFor(config, 'B', 'Critical', 'dedicated-team')).toEqual(parsed.targets.B.Critical);
    expect(slaTargetFor(config, 'C', undefined, 'help-desk:finance').resolutionMinutes).toBe(2400);
    expect(slaTargetFor(config, 'C', 'Critical', 'help-desk:finance')).toEqual(DEFAULT_SLA_CONFIG.targets.C.Critical);
  });

  test('a queue item takes the clock of the general target for its cell', () => {
    const parsed = parseSlaTargets('dedicated-team/C=60/600', DEFAULT_SLA_CONFIG);
    expect(parsed.queueTargets?.['dedicated-team']?.C?.Critical?.clock).toBe('business-hours');
  });

  test.each([
    ['D=1/2', [{ code: 'bad-item', item: 'D=1/2' }]],
    ['A/Gold=1/2', [{ code: 'unknown-tier', item: 'A/Gold=1/2' }]],
    ['partner/A=1/2', [{ code: 'unknown-queue', item: 'partner/A=1/2' }]],
    ['help-desk:fin--x/A=1/2', [{ code: 'unknown-queue', item: 'help-desk:fin--x/A=1/2' }]],
    ['Help-Desk:Finance/A=1/2', []], // queue names, like severities and tiers, in any case
    ['A=1/2;;  ; B=x', [{ code: 'bad-item', item: 'B=x' }]],
  ])('%j: problems as codes', (text, problems) => {
    expect(parseSlaTargets(text, DEFAULT_SLA_CONFIG).problems).toEqual(problems);
  });

  test('input limits are checked before any parsing', () => {
    expect(parseSlaTargets('A=1/2;'.repeat(1000), DEFAULT_SLA_CONFIG).problems).toEqual([{ code: 'too-long', max: MAX_SLA_TARGETS_TEXT }]);
    expect(parseSlaTargets('A=1/2;'.repeat(MAX_SLA_TARGET_ITEMS + 1), DEFAULT_SLA_CONFIG).problems).toEqual([
      { code: 'too-many-items', max: MAX_SLA_TARGET_ITEMS },
    ]);
  });

  test('validateSlaConfig checks queue targets too', () => {
    const bad = (queueTargets: unknown) => ({ ...DEFAULT_SLA_CONFIG, queueTargets }) as SlaConfig;
    expect(() =>
      validateSlaConfig(
        bad({ 'dedicated-team': { A: { Critical: { firstResponseMinutes: 500, resolutionMinutes: 100, clock: '24x7' } } } }),
      ),
    ).toThrow(InvalidSlaConfigError);
    expect(() => validateSlaConfig(bad({ partner: {} }))).toThrow(InvalidSlaConfigError);
    expect(() => validateSlaConfig(bad({ 'dedicated-team': { D: {} } }))).toThrow(InvalidSlaConfigError);
    expect(() =>
      validateSlaConfig(bad({ 'dedicated-team': { A: { Gold: { firstResponseMinutes: 1, resolutionMinutes: 2, clock: '24x7' } } } })),
    ).toThrow(InvalidSlaConfigError);
    expect(() =>
      validateSlaConfig(bad({ 'dedicated-team': { A: { Critical: { firstResponseMinutes: 0, resolutionMinutes: 2, clock: '24x7' } } } })),
    ).toThrow(InvalidSlaConfigError);
  });

  test('slaDueTimes in a queue', () => {
    const config: SlaConfig = {
      ...DEFAULT_SLA_CONFIG,
      queueTargets: { 'dedicated-team': { B: { Critical: { firstResponseMinutes: 1 * H, resolutionMinutes: 4 * H, clock: '24x7' } } } },
    };
    const start = new Date('2025-01-10T20:00Z');
    expect(slaDueTimes(config, 'B', 'Critical', start, 'dedicated-team').firstResponseDueAt.toISOString()).toBe('2025-01-10T21:00:00.000Z');
    expect(slaDueTimes(config, 'B', 'Critical', start).firstResponseDueAt.toISOString()).toBe('2025-01-13T13:00:00.000Z');
  });
});
