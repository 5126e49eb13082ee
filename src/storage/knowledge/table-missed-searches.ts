/**
 * Searches the answers step found nothing for, in the Knowledge table's own `kb-miss` partition:
 * `miss|{language}|{hash of the normalised question}`, one row per question with its count and last
 * time (domain/knowledge/missed-search.ts). A count is read → write with the row's ETag, so two
 * instances counting at once both count; the question is cut before it is stored.
 */
import { createHash } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { countMiss, missedLanguage, normalizeQuery, type MissedSearch } from '../../domain/knowledge/missed-search';
import type { MissedSearchLog } from '../../domain/ports/knowledge-review';
import { jsonProperties, readJson, type DataRow } from '../stored-text';
import { getOrUndefined, isStatus, listRange, unavailable } from '../table-calls';

export const MISSED_PARTITION = 'kb-miss';
const PREFIX = 'miss|';
/** Attempts at counting against concurrent counts (each reads again). */
const ATTEMPTS = 5;
/**
 * Rows the review list reads at most. A knowledge base's missed questions are hundreds, not
 * millions; past this the oldest-keyed rows are not considered (the list shows the 10 newest).
 */
export const MAX_MISSED_ROWS = 2000;

function rowKeyOf(query: string, language: string): string {
  const hash = createHash('sha256').update(query, 'utf8').digest('hex').slice(0, 32);
  return `${PREFIX}${language}|${hash}`;
}

export class TableMissedSearches implements MissedSearchLog {
  constructor(private readonly table: TableClient) {}

  async record(text: string, language: string, at: Date): Promise<void> {
    const query = normalizeQuery(text);
    if (query === '') return;
    const lang = missedLanguage(language);
    const rowKey = rowKeyOf(query, lang);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const stored = await getOrUndefined<DataRow>(this.table, MISSED_PARTITION, rowKey, 'read a missed search');
      const next = countMiss(stored ? readJson<MissedSearch>(stored, 'data') : undefined, query, lang, at.toISOString());
      const row: DataRow = { partitionKey: MISSED_PARTITION, rowKey, ...jsonProperties('data', next) };
      try {
        if (stored) await this.table.updateEntity(row, 'Replace', { etag: stored.etag });
        else await this.table.createEntity(row);
        return;
      } catch (error) {
        // Someone counted first (412) or created it first (409): read again and count on top.
        if (!isStatus(error, 'changed', 'exists')) throw unavailable('count a missed search', error);
      }
    }
  }

  async recent(limit: number): Promise<MissedSearch[]> {
    const rows = await listRange<DataRow>(
      this.table,
      { partitionKey: MISSED_PARTITION, prefix: PREFIX, limit: MAX_MISSED_ROWS },
      'read missed searches',
    );
    return rows
      .map((row) => readJson<MissedSearch>(row, 'data'))
      .sort((a, b) => b.lastAt.localeCompare(a.lastAt))
      .slice(0, limit);
  }
}
