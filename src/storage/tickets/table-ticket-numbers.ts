import { TableClient, TableTransaction } from '@azure/data-tables';
import type { TicketNumberAllocator } from '../../domain/ports/tickets';
import { StorageUnavailableError } from '../../domain/ports/storage-errors';
import { formatTicketNumber, type TicketNumber } from '../../domain/ticket-number';
import { getOrUndefined, isStatus, unavailable } from '../table-calls';

/** A dedicated partition of the Cases table: the counter, and both directions of the mapping. */
const PARTITION = 'ticket-numbers';
const COUNTER = 'counter';
const allocRow = (requestId: string) => `alloc|${requestId}`;
const numberRow = (number: string) => `num|${number}`;

interface CounterRow {
  partitionKey: string;
  rowKey: string;
  next: number;
}
interface LinkRow {
  partitionKey: string;
  rowKey: string;
  data: string;
}

const MAX_ATTEMPTS = 50;

/**
 * Hands out HD-000001, HD-000002… : unique under concurrency (the counter moves only with its ETag,
 * in the same transaction as the `alloc|{requestId}` and `num|{number}` rows) and idempotent per
 * request (a second allocation for the same request finds its `alloc|` row and reuses the number).
 */
export class TableTicketNumbers implements TicketNumberAllocator {
  constructor(private readonly table: TableClient) {}

  async allocate(requestId: string): Promise<TicketNumber> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const existing = await this.read<LinkRow>(allocRow(requestId));
      if (existing) return existing.data as TicketNumber;
      const counter = await this.read<CounterRow>(COUNTER);
      const sequence = (counter?.next ?? 1) as number;
      const number = formatTicketNumber(sequence);
      const tx = new TableTransaction();
      const counterRow: CounterRow = { partitionKey: PARTITION, rowKey: COUNTER, next: sequence + 1 };
      if (counter) tx.updateEntity(counterRow, 'Replace', { etag: counter.etag });
      else tx.createEntity(counterRow);
      tx.createEntity<LinkRow>({ partitionKey: PARTITION, rowKey: allocRow(requestId), data: number });
      tx.createEntity<LinkRow>({ partitionKey: PARTITION, rowKey: numberRow(number), data: requestId });
      try {
        await this.table.submitTransaction(tx.actions);
        return number;
      } catch (error) {
        if (!isStatus(error, 'exists', 'changed')) throw unavailable('allocate ticket number', error);
        // Someone took this number (or allocated for this request) first: read again and retry.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
      }
    }
    throw new StorageUnavailableError(`allocate ticket number for ${requestId}: too much contention`);
  }

  /** The ticket (= request) id of a number, if it was ever allocated. */
  async ticketIdOf(number: TicketNumber): Promise<string | undefined> {
    return (await this.read<LinkRow>(numberRow(number)))?.data;
  }

  private read<T extends object>(rowKey: string): Promise<(T & { etag: string }) | undefined> {
    return getOrUndefined<T>(this.table, PARTITION, rowKey, `read ${PARTITION}/${rowKey}`);
  }
}
