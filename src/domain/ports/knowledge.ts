/** The knowledge base's storage port (adapter: src/storage/knowledge/table-article-store.ts). */
import type { Article, ArticleSummary } from '../knowledge/article';
import type { ArticleEvent } from '../knowledge/article-history';
import type { Versioned } from './versioned';

export interface StoredArticle extends Versioned {
  readonly article: Article;
}

export interface ArticleRepository {
  get(id: string): Promise<StoredArticle | undefined>;
  /** Creates the article with its history; ConcurrencyConflictError when the id exists. */
  create(article: Article, events: readonly ArticleEvent[]): Promise<StoredArticle>;
  /** Replaces the article read as `stored` (ETag) with its history in one transaction; ConcurrencyConflictError when it changed. */
  update(stored: StoredArticle, next: Article, events: readonly ArticleEvent[]): Promise<StoredArticle>;
  history(id: string): Promise<ArticleEvent[]>;
  /** Every article's summary (no answers), for search and the review list. */
  listSummaries(): Promise<ArticleSummary[]>;
  /** Changes whenever any article does: search caches compare it. */
  readVersion(): Promise<string | undefined>;
}
