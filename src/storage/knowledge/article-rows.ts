/**
 * The Knowledge table's rows. A help desk's knowledge base is thousands of articles, not millions, and
 * written rarely: one partition holds them all, so an article, its summary row and its history rows
 * are one entity-group transaction, and search reads every summary with one range query (never a scan).
 *
 * - `art|{id}`: the article's JSON (binary, stored-text.ts: Korean answers at full size), its ETag guards every change;
 * - `sum|{id}`: its summary (no answer), what search and the review list read;
 * - `hist|{id}|{version}|{seq}`: one event per row, append-only;
 * - `meta|version`: rewritten by every change, so caches know when to rebuild.
 */
import type { Article, ArticleSummary } from '../../domain/knowledge/article';
import { summaryOf } from '../../domain/knowledge/article';
import type { ArticleEvent } from '../../domain/knowledge/article-history';
import { jsonProperties, readJson, type DataRow } from '../stored-text';

export const KNOWLEDGE_PARTITION = 'kb';

export const ARTICLE_ROWS = {
  article: (id: string) => `art|${id}`,
  summary: (id: string) => `sum|${id}`,
  summaryPrefix: 'sum|',
  history: (id: string, version: number, seq: number) =>
    `hist|${id}|${version.toString().padStart(8, '0')}|${seq.toString().padStart(3, '0')}`,
  historyPrefix: (id: string) => `hist|${id}|`,
  version: 'meta|version',
} as const;

export type ArticleRow = DataRow & { status: string; language: string };

export function articleEntity(article: Article): ArticleRow {
  return {
    partitionKey: KNOWLEDGE_PARTITION,
    rowKey: ARTICLE_ROWS.article(article.id),
    ...jsonProperties('data', article, `article ${article.id}`),
    status: article.status,
    language: article.language,
  };
}

export function summaryEntity(article: Article): DataRow {
  return { partitionKey: KNOWLEDGE_PARTITION, rowKey: ARTICLE_ROWS.summary(article.id), ...jsonProperties('data', summaryOf(article)) };
}

export function historyEntities(article: Article, events: readonly ArticleEvent[]): DataRow[] {
  return events.map((event, seq) => ({
    partitionKey: KNOWLEDGE_PARTITION,
    rowKey: ARTICLE_ROWS.history(article.id, article.version, seq),
    ...jsonProperties('data', event),
  }));
}

/** The version row: its ETag is the version (its content, the time of the change, is for people). */
export function versionEntity(now: string): { partitionKey: string; rowKey: string; changedAt: string } {
  return { partitionKey: KNOWLEDGE_PARTITION, rowKey: ARTICLE_ROWS.version, changedAt: now };
}

export const articleOf = (row: DataRow): Article => readJson<Article>(row, 'data');
export const summaryOfRow = (row: DataRow): ArticleSummary => readJson<ArticleSummary>(row, 'data');
export const eventOf = (row: DataRow): ArticleEvent => readJson<ArticleEvent>(row, 'data');
