import { boundedDistance, deletions, maxEditsFor } from '../../../../src/domain/catalog/search/edit-distance';
import { SearchIndex } from '../../../../src/domain/catalog/search/search-index';
import { normalizeText, queryTokens, queryWords, tokenize } from '../../../../src/domain/catalog/search/text-normalization';

const NAMES = [
  'Expense Tracker',
  'Expense Reports',
  'Expenses Approval Flow',
  'Travel Tracker',
  'Tracker',
  'Feuille de temps équipe',
  'Feuille de route',
  'Zeiterfassung Büro',
  'Smörgåsbord Beställning',
  'HR Helpdesk Bot',
  'Invoice Processing',
  'Site Inspection',
  'Customer Onboarding',
  'Customer Onboarding (old)',
  'IT Equipment Request',
  'Vacation Planner',
  'Łódź Office Booking',
  'SalesPipelineDashboard',
];
const index = SearchIndex.build(
  NAMES.map((name, i) => ({ id: `sol-${i}`, name })),
  (doc) => doc,
);
const names = (query: string, limit = 5) => index.search(query, limit).map((hit) => hit.item.name);

describe('text normalisation', () => {
  test.each([
    ['Feuille de temps – Équipe!', 'feuille de temps equipe'],
    ['  EXPENSE   tracker ', 'expense tracker'],
    ['Zeiterfassung Büro', 'zeiterfassung buro'],
    ['Straße', 'strasse'],
    ['Łódź', 'lodz'],
    ['SalesPipelineDashboard', 'sales pipeline dashboard'],
    ['HR/IT: v2.0', 'hr it v2 0'],
    ['!!!', ''],
  ])('%p → %p', (text, normalized) => expect(normalizeText(text)).toBe(normalized));

  it('normalises plain ASCII (its fast path) exactly as the Unicode steps do', () => {
    // A trailing "é" sends the text down the Unicode path, where it becomes "e".
    const characters = ' aAzZ09-_/.()[]:;!?\'"\tMmQq';
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      let text = '';
      for (let j = 0; j < 12; j++) {
        seed = (seed * 48271) % 2147483647;
        text += characters[seed % characters.length];
      }
      expect(normalizeText(`${text}é`)).toBe(normalizeText(`${text}e`));
    }
  });

  it('drops stop words from a query unless nothing else is left', () => {
    expect(queryTokens('Feuille de temps équipe')).toEqual(['feuille', 'temps', 'equipe']);
    expect(queryTokens('the app for HR')).toEqual(['app', 'hr']);
    expect(queryTokens('de la')).toEqual(['de', 'la']);
    expect(queryTokens('HR équipe équipe')).toEqual(['hr', 'equipe']);
    expect(queryWords('HR équipe de équipe')).toEqual(['hr', 'equipe', 'equipe']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('bounded edit distance', () => {
  test.each([
    ['expense', 'expnse', 1],
    ['tracker', 'trackr', 1],
    ['tracker', 'tracekr', 1], // adjacent transposition counts as one edit
    ['invoice', 'invocie', 1],
    ['onboarding', 'onbaordng', 2],
    ['expense', 'tracker', 3], // beyond the bound of 2: reported as bound + 1
    ['', 'abc', 3],
  ])('%p vs %p = %p (bound 2)', (a, b, d) => expect(boundedDistance(a, b, 2)).toBe(d));

  it('tolerates no typo under 4 letters, one up to 7, two from 8', () => {
    expect([3, 4, 7, 8, 12].map(maxEditsFor)).toEqual([0, 1, 1, 2, 2]);
  });

  it('builds deletion neighbourhoods', () => {
    expect([...deletions('abc', 1)].sort()).toEqual(['ab', 'abc', 'ac', 'bc']);
    expect(deletions('abcd', 2).size).toBe(1 + 4 + 6);
  });
});

describe('search', () => {
  test.each<[string, string]>([
    // exact, any case
    ['Expense Tracker', 'Expense Tracker'],
    ['expense tracker', 'Expense Tracker'],
    ['EXPENSE TRACKER', 'Expense Tracker'],
    // misspelled
    ['expnse trackr', 'Expense Tracker'],
    ['expense tracekr', 'Expense Tracker'],
    ['invocie procesing', 'Invoice Processing'],
    ['custmer onbaording', 'Customer Onboarding'],
    ['vacaton planer', 'Vacation Planner'],
    ['helpdsk', 'HR Helpdesk Bot'],
    // word prefixes
    ['exp track', 'Expense Tracker'],
    ['inv proc', 'Invoice Processing'],
    ['site insp', 'Site Inspection'],
    // accents, either way round
    ['feuille temps equipe', 'Feuille de temps équipe'],
    ['Feuille de temps équipe', 'Feuille de temps équipe'],
    ['FEUILLE DE TEMPS EQUIPE', 'Feuille de temps équipe'],
    ['zeiterfassung buro', 'Zeiterfassung Büro'],
    ['smorgasbord bestallning', 'Smörgåsbord Beställning'],
    ['lodz office', 'Łódź Office Booking'],
    // joined words
    ['sales pipeline', 'SalesPipelineDashboard'],
    // the id
    ['SOL-11', 'Site Inspection'],
  ])('%p finds %p first', (query, expected) => {
    expect(names(query)[0]).toBe(expected);
  });

  it.each(['', '   ', '?!', 'zzzz qqqq', 'xy'])('finds nothing for %p', (query) => {
    expect(index.search(query)).toEqual([]);
  });

  it('ranks exact over prefix over typo for the same word', () => {
    const hits = SearchIndex.build(
      ['Tracker', 'Trackers', 'Tracked'].map((name) => ({ id: name, name })),
      (d) => d,
    ).search('tracker');
    expect(hits.map((h) => h.item.name)).toEqual(['Tracker', 'Trackers', 'Tracked']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[1]!.score).toBeGreaterThan(hits[2]!.score);
  });

  it('ranks names that match every query word above names that match some, even exactly', () => {
    // "Expense Reports" matches "expense" exactly; "Expense Tracker" matches both words, one by a typo.
    expect(names('expense trackr').slice(0, 2)).toEqual(['Expense Tracker', 'Expense Reports']);
    expect(names('tracker travel')[0]).toBe('Travel Tracker');
  });

  it('ranks a shorter name slightly higher when the match is otherwise equal', () => {
    expect(names('tracker').slice(0, 3)).toEqual(['Tracker', 'Travel Tracker', 'Expense Tracker']);
    expect(names('customer onboarding').slice(0, 2)).toEqual(['Customer Onboarding', 'Customer Onboarding (old)']);
  });

  it('finds a name with a repeated word first when it is typed as it is', () => {
    const repeated = SearchIndex.build(
      ['Sales Vendor Schedule Schedule', 'Sales Vendor Schedule', 'Sales Schedule Vendor Flow', 'Sales Vendor Loan Schedule'].map(
        (name, i) => ({ id: `r-${i}`, name }),
      ),
      (d) => d,
    );
    const found = (query: string) => repeated.search(query, 4).map((hit) => hit.item.name);
    expect(found('Sales Vendor Schedule Schedule')[0]).toBe('Sales Vendor Schedule Schedule');
    expect(found('sales vendor schedule')[0]).toBe('Sales Vendor Schedule');
    // Its share of matched words counts distinct words: three of three, like the name without the repeat.
    expect(found('sales vendor schedule').slice(0, 2)).toEqual(['Sales Vendor Schedule', 'Sales Vendor Schedule Schedule']);
  });

  it('returns at most `limit` hits, best first, with scores between 0 and 1', () => {
    const hits = index.search('e', 50).concat(index.search('ex', 2));
    expect(index.search('ex', 2)).toHaveLength(2);
    for (const hit of hits) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
    const all = index.search('tracker', 10).map((h) => h.score);
    expect([...all].sort((a, b) => b - a)).toEqual(all);
    expect(index.search('tracker', 0)).toEqual([]);
  });
});

describe('search in Hangul and mixed scripts', () => {
  const korean = SearchIndex.build(
    ['급여 관리 앱', '급여명세서 조회', '휴가 신청 Flow', '휴가 승인', '회의실 예약', 'IT 장비 요청'].map((name, i) => ({
      id: `ko-${i}`,
      name,
    })),
    (doc) => doc,
  );
  const found = (query: string) => korean.search(query, 3).map((hit) => hit.item.name);

  test.each<[string, string]>([
    ['급여 관리 앱', '급여 관리 앱'],
    ['급여 관리', '급여 관리 앱'],
    ['급여명세', '급여명세서 조회'], // a word prefix, syllable by syllable
    ['휴가 신청 flow', '휴가 신청 Flow'],
    ['휴가 승인', '휴가 승인'],
    ['장비 요청', 'IT 장비 요청'],
    ['it 장비', 'IT 장비 요청'],
  ])('%p finds %p first', (query, expected) => {
    expect(found(query)[0]).toBe(expected);
  });

  it('ranks the name matching every word above names sharing one of them', () => {
    expect(found('휴가 신청')).toEqual(['휴가 신청 Flow', '휴가 승인']);
  });

  it('finds nothing for Hangul words no name has', () => {
    expect(korean.search('주차 등록')).toEqual([]);
  });
});

describe('Korean names (Hangul-safe)', () => {
  const korean = SearchIndex.build(
    ['경비 보고서', '경기 일정표', '휴가 신청', '고객 온보딩', 'Expense Tracker'].map((name, i) => ({ id: `ko-${i}`, name })),
    (doc) => doc,
  );
  const found = (query: string) => korean.search(query, 5).map((hit) => hit.item.name);

  it('keeps syllables whole: a word is its syllables, not their jamo', () => {
    expect(normalizeText('경비 보고서!')).toBe('경비 보고서');
    // Text that arrives decomposed (NFD jamo) is the same words.
    expect(normalizeText('경비 보고서'.normalize('NFD'))).toBe('경비 보고서');
    expect(tokenize('경비보고서')).toEqual(['경비보고서']);
  });

  test.each<[string, string]>([
    ['경비 보고서', '경비 보고서'],
    ['경비', '경비 보고서'],
    ['보고', '경비 보고서'], // a word prefix of whole syllables
    ['휴가', '휴가 신청'],
    ['고객 온보딩', '고객 온보딩'],
  ])('%p finds %p first', (query, expected) => {
    expect(found(query)[0]).toBe(expected);
  });

  it('does not take a different syllable for a typo ("경비" is not "경기")', () => {
    expect(found('경비')).toEqual(['경비 보고서']);
    expect(found('경기')).toEqual(['경기 일정표']);
    // Half a syllable (a jamo prefix) finds nothing.
    expect(found('겨')).toEqual([]);
  });
});
