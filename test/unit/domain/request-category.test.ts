import { UnknownValueError } from '../../../src/domain/errors';
import { categoryLabel } from '../../../src/presentation/labels';
import { english } from '../../support/words';
import {
  asksForSolution,
  categoriesFor,
  categoryInfo,
  isAlwaysHelpDesk,
  isRequestCategory,
  needsSolution,
  parseRequestCategory,
  REQUEST_CATEGORIES,
  REQUEST_CATEGORY_INFO,
  type RequestCategory,
  type SolutionStep,
} from '../../../src/domain/request-category';

describe('request categories', () => {
  test.each<[RequestCategory, SolutionStep, boolean, 'anyone' | 'maker']>([
    ['solution-problem', 'required', false, 'anyone'],
    ['access', 'optional', true, 'anyone'],
    ['find-or-how-to', 'none', true, 'anyone'],
    ['connector-or-environment', 'none', true, 'anyone'],
    ['platform-issue', 'none', true, 'anyone'],
    ['maker-stuck', 'required', false, 'maker'],
    ['graduation', 'required', false, 'maker'],
  ])('%s: solution step %s, always help desk %s, for %s', (category, step, helpDesk, audience) => {
    expect(categoryInfo(category)).toMatchObject({ id: category, solutionStep: step, alwaysHelpDesk: helpDesk, audience });
    expect(needsSolution(category)).toBe(step === 'required');
    expect(asksForSolution(category)).toBe(step !== 'none');
    expect(isAlwaysHelpDesk(category)).toBe(helpDesk);
    expect(english(categoryLabel(category)).length).toBeGreaterThan(0);
  });

  test('the info table covers exactly the categories', () => {
    expect(Object.keys(REQUEST_CATEGORY_INFO).sort()).toEqual([...REQUEST_CATEGORIES].sort());
  });

  test('labels are distinct', () => {
    const labels = REQUEST_CATEGORIES.map((c) => english(categoryLabel(c)));
    expect(new Set(labels).size).toBe(labels.length);
  });

  test('categoriesFor keeps card order and adds maker choices for makers', () => {
    expect(categoriesFor('anyone')).toEqual(['solution-problem', 'access', 'find-or-how-to', 'connector-or-environment', 'platform-issue']);
    expect(categoriesFor('maker')).toEqual(REQUEST_CATEGORIES);
  });

  test('parsing card data', () => {
    for (const c of REQUEST_CATEGORIES) expect(parseRequestCategory(c)).toBe(c);
    for (const bad of ['problem', 'ACCESS', '', null, 3]) {
      expect(isRequestCategory(bad)).toBe(false);
      expect(() => parseRequestCategory(bad)).toThrow(UnknownValueError);
    }
  });
});
