import { englishData } from '../../support/words';
import { INTAKE_LIMITS, validateCategory, validateDetails, validateSearchQuery } from '../../../src/domain/intake/intake-validation';
import { chooseCategory, chooseSolution, newIntake } from '../../../src/domain/intake/intake-draft';
import { asksForUnlisted, validateUnlisted } from '../../../src/domain/intake/unlisted-solution';

const VALID = {
  title: 'Totals are wrong',
  description: 'The total ignores the last row.',
  since: 'today',
  impact: 'team',
  urgency: 'blocked',
};

describe('intake validation', () => {
  it('accepts a known category and refuses anything else', () => {
    expect(validateCategory('access')).toEqual({ ok: true, value: 'access' });
    for (const bad of ['', 'Access', 'drop table', 42, undefined, null, {}]) {
      expect(englishData(validateCategory(bad))).toEqual({ ok: false, errors: { category: 'Choose what you need.' } });
    }
  });

  it('cleans a search query and caps its length', () => {
    expect(validateSearchQuery('  expense \t  tracker ')).toEqual({ ok: true, value: 'expense tracker' });
    expect(validateSearchQuery(undefined)).toEqual({ ok: true, value: '' });
    expect(validateSearchQuery('x'.repeat(INTAKE_LIMITS.searchQuery))).toMatchObject({ ok: true });
    expect(englishData(validateSearchQuery('x'.repeat(INTAKE_LIMITS.searchQuery + 1)))).toEqual({
      ok: false,
      errors: { query: 'Search: 101 characters, the limit is 100. Shorten it by 1 character.' },
    });
  });

  it('accepts complete details, trimmed, with "since" optional', () => {
    expect(validateDetails({ ...VALID, title: '  Totals   are wrong ', since: undefined })).toEqual({
      ok: true,
      value: { title: 'Totals are wrong', description: VALID.description, since: '', impact: 'team', urgency: 'blocked' },
    });
  });

  it('keeps line breaks in the description but folds runs of blank lines and spaces', () => {
    const result = validateDetails({ ...VALID, description: 'first line\r\n\r\n\r\n\r\nsecond   line\n' });
    expect(result).toMatchObject({ ok: true, value: { description: 'first line\n\nsecond line' } });
  });

  it.each([
    ['title missing', { title: '   ' }, 'title', 'Give your request a short title.'],
    ['title too long', { title: 'x'.repeat(121) }, 'title', 'Title: 121 characters, the limit is 120. Shorten it by 1 character.'],
    ['description missing', { description: '' }, 'description', "Describe what's happening."],
    [
      'description too long',
      { description: 'x'.repeat(5000) },
      'description',
      'Description: 5000 characters, the limit is 2000. Shorten it by 3000 characters.',
    ],
    ['since too long', { since: 'x'.repeat(103) }, 'since', 'Since when: 103 characters, the limit is 100. Shorten it by 3 characters.'],
    ['impact unknown', { impact: 'galaxy' }, 'impact', 'Choose who is affected.'],
    ['impact missing', { impact: undefined }, 'impact', 'Choose who is affected.'],
    ['urgency unknown', { urgency: 'soon' }, 'urgency', 'Say whether you are blocked or have a workaround.'],
    ['title not text', { title: 42 }, 'title', 'Give your request a short title.'],
  ])('refuses %s with a message on that field', (_label, change, field, message) => {
    expect(englishData(validateDetails({ ...VALID, ...change }))).toEqual({ ok: false, errors: { [field]: message } });
  });

  it('accepts fields exactly at their limits', () => {
    const atLimit = { ...VALID, title: 'x'.repeat(120), description: 'y'.repeat(2000), since: 'z'.repeat(100) };
    expect(validateDetails(atLimit).ok).toBe(true);
  });

  it('reports every problem at once', () => {
    const result = validateDetails({});
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { errors: object }).errors).sort()).toEqual(['description', 'impact', 'title', 'urgency']);
  });
});

describe('"It\'s not listed": the solution as the requester names it', () => {
  const requester = { aadObjectId: 'a1e0c0de-0000-4000-8000-000000000001', displayName: 'Alex Wilber' };
  const now = new Date('2026-11-20T10:00:00Z');
  const notListed = chooseSolution(chooseCategory(newIntake('i', requester, now), 'solution-problem', now), null, now);

  it('asks for it only after "It\'s not listed" on a need about a solution', () => {
    expect(asksForUnlisted(notListed)).toBe(true);
    expect(asksForUnlisted(chooseSolution(notListed, 'expense-tracker', now))).toBe(false);
    expect(asksForUnlisted(chooseCategory(newIntake('j', requester, now), 'platform-issue', now))).toBe(false);
    expect(validateUnlisted(chooseSolution(notListed, 'expense-tracker', now), { unlistedName: 'x'.repeat(500) }, true)).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('needs the name where the card asks for it; environment and maker are optional; all are trimmed', () => {
    expect(englishData(validateUnlisted(notListed, {}, true))).toEqual({
      ok: false,
      errors: { unlistedName: "Tell us the solution's name, as you see it." },
    });
    expect(validateUnlisted(notListed, {}, false)).toEqual({ ok: true, value: undefined });
    expect(validateUnlisted(notListed, { unlistedName: '  Budget   Sheet ', unlistedMaker: ' dana ' }, true)).toEqual({
      ok: true,
      value: { name: 'Budget Sheet', environment: '', maker: 'dana' },
    });
  });

  it('says which field to shorten and by how much', () => {
    const result = validateUnlisted(notListed, { unlistedName: 'n'.repeat(121), unlistedEnvironment: 'e'.repeat(150) }, true);
    expect(englishData(result)).toEqual({
      ok: false,
      errors: {
        unlistedName: 'Solution name: 121 characters, the limit is 120. Shorten it by 1 character.',
        unlistedEnvironment: 'Environment: 150 characters, the limit is 100. Shorten it by 50 characters.',
      },
    });
  });
});
