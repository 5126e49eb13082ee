/**
 * "My requests" (case-partitions.ts): `idx|requester|{aad}|{inverted time}|{id}` → the request id.
 * The inverted, zero-padded timestamp makes a person's newest requests sort first in every shard.
 */
import type { SupportRequest } from '../../domain/intake/support-request';
import { invertedTime } from './case-partitions';

export const REQUESTER_INDEX_ROW = {
  key: (aadObjectId: string, createdAt: string, id: string) => `idx|requester|${aadObjectId}|${invertedTime(createdAt)}|${id}`,
  prefix: (aadObjectId: string) => `idx|requester|${aadObjectId}|`,
} as const;

/**
 * A page continuation is the part of an index key after the person's prefix (`{inverted time}|{id}`):
 * it can only point into the caller's own index, since the prefix is always the caller's.
 */
export const CONTINUATION_PATTERN = /^\d{13}\|[0-9A-Za-z-]{1,64}$/;

export function continuationOf(rowKey: string, aadObjectId: string): string {
  return rowKey.slice(REQUESTER_INDEX_ROW.prefix(aadObjectId).length);
}

/** `data` is the request id (ASCII). */
export interface RequesterIndexRow {
  partitionKey: string;
  rowKey: string;
  data: string;
}

export function requesterIndexEntity(pk: string, request: SupportRequest): RequesterIndexRow {
  return {
    partitionKey: pk,
    rowKey: REQUESTER_INDEX_ROW.key(request.requester.aadObjectId, request.createdAt, request.id),
    data: request.id,
  };
}
