import { englishData } from '../../support/words';
import { INTAKE_LIMITS, validateCategory, validateDetails, validateSearchQuery } from '../../../src/domain/intake/intake-validation';

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
      errors: { query: 'Keep the search under 100 characters.' },
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
    ['title too long', { title: 'x'.repeat(121) }, 'title', 'Keep the title under 120 characters (it has 121).'],
    ['description missing', { description: '' }, 'description', "Describe what's happening."],
    ['description too long', { description: 'x'.repeat(2001) }, 'description', 'Keep the description under 2000 characters (it has 2001).'],
    ['since too long', { since: 'x'.repeat(101) }, 'since', 'Keep "since when" under 100 characters.'],
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
