/**
 * Where requests live. A request, its history, its index rows and the outbox messages it causes all
 * share one partition, so one entity-group transaction writes them together (all or nothing).
 * Requests are spread over SHARD_COUNT partitions by a hash of their id: list views and the outbox
 * worker read SHARD_COUNT small range queries instead of scanning the table.
 */
export const SHARD_COUNT = 16;

/** FNV-1a: stable across processes and versions (never change it: it decides where data lives). */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % SHARD_COUNT;
}

export function partitionOfShard(shard: number): string {
  return `s${shard.toString().padStart(2, '0')}`;
}

export function partitionOf(requestId: string): string {
  return partitionOfShard(shardOf(requestId));
}

export const ALL_PARTITIONS: readonly string[] = Array.from({ length: SHARD_COUNT }, (_, i) => partitionOfShard(i));

/** Row key prefixes inside a shard. `~` sorts after every other printable ASCII character. */
export const ROW = {
  request: (id: string) => `req|${id}`,
  history: (id: string, at: string, seq: number) => `hist|${id}|${at}|${seq.toString().padStart(4, '0')}`,
  historyPrefix: (id: string) => `hist|${id}|`,
  outbox: (id: string) => `out|${id}`,
  outboxPrefix: 'out|',
  /** "My requests": newest first thanks to the inverted timestamp. */
  requesterIndex: (aadObjectId: string, createdAt: string, id: string) => `idx|requester|${aadObjectId}|${invertedTime(createdAt)}|${id}`,
  requesterIndexPrefix: (aadObjectId: string) => `idx|requester|${aadObjectId}|`,
} as const;

/** Keys sort as strings: an inverted, zero-padded epoch makes newer rows sort first. */
export function invertedTime(iso: string): string {
  return (9_999_999_999_999 - Date.parse(iso)).toString().padStart(13, '0');
}

/** The upper bound of a prefix range query. */
export function prefixEnd(prefix: string): string {
  return `${prefix}~`;
}
