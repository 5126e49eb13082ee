/**
 * Suggestions in the Cases table against Azurite (storage/suggestions/table-suggestion-store.ts):
 * one transaction per change with its history and outbox rows, the item's ETag, a second create of
 * the same id refused, Korean and emoji at their largest, and the open items read per shard.
 */
import type { TableClient } from '@azure/data-tables';
import type { OutboxMessage } from '../../src/domain/outbox-message';
import { ConcurrencyConflictError, RequestExistsError } from '../../src/domain/ports/storage-errors';
import {
  changeSuggestionStatus,
  createdEvent,
  newSuggestion,
  SUGGESTION_LIMITS,
  type Suggestion,
} from '../../src/domain/suggestions/suggestion';
import { partitionOf } from '../../src/storage/cases/case-partitions';
import { TableOutboxStore } from '../../src/storage/outbox/table-outbox-store';
import { TableSuggestionStore } from '../../src/storage/suggestions/table-suggestion-store';
import { EMOJI, KOREAN, ofLength } from '../support/large-text';
import { freshTables } from '../support/test-storage';

const DIEGO = { aadObjectId: 'ad000000-0000-4000-8000-000000000002', displayName: 'Diego Siciliani' };
const ISAIAH = { aadObjectId: '15a1a400-0000-4000-8000-000000000010', displayName: 'Isaiah Langer' };
const AT = '2026-11-23T10:00:00.000Z';

function suggestion(id: string, ticketId: string, createdAt = AT): Suggestion {
  const form = {
    observed: ofLength(KOREAN + EMOJI, SUGGESTION_LIMITS.observed),
    frequency: 'daily' as const,
    proposal: ofLength(EMOJI + KOREAN, SUGGESTION_LIMITS.proposal),
  };
  return newSuggestion(id, { id: ticketId, number: 'HD-000042', title: '여행 앱 🧳' }, form, DIEGO, createdAt);
}

function message(id: string, ticketId: string): OutboxMessage {
  return {
    id,
    requestId: ticketId,
    purpose: 'dedicated-team-handoff',
    target: { kind: 'channel', channel: 'dedicated-team' },
    card: { card: 'suggestion', data: {} },
    createdAt: AT,
  };
}

const ticketId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('suggestion storage', () => {
  let client: TableClient;
  let store: TableSuggestionStore;

  beforeAll(async () => {
    client = (await freshTables()).client('cases');
    store = new TableSuggestionStore(client);
  });

  test('create writes the item, its history and its card in its ticket’s shard; the same id again is refused and writes nothing', async () => {
    const s = suggestion('sg-a', ticketId(1));
    await store.create(s, createdEvent(s), [message(`${ticketId(1)}.suggestion.sg-a.post`, ticketId(1))]);
    const stored = await store.get(ticketId(1), 'sg-a');
    expect(stored?.suggestion).toEqual(s); // Korean and emoji at their largest, byte for byte
    expect(await store.history(ticketId(1), 'sg-a')).toEqual([{ at: AT, by: DIEGO, to: 'new' }]);
    const due = await new TableOutboxStore(client).due(Number(partitionOf(ticketId(1)).slice(1)), new Date('2027-01-01T00:00:00Z'), 10);
    expect(due.map((d) => d.message.id)).toContain(`${ticketId(1)}.suggestion.sg-a.post`);

    await expect(store.create(s, createdEvent(s), [message(`${ticketId(1)}.again`, ticketId(1))])).rejects.toBeInstanceOf(
      RequestExistsError,
    );
    const after = await new TableOutboxStore(client).due(Number(partitionOf(ticketId(1)).slice(1)), new Date('2027-01-01T00:00:00Z'), 10);
    expect(after.map((d) => d.message.id)).not.toContain(`${ticketId(1)}.again`);
  });

  test('a change is saved under the ETag it read; a stale writer loses and writes none of its rows', async () => {
    const s = suggestion('sg-b', ticketId(2));
    await store.create(s, createdEvent(s), []);
    const read = (await store.get(ticketId(2), 'sg-b'))!;
    const review = changeSuggestionStatus(read.suggestion, 'under-review', '', ISAIAH, '2026-11-23T11:00:00.000Z');
    const decline = changeSuggestionStatus(
      read.suggestion,
      'declined',
      ofLength(KOREAN, SUGGESTION_LIMITS.note),
      ISAIAH,
      '2026-11-23T11:00:01.000Z',
    );
    if (!review.ok || !decline.ok) throw new Error('moves refused');
    await store.save(review.next, read, review.event, [message(`${ticketId(2)}.suggestion.sg-b.under-review`, ticketId(2))]);
    await expect(store.save(decline.next, read, decline.event, [message(`${ticketId(2)}.stale`, ticketId(2))])).rejects.toBeInstanceOf(
      ConcurrencyConflictError,
    );
    expect((await store.get(ticketId(2), 'sg-b'))!.suggestion.status).toBe('under-review');
    expect((await store.history(ticketId(2), 'sg-b')).map((e) => e.to)).toEqual(['new', 'under-review']);
  });

  test('the open items across the shards, newest first and bounded; a ticket’s own items', async () => {
    const client2 = (await freshTables()).client('cases');
    const fresh = new TableSuggestionStore(client2);
    for (let i = 0; i < 6; i++) {
      const s = suggestion(`sg-${i}`, ticketId(100 + i), `2026-11-2${i}T10:00:00.000Z`);
      await fresh.create(s, createdEvent(s), []);
    }
    const read = (await fresh.get(ticketId(103), 'sg-3'))!;
    const done = changeSuggestionStatus({ ...read.suggestion, status: 'planned' }, 'done', '', ISAIAH, AT);
    if (!done.ok) throw new Error(done.reason);
    await fresh.save(done.next, read, done.event, []);
    expect((await fresh.listOpen(10)).map((s) => s.id)).toEqual(['sg-5', 'sg-4', 'sg-2', 'sg-1', 'sg-0']);
    expect((await fresh.listOpen(2)).map((s) => s.id)).toEqual(['sg-5', 'sg-4']);
    expect((await fresh.ofTicket(ticketId(103), 5)).map((s) => s.status)).toEqual(['done']);
    expect(await fresh.ofTicket(ticketId(999), 5)).toEqual([]);
  });
});
