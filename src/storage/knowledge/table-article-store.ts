import { TableClient, TableTransaction } from '@azure/data-tables';
import type { Article, ArticleSummary } from '../../domain/knowledge/article';
import type { ArticleEvent } from '../../domain/knowledge/article-history';
import type { ArticleRepository, StoredArticle } from '../../domain/ports/knowledge';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { DataRow } from '../stored-text';
import { getOrUndefined, listRange, submit } from '../table-calls';
import {
  ARTICLE_ROWS,
  articleEntity,
  articleOf,
  eventOf,
  historyEntities,
  KNOWLEDGE_PARTITION,
  summaryEntity,
  summaryOfRow,
  versionEntity,
} from './article-rows';

/** Articles in the Knowledge table (rows: article-rows.ts). Every write is one transaction guarded by the article's ETag. */
export class TableArticleStore implements ArticleRepository {
  constructor(private readonly table: TableClient) {}

  async get(id: string): Promise<StoredArticle | undefined> {
    return getOrUndefined(
      this.table,
      KNOWLEDGE_PARTITION,
      ARTICLE_ROWS.article(id),
      `read article ${id}`,
      (row: DataRow & { etag: string }) => ({
        article: articleOf(row),
        etag: row.etag,
      }),
    );
  }

  async create(article: Article, events: readonly ArticleEvent[]): Promise<StoredArticle> {
    const tx = new TableTransaction();
    // A create fails with 409 when the article exists: nothing else of the transaction is written.
    tx.createEntity(articleEntity(article));
    return this.write(tx, article, events, 'create');
  }

  async update(stored: StoredArticle, next: Article, events: readonly ArticleEvent[]): Promise<StoredArticle> {
    const tx = new TableTransaction();
    // The article row's ETag guards the whole transaction: if it is stale, none of these rows is written.
    tx.updateEntity(articleEntity(next), 'Replace', { etag: stored.etag });
    return this.write(tx, next, events, 'update');
  }

  async history(id: string): Promise<ArticleEvent[]> {
    const rows = await listRange<DataRow>(
      this.table,
      { partitionKey: KNOWLEDGE_PARTITION, prefix: ARTICLE_ROWS.historyPrefix(id), limit: 5000 },
      `read article ${id} history`,
    );
    return rows.map(eventOf);
  }

  async listSummaries(): Promise<ArticleSummary[]> {
    const rows = await listRange<DataRow>(
      this.table,
      { partitionKey: KNOWLEDGE_PARTITION, prefix: ARTICLE_ROWS.summaryPrefix },
      'read article summaries',
    );
    return rows.map(summaryOfRow);
  }

  async readVersion(): Promise<string | undefined> {
    const row = await getOrUndefined(this.table, KNOWLEDGE_PARTITION, ARTICLE_ROWS.version, 'read knowledge version');
    return row?.etag;
  }

  private async write(tx: TableTransaction, article: Article, events: readonly ArticleEvent[], what: string): Promise<StoredArticle> {
    tx.upsertEntity(summaryEntity(article), 'Replace');
    historyEntities(article, events).forEach((row) => tx.createEntity(row));
    tx.upsertEntity(versionEntity(article.updatedAt), 'Replace');
    const response = await submit(this.table, tx, `${what} article ${article.id}`, {
      on: ['changed', 'exists', 'gone'],
      key: `article ${article.id}`,
    });
    const etag = response.getResponseForEntity(ARTICLE_ROWS.article(article.id))?.etag ?? response.subResponses[0]?.etag;
    if (typeof etag === 'string') return { article, etag };
    const reread = await this.get(article.id);
    if (!reread) throw new ConcurrencyConflictError(`article ${article.id}`);
    return reread;
  }
}
