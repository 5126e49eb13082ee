/**
 * Each person's choice about the monthly thank-you card: one small row per person who ever chose, in
 * the Conversations table's `recognition` partition beside their profile (`choice|{aad}`), written
 * with the ETag read. The opted-out list is one range query over that partition, never a scan.
 */
import type { TableClient } from '@azure/data-tables';
import { MAX_OPTED_OUT, type RecognitionChoice, type RecognitionChoices } from '../../domain/ports/recognition';
import type { Versioned } from '../../domain/ports/versioned';
import { getOrUndefined, listRange, translate } from '../table-calls';
import { decodeKey, encodeKey } from '../table-keys';

export const RECOGNITION_PARTITION = 'recognition';
const CHOICE_PREFIX = 'choice|';

interface ChoiceRow {
  partitionKey: string;
  rowKey: string;
  optedOut: boolean;
  changedAt: string;
}

const keyOf = (aadObjectId: string) => `${CHOICE_PREFIX}${encodeKey(aadObjectId.toLowerCase())}`;

export class TableRecognitionChoices implements RecognitionChoices {
  constructor(private readonly table: TableClient) {}

  async read(aadObjectId: string): Promise<(RecognitionChoice & Versioned) | undefined> {
    return getOrUndefined(
      this.table,
      RECOGNITION_PARTITION,
      keyOf(aadObjectId),
      'read recognition choice',
      (row: ChoiceRow & { etag: string }) => ({
        optedOut: row.optedOut === true,
        changedAt: String(row.changedAt ?? ''),
        etag: row.etag,
      }),
    );
  }

  async write(aadObjectId: string, choice: RecognitionChoice, etag: string | undefined): Promise<void> {
    const row: ChoiceRow = { partitionKey: RECOGNITION_PARTITION, rowKey: keyOf(aadObjectId), ...choice };
    try {
      if (etag === undefined) await this.table.createEntity(row);
      else await this.table.updateEntity(row, 'Replace', { etag });
    } catch (error) {
      throw translate(error, 'save recognition choice', { on: ['exists', 'changed', 'gone'], key: `recognition choice of ${aadObjectId}` });
    }
  }

  async optedOut(): Promise<ReadonlySet<string>> {
    const rows = await listRange<ChoiceRow>(
      this.table,
      { partitionKey: RECOGNITION_PARTITION, prefix: CHOICE_PREFIX, where: 'optedOut eq true', select: ['RowKey'], limit: MAX_OPTED_OUT },
      'read recognition opt-outs',
    );
    return new Set(rows.map((r) => decodeKey(r.rowKey.slice(CHOICE_PREFIX.length))));
  }
}
