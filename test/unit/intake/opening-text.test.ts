import { newIntake } from '../../../src/domain/intake/intake-draft';
import { canAdoptOpening, openedWith, openingValues, queryOf, searchWordsOf } from '../../../src/domain/intake/opening-text';

const requester = { aadObjectId: 'a1e0c0de-0000-4000-8000-000000000001', displayName: 'Alex Wilber' };
const now = new Date('2026-11-20T10:00:00Z');

describe('a questionnaire opened with what someone wrote', () => {
  it.each([
    ["my expense app won't save receipts", 'expense save receipts'],
    ['Hi, I need help please', ''],
    ['Bonjour, mon appli Feuille de temps ne marche plus', 'feuille temps'],
    ['Hej! Jag behöver hjälp med Reseräkningar, den fungerar inte', 'reserakningar'],
    ['경비 보고서 앱이 안 돼요', '경비 보고서'],
  ])('searches the catalog for the words that can name a solution: %s', (message, words) => {
    expect(searchWordsOf(message)).toBe(words);
  });

  it('keeps at most eight words and the search within its limit', () => {
    const words = searchWordsOf('alpha bravo charlie delta echo foxtrot golf hotel india juliet');
    expect(words.split(' ')).toHaveLength(8);
    expect(searchWordsOf('supercalifragilistic '.repeat(20)).length).toBeLessThanOrEqual(100);
  });

  it('keeps the whole message as the description (line breaks too) and suggests its first line as the title', () => {
    const message = `The export fails\n\n${'x'.repeat(3_000)}`;
    const draft = openedWith(newIntake('i', requester, now), message);
    expect(openingValues(draft)).toEqual({ title: 'The export fails', description: message });
    expect(canAdoptOpening(draft)).toBe(false);
  });

  it('offers the suggested search until the requester searches themselves, even for nothing', () => {
    const draft = openedWith(newIntake('i', requester, now), 'the room booking flow is broken');
    expect(queryOf(draft)).toBe('room booking flow');
    expect(queryOf({ ...draft, searchQuery: '' })).toBe('');
    expect(canAdoptOpening(newIntake('j', requester, now))).toBe(true);
  });
});
