import { supportSummaryOf } from '../../../src/domain/catalog/support-summary';
import { withTimestamps } from '../../../src/domain/catalog/solution-record';
import type { Solution } from '../../../src/domain/solution';
import { mySolutionsCard, solutionSupportCard } from '../../../src/presentation/catalog-cards';
import { englishData } from '../../support/words';

const mySolutionsCardData = (...args: Parameters<typeof mySolutionsCard>) => englishData(mySolutionsCard(...args).data);
const solutionSupportCardData = (...args: Parameters<typeof solutionSupportCard>) => englishData(solutionSupportCard(...args).data);
import { LEE, MEGAN, NESTOR, record } from './fixtures';

const T0 = new Date('2026-01-01T00:00:00Z');
const solution = (overrides: Parameters<typeof record>[0] = {}): Solution => withTimestamps(record(overrides), undefined, T0);

describe('how a solution is supported', () => {
  test.each<[string, Solution, string, string[]]>([
    ['Productivity: its maker', solution({ tier: 'Productivity' }), 'maker', ['Megan Bowen']],
    ['Important: its co-owners', solution({ tier: 'Important', coOwners: [LEE, NESTOR] }), 'co-owners', ['Lee Gu', 'Nestor Wilke']],
    ['Important without co-owners: the help desk', solution({ tier: 'Important', coOwners: [] }), 'help-desk', []],
    ['Critical: the help desk', solution({ tier: 'Critical' }), 'help-desk', []],
    ['orphaned Productivity: its co-owners', solution({ status: 'orphaned', coOwners: [LEE] }), 'co-owners', ['Lee Gu']],
    ['retired: the help desk', solution({ status: 'retired' }), 'help-desk', []],
  ])('%s', (_label, s, party, people) => {
    const summary = supportSummaryOf(s);
    expect(summary.contactParty).toBe(party);
    expect(summary.contacts.map((p) => p.displayName)).toEqual(people);
    expect(summary.model.tier).toBe(s.tier);
  });
});

describe('catalog card data', () => {
  it('lists made and co-owned solutions with tier, support model and status', () => {
    const data = mySolutionsCardData(
      {
        made: [solution({ tier: 'Important', coOwners: [] })],
        coOwned: [solution({ id: 'x', name: 'X', maker: LEE, coOwners: [MEGAN], status: 'orphaned' })],
      },
      'Megan',
    ) as any;
    expect(data.hasAny).toBe(true);
    expect(data.sections.map((s: any) => s.title)).toEqual(['You made (1)', 'You co-own (1)']);
    expect(data.sections[0].solutions[0]).toMatchObject({
      kind: 'Canvas app',
      tier: 'Important',
      supportModel: 'Team-assisted supported',
      supportedBy: 'supported by its co-owners',
      status: 'Active',
      note: expect.stringContaining('has none'),
    });
    expect(data.sections[1].solutions[0]).toMatchObject({ status: 'Orphaned', note: expect.stringContaining('orphaned') });
  });

  it('has an empty state, and caps long lists', () => {
    expect(mySolutionsCardData({ made: [], coOwned: [] }, '')).toEqual({
      firstName: 'there',
      hasAny: false,
      sections: [],
      askLabel: expect.anything(),
    });
    const many = Array.from({ length: 25 }, (_, i) => solution({ id: `s${i}` }));
    const data = mySolutionsCardData({ made: many, coOwned: [] }, 'Megan') as any;
    expect(data.sections[0].solutions).toHaveLength(20);
    expect(data.sections[0].more).toBe(5);
  });

  it('says who to contact, with a chat link to the maker or the co-owners', () => {
    const data = solutionSupportCardData('exp', [
      { solution: solution(), score: 0.9 },
      { solution: solution({ id: 'b', tier: 'Important', coOwners: [LEE, NESTOR], supportChannel: 'Finance › Support' }), score: 0.8 },
      { solution: solution({ id: 'c', tier: 'Critical' }), score: 0.7 },
    ]) as any;
    expect(data.matches[0]).toMatchObject({
      howSupported: expect.stringContaining('its maker, Megan Bowen, supports it'),
      chatTitle: 'Chat with Megan Bowen',
      chatUrl: expect.stringContaining('meganb%40contoso.example'),
      summary: 'Canvas app · Contoso (default) · Productivity tier',
    });
    expect(data.matches[1]).toMatchObject({
      howSupported: expect.stringContaining('Lee Gu and Nestor Wilke'),
      chatTitle: 'Chat with the co-owners',
      channel: 'Finance › Support',
    });
    expect(data.matches[2]).toMatchObject({ howSupported: expect.stringContaining('the help desk handles it'), chatUrl: '' });
  });
});
