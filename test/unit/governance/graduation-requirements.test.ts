/**
 * What a graduation request still lacks for the tier it asks for, against the guidance's tier table:
 * every requirement, every value of every choice, for both higher tiers.
 */
import {
  ALM_PRACTICES,
  BUSINESS_IMPACTS,
  coOwnerCount,
  ENVIRONMENT_STRATEGIES,
  GRADUATION_REQUIREMENTS,
  higherTiers,
  missingForTier,
  type GraduationAnswers,
  type HigherTier,
} from '../../../src/domain/governance/graduation-requirements';

const complete: GraduationAnswers = {
  coOwners: 'Lee Gu <leeg@contoso.example>',
  environmentStrategy: 'dedicated-dev-test-prod',
  alm: 'pipelines',
  dataSources: 'SharePoint; Dataverse',
  workarounds: 'Email the finance team.',
  businessImpact: 'high',
  supportChannel: '',
};

describe('higher tiers', () => {
  it.each([
    ['Productivity', ['Important', 'Critical']],
    ['Important', ['Critical']],
    ['Critical', []],
  ] as const)('above %s: %j', (tier, expected) => expect(higherTiers(tier)).toEqual(expected));
});

describe('co-owners counted', () => {
  it('from the answer when there is one, else the catalog', () => {
    expect(coOwnerCount({ coOwners: '' }, 2)).toBe(2);
    expect(coOwnerCount({ coOwners: '   ' }, 0)).toBe(0);
    expect(coOwnerCount({ coOwners: 'Lee Gu <leeg@contoso.example>; nestorw@contoso.example' }, 0)).toBe(2);
  });
  it('an unreadable list counts as none', () => {
    expect(coOwnerCount({ coOwners: 'Lee <<' }, 3)).toBe(0);
  });
});

describe('missing for a tier', () => {
  it.each<HigherTier>(['Important', 'Critical'])('complete answers at the top of every scale meet %s', (tier) => {
    expect(missingForTier(tier, complete, 0)).toEqual([]);
  });

  it.each<HigherTier>(['Important', 'Critical'])('nothing answered for %s: everything is missing, in the card order', (tier) => {
    const none: GraduationAnswers = { coOwners: '', dataSources: '', workarounds: '', supportChannel: '' };
    expect(missingForTier(tier, none, 0)).toEqual([...GRADUATION_REQUIREMENTS]);
  });

  it("the catalog's co-owners count when the answer keeps them", () => {
    expect(missingForTier('Important', { ...complete, coOwners: '' }, 1)).toEqual([]);
    expect(missingForTier('Important', { ...complete, coOwners: '' }, 0)).toEqual(['co-owners']);
  });

  it('blank data sources and workarounds are missing', () => {
    expect(missingForTier('Important', { ...complete, dataSources: '  ', workarounds: '\n' }, 0)).toEqual(['data-sources', 'workarounds']);
  });

  // The tier table's rows, each value against each tier: Important asks for the middle of each scale, Critical the top.
  const NEEDED = { Important: 1, Critical: 2 } as const;
  describe.each<HigherTier>(['Important', 'Critical'])('for %s', (tier) => {
    it.each(ENVIRONMENT_STRATEGIES.map((v, i) => [v, i] as const))('environment strategy %s', (value, rank) => {
      const missing = missingForTier(tier, { ...complete, environmentStrategy: value }, 0);
      expect(missing).toEqual(rank < NEEDED[tier] ? ['environment-strategy'] : []);
    });
    it.each(ALM_PRACTICES.map((v, i) => [v, i] as const))('ALM %s', (value, rank) => {
      expect(missingForTier(tier, { ...complete, alm: value }, 0)).toEqual(rank < NEEDED[tier] ? ['alm'] : []);
    });
    it.each(BUSINESS_IMPACTS.map((v, i) => [v, i] as const))('business impact %s', (value, rank) => {
      expect(missingForTier(tier, { ...complete, businessImpact: value }, 0)).toEqual(rank < NEEDED[tier] ? ['business-impact'] : []);
    });
  });
});
