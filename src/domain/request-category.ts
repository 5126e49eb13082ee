/**
 * What the requester needs: the first question of the intake. Each category says whether the
 * questionnaire asks for a solution and whether it belongs to the help desk whatever the tier.
 */
import { literalGuard, literalParser } from './errors';

export const REQUEST_CATEGORIES = [
  'solution-problem',
  'access',
  'find-or-how-to',
  'connector-or-environment',
  'platform-issue',
  'maker-stuck',
  'graduation',
] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const isRequestCategory = literalGuard(REQUEST_CATEGORIES);
export const parseRequestCategory = literalParser('request category', REQUEST_CATEGORIES);

/**
 * required: the "Which solution?" step is shown and the route depends on the answer
 *   ("It's not listed" is still allowed and flags the request as not in the catalog);
 * optional: the step is shown, the answer is context for the help desk only;
 * none: the step is skipped.
 */
export type SolutionStep = 'required' | 'optional' | 'none';

export interface RequestCategoryInfo {
  readonly id: RequestCategory;
  /** maker: offered under "for makers" (the requester is talking about their own solution). */
  readonly audience: 'anyone' | 'maker';
  readonly solutionStep: SolutionStep;
  /** The guidance gives these to the help desk (type 3) whatever the solution's tier. */
  readonly alwaysHelpDesk: boolean;
}

export const REQUEST_CATEGORY_INFO: Readonly<Record<RequestCategory, RequestCategoryInfo>> = {
  'solution-problem': {
    id: 'solution-problem',
    audience: 'anyone',
    solutionStep: 'required',
    alwaysHelpDesk: false,
  },
  access: {
    id: 'access',
    audience: 'anyone',
    solutionStep: 'optional',
    alwaysHelpDesk: true,
  },
  'find-or-how-to': {
    id: 'find-or-how-to',
    audience: 'anyone',
    solutionStep: 'none',
    alwaysHelpDesk: true,
  },
  'connector-or-environment': {
    id: 'connector-or-environment',
    audience: 'anyone',
    solutionStep: 'none',
    alwaysHelpDesk: true,
  },
  'platform-issue': {
    id: 'platform-issue',
    audience: 'anyone',
    solutionStep: 'none',
    alwaysHelpDesk: true,
  },
  'maker-stuck': {
    id: 'maker-stuck',
    audience: 'maker',
    solutionStep: 'required',
    alwaysHelpDesk: false,
  },
  graduation: {
    id: 'graduation',
    audience: 'maker',
    solutionStep: 'required',
    alwaysHelpDesk: false,
  },
};

export function categoryInfo(category: RequestCategory): RequestCategoryInfo {
  return REQUEST_CATEGORY_INFO[category];
}

/** True when the route depends on which solution was picked. */
export function needsSolution(category: RequestCategory): boolean {
  return REQUEST_CATEGORY_INFO[category].solutionStep === 'required';
}

/** True when the questionnaire shows the "Which solution?" step at all. */
export function asksForSolution(category: RequestCategory): boolean {
  return REQUEST_CATEGORY_INFO[category].solutionStep !== 'none';
}

export function isAlwaysHelpDesk(category: RequestCategory): boolean {
  return REQUEST_CATEGORY_INFO[category].alwaysHelpDesk;
}

/** Categories offered to a requester, in card order; maker-only ones last. */
export function categoriesFor(audience: 'anyone' | 'maker'): readonly RequestCategory[] {
  return REQUEST_CATEGORIES.filter((c) => audience === 'maker' || REQUEST_CATEGORY_INFO[c].audience === 'anyone');
}
