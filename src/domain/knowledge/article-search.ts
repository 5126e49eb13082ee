/**
 * Search over published articles, with the catalog's search engine (src/domain/catalog/search/): the
 * same normalisation (case, accents, punctuation; Hangul by whole syllables), word prefixes and typo
 * tolerance, over each article's title and keywords (the answer is not indexed: a long answer would
 * dilute the share of its words a query matches, and titles are what people ask).
 *
 * Ranking for one person: articles in their language first, then articles about the solution or the
 * need they chose, then the engine's score. Retired and draft articles are never in the index.
 */
import { SearchIndex } from '../catalog/search/search-index';
import type { RequestCategory } from '../request-category';
import type { ArticleSummary } from './article';

export interface ArticleQuery {
  readonly text: string;
  /** The person's language: their articles come first. */
  readonly language: string;
  readonly solutionId?: string;
  readonly category?: RequestCategory;
  readonly limit: number;
}

export interface ArticleHit {
  readonly article: ArticleSummary;
  readonly score: number;
}

/** How many engine hits are ranked again per result asked for (enough for each language to show). */
const CANDIDATES_PER_RESULT = 10;
/** What matching the chosen solution or need adds to an article's score (less than one whole word). */
const CONTEXT_BONUS = 0.15;

export class ArticleSearch {
  private readonly index: SearchIndex<ArticleSummary>;

  private constructor(published: readonly ArticleSummary[]) {
    this.index = SearchIndex.build(published, (a) => ({ id: a.id, name: `${a.title} ${a.keywords.join(' ')}` }));
  }

  /** The index of the published ones among `summaries`. */
  static build(summaries: readonly ArticleSummary[]): ArticleSearch {
    return new ArticleSearch(summaries.filter((s) => s.status === 'published'));
  }

  get size(): number {
    return this.index.size;
  }

  search(query: ArticleQuery): ArticleHit[] {
    if (query.limit <= 0) return [];
    const hits = this.index.search(query.text, query.limit * CANDIDATES_PER_RESULT);
    const ranked = hits.map(({ item, score }) => ({
      article: item,
      score: score + (this.inContext(item, query) ? CONTEXT_BONUS : 0),
      own: item.language === query.language,
    }));
    ranked.sort((a, b) => Number(b.own) - Number(a.own) || b.score - a.score);
    return ranked.slice(0, query.limit).map(({ article, score }) => ({ article, score }));
  }

  private inContext(article: ArticleSummary, query: ArticleQuery): boolean {
    return (
      (query.solutionId !== undefined && article.solutionIds.includes(query.solutionId)) ||
      (query.category !== undefined && article.categories.includes(query.category))
    );
  }
}
