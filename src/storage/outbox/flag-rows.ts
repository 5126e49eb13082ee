/**
 * "Not my solution" (case-partitions.ts), written in the request change's transaction:
 * - `flag|{solutionId}|{requestId}` a catalog entry to review (resolution fields once an admin dealt
 *   with it);
 * - `flagopen|{inverted time}|{requestId}` the open-flags index, newest first: written with the flag,
 *   deleted with its resolution, so the review list reads only open flags.
 */
import type { CatalogFlag } from '../../domain/notifications/catalog-flag';
import { invertedTime } from '../cases/case-partitions';
import { readOptionalText, textProperties } from '../stored-text';
import { encodeKey } from '../table-keys';

export const FLAG_ROW = {
  key: (solutionId: string, requestId: string) => `flag|${encodeKey(solutionId)}|${requestId}`,
  prefix: 'flag|',
  ofSolutionPrefix: (solutionId: string) => `flag|${encodeKey(solutionId)}|`,
} as const;

export const OPEN_FLAG_ROW = {
  key: (invertedFlaggedAt: string, requestId: string) => `flagopen|${invertedFlaggedAt}|${requestId}`,
  prefix: 'flagopen|',
} as const;

export interface OpenFlagRow {
  partitionKey: string;
  rowKey: string;
  solutionId: string;
  requestId: string;
}

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
  resolvedAt?: string;
  /** JSON PersonRef of the admin. */
  resolvedBy?: string;
  resolution?: Uint8Array | string;
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

/** The open-flags index row of a flag. */
export function openFlagEntity(pk: string, flag: CatalogFlag): OpenFlagRow {
  return {
    partitionKey: pk,
    rowKey: OPEN_FLAG_ROW.key(invertedTime(flag.flaggedAt), flag.requestId),
    solutionId: flag.solutionId,
    requestId: flag.requestId,
  };
}
