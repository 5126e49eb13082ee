/**
 * "Not my solution" (case-partitions.ts): `flag|{solutionId}|{requestId}`, a catalog entry to review,
 * written in the request change's transaction.
 */
import type { CatalogFlag } from '../../domain/notifications/catalog-flag';
import { readOptionalText, textProperties } from '../stored-text';
import { encodeKey } from '../table-keys';

export const FLAG_ROW = {
  key: (solutionId: string, requestId: string) => `flag|${encodeKey(solutionId)}|${requestId}`,
  prefix: 'flag|',
} as const;

export interface FlagRow {
  partitionKey: string;
  rowKey: string;
  solutionId: string;
  requestId: string;
  reason: string;
  /** UTF-8 bytes (stored-text.ts); a string in rows written before. */
  note?: Uint8Array | string;
  flaggedBy: string;
  flaggedAt: string;
}

export function flagEntity(pk: string, flag: CatalogFlag): FlagRow {
  return {
    partitionKey: pk,
    rowKey: FLAG_ROW.key(flag.solutionId, flag.requestId),
    solutionId: flag.solutionId,
    requestId: flag.requestId,
    reason: flag.reason,
    flaggedBy: JSON.stringify(flag.flaggedBy),
    flaggedAt: flag.flaggedAt,
    ...(flag.note ? textProperties('note', flag.note) : {}),
  };
}

export function flagOf(row: FlagRow): CatalogFlag {
  return {
    solutionId: row.solutionId,
    requestId: row.requestId,
    reason: 'not-my-solution',
    flaggedBy: JSON.parse(row.flaggedBy) as CatalogFlag['flaggedBy'],
    flaggedAt: row.flaggedAt,
    ...(row.note !== undefined ? { note: readOptionalText(row, 'note') } : {}),
  };
}
