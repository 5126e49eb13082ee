import { UnknownValueError } from '../../../src/domain/errors';
import {
  compareSeverity,
  IMPACTS,
  isImpact,
  isMoreSevere,
  isSeverity,
  isUrgency,
  parseImpact,
  parseSeverity,
  parseUrgency,
  SEVERITIES,
  SEVERITY_DEFINITIONS,
  SEVERITY_MATRIX,
  severityMatrixMarkdown,
  severityOf,
  URGENCIES,
  type Impact,
  type Severity,
  type Urgency,
} from '../../../src/domain/severity';

describe('severityOf: impact × urgency after the Managed Desktop model', () => {
  test.each<[Impact, Urgency, Severity]>([
    ['organisation', 'blocked', 'A'],
    ['organisation', 'workaround', 'B'],
    ['business-unit', 'blocked', 'B'],
    ['business-unit', 'workaround', 'B'],
    ['team', 'blocked', 'B'],
    ['team', 'workaround', 'C'],
    ['me', 'blocked', 'C'],
    ['me', 'workaround', 'C'],
  ])('%s, %s → Sev %s', (impact, urgency, expected) => {
    expect(severityOf(impact, urgency)).toBe(expected);
    expect(SEVERITY_MATRIX[impact][urgency]).toBe(expected);
  });

  test('the matrix covers every impact × urgency and nothing else', () => {
    expect(Object.keys(SEVERITY_MATRIX).sort()).toEqual([...IMPACTS].sort());
    for (const impact of IMPACTS) expect(Object.keys(SEVERITY_MATRIX[impact]).sort()).toEqual([...URGENCIES].sort());
  });

  test('severity never decreases as impact widens or when there is no workaround', () => {
    for (let i = 1; i < IMPACTS.length; i++) {
      for (const u of URGENCIES) {
        expect(compareSeverity(severityOf(IMPACTS[i]!, u), severityOf(IMPACTS[i - 1]!, u))).toBeLessThanOrEqual(0);
      }
    }
    for (const i of IMPACTS) expect(compareSeverity(severityOf(i, 'blocked'), severityOf(i, 'workaround'))).toBeLessThanOrEqual(0);
  });

  test('every severity is reachable', () => {
    const seen = new Set(IMPACTS.flatMap((i) => URGENCIES.map((u) => severityOf(i, u))));
    expect([...seen].sort()).toEqual([...SEVERITIES]);
  });
});

describe('severity ordering', () => {
  test.each<[Severity, Severity, boolean]>([
    ['A', 'B', true],
    ['A', 'C', true],
    ['B', 'C', true],
    ['B', 'A', false],
    ['C', 'A', false],
    ['A', 'A', false],
  ])('%s more severe than %s: %s', (a, b, expected) => {
    expect(isMoreSevere(a, b)).toBe(expected);
  });

  test('sorting with compareSeverity puts the most severe first', () => {
    expect((['C', 'A', 'B', 'A'] as Severity[]).sort(compareSeverity)).toEqual(['A', 'A', 'B', 'C']);
  });
});

describe('parsing answers from card data', () => {
  test.each([
    [parseImpact, isImpact, IMPACTS, 'everyone'],
    [parseUrgency, isUrgency, URGENCIES, 'urgent'],
    [parseSeverity, isSeverity, SEVERITIES, 'D'],
  ] as const)('accepts the closed set and rejects anything else', (parse, guard, values, bad) => {
    for (const v of values) {
      expect(parse(v)).toBe(v);
      expect(guard(v)).toBe(true);
    }
    for (const v of [bad, '', undefined, null, 1, {}]) {
      expect(guard(v)).toBe(false);
      expect(() => parse(v)).toThrow(UnknownValueError);
    }
  });

  test('the error carries a code and the allowed values', () => {
    try {
      parseSeverity('a');
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(UnknownValueError);
      expect(e).toMatchObject({ code: 'unknown-value', kind: 'severity', value: 'a', allowed: ['A', 'B', 'C'] });
    }
  });
});

describe('definitions and README table', () => {
  test('each severity has labels', () => {
    for (const s of SEVERITIES) {
      expect(SEVERITY_DEFINITIONS[s]).toMatchObject({ severity: s, shortLabel: `Sev ${s}` });
      expect(SEVERITY_DEFINITIONS[s].description.length).toBeGreaterThan(10);
    }
  });

  test('severityMatrixMarkdown renders the matrix', () => {
    expect(severityMatrixMarkdown()).toBe(
      [
        "| impact \\ urgency | Blocked, there's no workaround | A workaround exists |",
        '| --- | --- | --- |',
        '| Just me | Sev C (minimal impact) | Sev C (minimal impact) |',
        '| My team | Sev B (moderate impact) | Sev C (minimal impact) |',
        '| My business unit | Sev B (moderate impact) | Sev B (moderate impact) |',
        '| The whole organisation | Sev A (critical impact) | Sev B (moderate impact) |',
      ].join('\n'),
    );
  });
});
