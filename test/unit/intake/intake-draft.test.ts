import {
  back,
  cancel,
  chooseCategory,
  chooseSolution,
  INTAKE_TTL_MINUTES,
  FINISHED_INTAKE_RETENTION_MINUTES,
  isDisposable,
  isExpired,
  markSubmitted,
  newIntake,
  searchSolutions,
  setDetails,
  stepsFor,
  type IntakeDetails,
} from '../../../src/domain/intake/intake-draft';
import { REQUEST_CATEGORIES, type RequestCategory } from '../../../src/domain/request-category';

const ALEX = { aadObjectId: 'a1e0c0de-0000-4000-8000-000000000001', displayName: 'Alex Wilber' };
const T0 = new Date('2026-11-20T10:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const DETAILS: IntakeDetails = { title: 't', description: 'd', since: '', impact: 'me', urgency: 'blocked' };

describe('intake draft', () => {
  it('starts open on the first step, stamped with the clock', () => {
    expect(newIntake('id-1', ALEX, T0)).toEqual({
      id: 'id-1',
      requester: ALEX,
      state: 'open',
      step: 'need',
      createdAt: T0.toISOString(),
      updatedAt: T0.toISOString(),
    });
  });

  it.each<[RequestCategory, string[]]>([
    ['solution-problem', ['need', 'solution', 'details', 'review']],
    ['access', ['need', 'solution', 'details', 'review']],
    ['maker-stuck', ['need', 'solution', 'details', 'review']],
    ['graduation', ['need', 'solution', 'details', 'review']],
    ['find-or-how-to', ['need', 'details', 'review']],
    ['connector-or-environment', ['need', 'details', 'review']],
    ['platform-issue', ['need', 'details', 'review']],
  ])('%s goes through %j', (category, steps) => {
    expect(stepsFor(category)).toEqual(steps);
  });

  it('covers every category in the step table above', () => {
    expect(REQUEST_CATEGORIES).toHaveLength(7);
  });

  it('shows all four steps before a need is chosen', () => {
    expect(stepsFor(undefined)).toEqual(['need', 'solution', 'details', 'review']);
  });

  it('moves to the solution step, or straight to details when the need has none', () => {
    const draft = newIntake('id', ALEX, T0);
    expect(chooseCategory(draft, 'solution-problem', at(1))).toMatchObject({
      category: 'solution-problem',
      step: 'solution',
      updatedAt: at(1).toISOString(),
    });
    expect(chooseCategory(draft, 'platform-issue', at(1)).step).toBe('details');
  });

  it('forgets the solution when the need changes, and keeps it when the same need is chosen again', () => {
    const picked = chooseSolution(
      searchSolutions(chooseCategory(newIntake('id', ALEX, T0), 'solution-problem', T0), 'exp', T0),
      'expense',
      T0,
    );
    expect(chooseCategory(back(back(picked, T0), T0), 'solution-problem', T0)).toMatchObject({ solutionId: 'expense', searchQuery: 'exp' });
    const changed = chooseCategory(picked, 'access', T0);
    expect(changed.solutionId).toBeUndefined();
    expect(changed.searchQuery).toBeUndefined();
  });

  it('records "It\'s not listed" as null, distinct from no choice', () => {
    const draft = chooseSolution(chooseCategory(newIntake('id', ALEX, T0), 'solution-problem', T0), null, T0);
    expect(draft).toMatchObject({ solutionId: null, step: 'details' });
  });

  it('walks back one step at a time, skipping the solution step when the need has none, and stops at the first', () => {
    const full = setDetails(chooseSolution(chooseCategory(newIntake('id', ALEX, T0), 'solution-problem', T0), null, T0), DETAILS, T0);
    expect(full.step).toBe('review');
    const steps = [full];
    for (let i = 0; i < 4; i++) steps.push(back(steps[steps.length - 1], T0));
    expect(steps.map((d) => d.step)).toEqual(['review', 'details', 'solution', 'need', 'need']);
    expect(steps[4].details).toEqual(DETAILS);

    const short = setDetails(chooseCategory(newIntake('id', ALEX, T0), 'platform-issue', T0), DETAILS, T0);
    expect(back(back(short, T0), T0).step).toBe('need');
    expect(back(short, T0).step).toBe('details');
  });

  it('cancels and submits without losing the answers', () => {
    const draft = setDetails(chooseCategory(newIntake('id', ALEX, T0), 'access', T0), DETAILS, T0);
    expect(cancel(draft, at(5))).toMatchObject({ state: 'cancelled', details: DETAILS, updatedAt: at(5).toISOString() });
    expect(markSubmitted(draft, 'req-1', at(6))).toMatchObject({ state: 'submitted', requestId: 'req-1', details: DETAILS });
  });

  it('expires an open draft left alone longer than the TTL, counted from the last change', () => {
    const draft = chooseCategory(newIntake('id', ALEX, T0), 'access', at(60));
    expect(isExpired(draft, at(60 + INTAKE_TTL_MINUTES))).toBe(false);
    expect(isExpired(draft, at(60 + INTAKE_TTL_MINUTES + 1))).toBe(true);
    expect(isExpired(newIntake('id', ALEX, T0), at(INTAKE_TTL_MINUTES + 1))).toBe(true);
  });

  it('never expires a submitted or cancelled draft (they show their outcome instead)', () => {
    const draft = newIntake('id', ALEX, T0);
    expect(isExpired(markSubmitted(draft, 'r', T0), at(10 * INTAKE_TTL_MINUTES))).toBe(false);
    expect(isExpired(cancel(draft, T0), at(10 * INTAKE_TTL_MINUTES))).toBe(false);
  });

  it('disposes of open drafts once expired, and of finished ones after the retention', () => {
    const open = newIntake('id', ALEX, T0);
    expect(isDisposable(open, at(INTAKE_TTL_MINUTES))).toBe(false);
    expect(isDisposable(open, at(INTAKE_TTL_MINUTES + 1))).toBe(true);
    for (const finished of [markSubmitted(open, 'r', T0), cancel(open, T0)]) {
      expect(isDisposable(finished, at(INTAKE_TTL_MINUTES + 1))).toBe(false);
      expect(isDisposable(finished, at(FINISHED_INTAKE_RETENTION_MINUTES))).toBe(false);
      expect(isDisposable(finished, at(FINISHED_INTAKE_RETENTION_MINUTES + 1))).toBe(true);
    }
  });
});
