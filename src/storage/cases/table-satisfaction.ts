/**
 * Satisfaction answers (domain/ports/satisfaction.ts): one row per request, `sat|{requestId}`, in
 * the request's shard partition of the cases table. Created, never replaced: a second answer (a
 * double tap, a redelivery, another instance) meets 409 and the first one stays.
 */
import type { TableClient } from '@azure/data-tables';
import type { SatisfactionAnswer, SatisfactionRating, SatisfactionStore } from '../../domain/ports/satisfaction';
import { getOrUndefined, isStatus, listRange, translate } from '../table-calls';
import { partitionOf, partitionOfShard } from './case-partitions';

const PREFIX = 'sat|';

interface SatisfactionRow {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly requestId: string;
  readonly rating: SatisfactionRating;
  readonly by: string;
  readonly at: string;
  readonly solutionId?: string;
}

export class TableSatisfaction implements SatisfactionStore {
  constructor(private readonly table: TableClient) {}

  async record(answer: SatisfactionAnswer): Promise<boolean> {
    const row: SatisfactionRow = {
      partitionKey: partitionOf(answer.requestId),
      rowKey: `${PREFIX}${answer.requestId}`,
      requestId: answer.requestId,
      rating: answer.rating,
      by: JSON.stringify(answer.by),
      at: answer.at,
      ...(answer.solutionId ? { solutionId: answer.solutionId } : {}),
    };
    try {
      await this.table.createEntity(row);
      return true;
    } catch (error) {
      if (isStatus(error, 'exists')) return false;
      throw translate(error, 'record a satisfaction answer');
    }
  }

  async get(requestId: string): Promise<SatisfactionAnswer | undefined> {
    return getOrUndefined<SatisfactionRow, SatisfactionAnswer>(
      this.table,
      partitionOf(requestId),
      `${PREFIX}${requestId}`,
      'read a satisfaction answer',
      answerOf,
    );
  }

  async ofShard(shard: number): Promise<SatisfactionAnswer[]> {
    const rows = await listRange<SatisfactionRow>(
      this.table,
      { partitionKey: partitionOfShard(shard), prefix: PREFIX },
      'read satisfaction answers',
    );
    return rows.map(answerOf);
  }
}

function answerOf(row: SatisfactionRow): SatisfactionAnswer {
  return {
    requestId: row.requestId,
    rating: row.rating,
    by: JSON.parse(row.by) as SatisfactionAnswer['by'],
    at: row.at,
    ...(row.solutionId ? { solutionId: row.solutionId } : {}),
  };
}
