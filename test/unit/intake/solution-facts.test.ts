import { SOLUTION_FACT_LIMITS, solutionFactsOf } from '../../../src/domain/intake/solution-facts';
import { snapshotOf } from '../../../src/domain/intake/support-request';
import { SOLUTIONS } from '../../support/fixture-solutions';

const { dataSources: SHOWN, dataSourceChars, workaroundChars } = SOLUTION_FACT_LIMITS;

describe("the solution's facts a request keeps for the hand-off card", () => {
  it('keeps every data source and the whole workarounds when they fit, and says nothing is left out', () => {
    const names = Array.from({ length: SHOWN }, (_, i) => `Dataverse: table ${i}`);
    expect(solutionFactsOf({ dataSources: names, workarounds: 'Use the web app.' })).toEqual({
      dataSources: names,
      moreDataSources: 0,
      workarounds: 'Use the web app.',
      moreWorkaroundChars: 0,
    });
  });

  it('keeps the first data sources, each cut to its limit with an ellipsis, and counts the rest', () => {
    const names = Array.from({ length: 50 }, (_, i) => `${i} ${'데'.repeat(300)}`);
    const facts = solutionFactsOf({ dataSources: names });
    expect(facts.dataSources).toHaveLength(SHOWN);
    expect(facts.moreDataSources).toBe(50 - SHOWN);
    for (const name of facts.dataSources) {
      expect(name.length).toBeLessThanOrEqual(dataSourceChars);
      expect(name.endsWith('…')).toBe(true);
    }
  });

  it('keeps the start of long workarounds, never half an emoji, and counts the characters left out', () => {
    const workarounds = `a${'😀'.repeat(1999)}`; // 3,999 UTF-16 units: the limit falls inside an emoji
    const facts = solutionFactsOf({ dataSources: [], workarounds });
    expect(facts.workarounds.length).toBeLessThanOrEqual(workaroundChars);
    expect(facts.workarounds).toBe(`a${'😀'.repeat((workaroundChars - 2) / 2)}`);
    expect(facts.moreWorkaroundChars).toBe(workarounds.length - facts.workarounds.length);
  });

  it('adds no facts to the snapshot of a solution without data sources or workarounds', () => {
    expect(snapshotOf(SOLUTIONS.invoices)).not.toHaveProperty('facts');
    expect(snapshotOf({ ...SOLUTIONS.invoices, workarounds: 'Approve by mail.' }).facts?.workarounds).toBe('Approve by mail.');
  });
});
