/**
 * The request row of a shard partition (case-partitions.ts): `req|{id}`, the SupportRequest's JSON
 * (stored-text.ts) and the requester's id as a column for people reading the table. Created with its
 * first history and outbox rows, then replaced only with its ETag.
 */
import { verbatim } from '../../domain/text';
import type { SupportRequest } from '../../domain/intake/support-request';
import type { StoredRequest } from '../../domain/ports/requests';
import { jsonProperties, readJson, type DataRow } from '../stored-text';

export const REQUEST_ROW = {
  key: (id: string) => `req|${id}`,
} as const;

export function requestEntity(pk: string, request: SupportRequest): DataRow & { requesterId: string } {
  return {
    partitionKey: pk,
    rowKey: REQUEST_ROW.key(request.id),
    ...jsonProperties('data', request, `request ${request.id}`),
    requesterId: request.requester.aadObjectId,
  };
}

export function storedRequestOf(row: DataRow & { etag: string }): StoredRequest {
  return { request: readRequest(readJson<SupportRequest>(row, 'data')), etag: row.etag };
}

/** Rows written before words were descriptors hold the explanation in English: it is shown as it is. */
export function readRequest(request: SupportRequest): SupportRequest {
  return typeof request.explanation === 'string' ? { ...request, explanation: verbatim(request.explanation) } : request;
}
