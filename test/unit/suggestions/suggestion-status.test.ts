/**
 * A suggestion's status moves (domain/suggestions/): every pair of statuses, and what a change
 * records. new → under review → planned / done / declined; done and declined are final; a decline
 * needs a note.
 */
import { changeSuggestionStatus, newSuggestion, readSuggestionForm, SUGGESTION_LIMITS } from '../../../src/domain/suggestions/suggestion';
import {
  isOpenSuggestion,
  mayMove,
  SUGGESTION_MOVES,
  SUGGESTION_STATUSES,
  type SuggestionStatus,
} from '../../../src/domain/suggestions/suggestion-status';

const ALLOWED: ReadonlyArray<readonly [SuggestionStatus, SuggestionStatus]> = [
  ['new', 'under-review'],
  ['new', 'planned'],
  ['new', 'declined'],
  ['under-review', 'planned'],
  ['under-review', 'done'],
  ['under-review', 'declined'],
  ['planned', 'done'],
  ['planned', 'declined'],
];
const PAIRS = SUGGESTION_STATUSES.flatMap((from) => SUGGESTION_STATUSES.map((to) => [from, to] as const));
const BY = { aadObjectId: 'a1', displayName: 'Isaiah Langer' };
const SUGGESTER = { aadObjectId: 'd1', displayName: 'Diego Siciliani' };
const AT = '2026-11-23T10:00:00.000Z';
const item = (status: SuggestionStatus) => ({
  ...newSuggestion(
    'sg-1',
    { id: 't1', number: 'HD-000042', title: 'Travel app' },
    { observed: 'We create environments by hand every day', frequency: 'daily', proposal: '' },
    SUGGESTER,
    '2026-11-23T09:00:00.000Z',
  ),
  status,
});

describe('suggestion status moves', () => {
  it.each(PAIRS)('%s → %s is allowed only where the table says', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(mayMove(from, to)).toBe(allowed);
    if (to === 'new') return; // nobody moves an item back to new: it is no button
    const change = changeSuggestionStatus(item(from), to, 'Because.', BY, AT);
    expect(change.ok).toBe(allowed);
    if (change.ok) {
      expect(change.next).toMatchObject({ status: to, changedAt: AT, changedBy: BY, note: 'Because.', suggester: SUGGESTER });
      expect(change.event).toEqual({ at: AT, by: BY, from, to, note: 'Because.' });
    } else {
      expect(change.reason).toBe('not-allowed');
    }
  });

  it('done and declined are final and not open; the others are open', () => {
    expect(SUGGESTION_STATUSES.filter(isOpenSuggestion)).toEqual(['new', 'under-review', 'planned']);
    for (const to of SUGGESTION_MOVES) {
      expect(mayMove('done', to)).toBe(false);
      expect(mayMove('declined', to)).toBe(false);
    }
  });

  it('a decline needs a note; other moves do not; a note over its limit is refused before anything else', () => {
    expect(changeSuggestionStatus(item('new'), 'declined', '  ', BY, AT)).toEqual({ ok: false, reason: 'note-required' });
    expect(changeSuggestionStatus(item('new'), 'declined', undefined, BY, AT)).toEqual({ ok: false, reason: 'note-required' });
    const reviewed = changeSuggestionStatus(item('new'), 'under-review', '', BY, AT);
    expect(reviewed.ok && reviewed.next.note).toBeUndefined();
    const tooLong = 'x'.repeat(SUGGESTION_LIMITS.note + 1);
    expect(changeSuggestionStatus(item('done'), 'declined', tooLong, BY, AT)).toEqual({ ok: false, reason: 'note-too-long' });
  });

  it("a new status drops the previous change's note", () => {
    const planned = changeSuggestionStatus(item('new'), 'planned', 'Next sprint.', BY, AT);
    if (!planned.ok) throw new Error(planned.reason);
    const done = changeSuggestionStatus(planned.next, 'done', '', BY, AT);
    expect(done.ok && done.next.note).toBeUndefined();
  });
});

describe('the form', () => {
  it('reads within its limits, trims, and needs what was observed and how often', () => {
    expect(readSuggestionForm({ observed: '  Same question every day 🙂  ', frequency: 'weekly' })).toEqual({
      ok: true,
      form: { observed: 'Same question every day 🙂', frequency: 'weekly', proposal: '' },
    });
    expect(readSuggestionForm({ observed: 'x'.repeat(SUGGESTION_LIMITS.observed + 1), frequency: 'daily' })).toEqual({
      ok: false,
      reason: 'too-long',
    });
    expect(readSuggestionForm({ observed: 'a', proposal: 'y'.repeat(SUGGESTION_LIMITS.proposal + 1), frequency: 'daily' })).toEqual({
      ok: false,
      reason: 'too-long',
    });
    expect(readSuggestionForm({ observed: ' ', frequency: 'daily' })).toEqual({ ok: false, reason: 'observed-required' });
    expect(readSuggestionForm({ observed: 'a', frequency: 'hourly' })).toEqual({ ok: false, reason: 'frequency-required' });
    expect(readSuggestionForm({ observed: 42, frequency: 'daily' })).toEqual({ ok: false, reason: 'too-long' });
  });
});
