/**
 * A knowledge base article: a short answer to a common question, written by the help desk or the
 * dedicated team, shown to requesters before they open a ticket (issue 16). Pure data; the status
 * moves are article-status.ts, the checks article-validation.ts, the answer's Markdown safe-markdown.ts.
 */
import type { PersonRef } from '../history';
import type { RequestCategory } from '../request-category';

export const ARTICLE_STATUSES = ['draft', 'published', 'retired'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** The languages an article can be written in: the bot's. */
export const ARTICLE_LANGUAGES = ['en', 'fr', 'sv', 'ko'] as const;
export type ArticleLanguage = (typeof ARTICLE_LANGUAGES)[number];

/** Where an article came from, when it was not written from scratch. */
export type ArticleSource =
  | { readonly kind: 'ticket'; readonly ticketId: string; readonly ticketNumber: string; readonly from: 'help-desk' | 'dedicated-team' }
  | { readonly kind: 'import'; readonly file: string };

export interface Article {
  /** Lower-case letters, digits and dashes (a storage key and a file name). */
  readonly id: string;
  /** 1 on creation, +1 on every change (keys the history rows). */
  readonly version: number;
  readonly title: string;
  /** The answer in the safe Markdown subset (safe-markdown.ts). */
  readonly answer: string;
  readonly language: ArticleLanguage;
  /** Catalog solutions it answers questions about (may be empty). */
  readonly solutionIds: readonly string[];
  /** Request categories it answers (may be empty). */
  readonly categories: readonly RequestCategory[];
  readonly keywords: readonly string[];
  readonly author: PersonRef;
  /** Who keeps it current; the knowledge owners when unset. */
  readonly owner?: PersonRef;
  readonly status: ArticleStatus;
  /** ISO date (yyyy-mm-dd) by which someone should check it is still right. */
  readonly reviewBy?: string;
  readonly helpful: number;
  readonly notHelpful: number;
  readonly source?: ArticleSource;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly publishedAt?: string;
}

/** What a new article is made of; the rest is set by newArticle. */
export type ArticleContent = Pick<Article, 'id' | 'title' | 'answer' | 'language' | 'solutionIds' | 'categories' | 'keywords'> &
  Partial<Pick<Article, 'owner' | 'reviewBy' | 'source'>>;

export function newArticle(content: ArticleContent, author: PersonRef, now: Date): Article {
  const at = now.toISOString();
  return { ...content, version: 1, author, status: 'draft', helpful: 0, notHelpful: 0, createdAt: at, updatedAt: at };
}

/** What search and the review list need of an article, without its answer (stored as its own small row). */
export type ArticleSummary = Pick<
  Article,
  | 'id'
  | 'title'
  | 'language'
  | 'solutionIds'
  | 'categories'
  | 'keywords'
  | 'status'
  | 'reviewBy'
  | 'helpful'
  | 'notHelpful'
  | 'updatedAt'
  | 'owner'
>;

export function summaryOf(article: Article): ArticleSummary {
  const { id, title, language, solutionIds, categories, keywords, status, reviewBy, helpful, notHelpful, updatedAt, owner } = article;
  return {
    id,
    title,
    language,
    solutionIds,
    categories,
    keywords,
    status,
    helpful,
    notHelpful,
    updatedAt,
    ...(reviewBy ? { reviewBy } : {}),
    ...(owner ? { owner } : {}),
  };
}
