import type { ArticleSummary } from '../../../src/domain/knowledge/article';
import { ArticleSearch } from '../../../src/domain/knowledge/article-search';

function summary(id: string, title: string, language: string, overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    title,
    language: language as ArticleSummary['language'],
    solutionIds: [],
    categories: [],
    keywords: [],
    status: 'published',
    helpful: 0,
    notHelpful: 0,
    updatedAt: '2026-12-01T09:00:00Z',
    ...overrides,
  };
}

const ARTICLES = [
  summary('access-en', 'Request access to an app', 'en', { keywords: ['permission', 'share'], categories: ['access'] }),
  summary('access-fr', "Demander l'accès à une application", 'fr', { keywords: ['autorisation', 'permission'], categories: ['access'] }),
  summary('access-ko', '앱 액세스 요청', 'ko', { keywords: ['권한', 'permission'], categories: ['access'] }),
  summary('connector-en', 'Request a new connector', 'en', { categories: ['connector-or-environment'] }),
  summary('expense-en', 'Expense Tracker shows a blank screen', 'en'),
  summary('expense-sol', 'Expense Tracker screen stays blank after update', 'en', { solutionIds: ['sol-expense'] }),
  summary('draft-en', 'Request access draft', 'en', { status: 'draft' }),
  summary('retired-en', 'Request access retired', 'en', { status: 'retired' }),
];

const ids = (hits: ReturnType<ArticleSearch['search']>) => hits.map((h) => h.article.id);

describe('article search', () => {
  const search = ArticleSearch.build(ARTICLES);

  it('indexes published articles only', () => {
    expect(search.size).toBe(6);
    expect(ids(search.search({ text: 'draft retired', language: 'en', limit: 5 }))).toEqual([]);
  });

  it('tolerates typos and word prefixes', () => {
    expect(ids(search.search({ text: 'requst acess', language: 'en', limit: 1 }))).toEqual(['access-en']);
    expect(ids(search.search({ text: 'conn', language: 'en', limit: 1 }))).toEqual(['connector-en']);
  });

  it('ignores accents and case, and matches Korean by whole syllables', () => {
    expect(ids(search.search({ text: 'ACCES application', language: 'fr', limit: 1 }))).toEqual(['access-fr']);
    expect(ids(search.search({ text: '액세스', language: 'ko', limit: 1 }))).toEqual(['access-ko']);
  });

  it("puts the person's language first", () => {
    const korean = ids(search.search({ text: 'permission', language: 'ko', limit: 3 }));
    expect(korean[0]).toBe('access-ko');
    expect([...korean].sort()).toEqual(['access-en', 'access-fr', 'access-ko']);
    expect(search.search({ text: 'permission', language: 'fr', limit: 3 })[0]!.article.id).toBe('access-fr');
    expect(search.search({ text: 'permission', language: 'sv', limit: 3 })).toHaveLength(3);
  });

  it('ranks an article about the chosen solution above an equal match', () => {
    expect(ids(search.search({ text: 'expense tracker blank screen', language: 'en', limit: 2 }))).toEqual(['expense-en', 'expense-sol']);
    const inContext = search.search({ text: 'expense tracker blank screen', language: 'en', solutionId: 'sol-expense', limit: 2 });
    expect(ids(inContext)).toEqual(['expense-sol', 'expense-en']);
  });
});
