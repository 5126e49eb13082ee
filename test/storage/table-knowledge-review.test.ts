/**
 * The knowledge owners' review storage (issue 16) on a real Table Storage (Azurite): searches that
 * found nothing, counted under concurrency in their own partition, and the help desk's notice of a
 * draft from the dedicated team, written with its outbox row once per ticket.
 */
import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { MISSED_QUERY_CHARS } from '../../src/domain/knowledge/missed-search';
import type { OutboxMessage } from '../../src/domain/outbox-message';
import { partitionOf } from '../../src/storage/cases/case-partitions';
import { TableArticleStore } from '../../src/storage/knowledge/table-article-store';
import { KNOWLEDGE_NOTICE_ROW, TableKnowledgeNotices } from '../../src/storage/knowledge/table-knowledge-notices';
import { MISSED_PARTITION, TableMissedSearches } from '../../src/storage/knowledge/table-missed-searches';
import { freshTables } from '../support/test-storage';
import { KOREAN, ofLength } from '../support/large-text';

describe('missed searches', () => {
  let client: TableClient;
  let missed: TableMissedSearches;

  beforeAll(async () => {
    const tables = await freshTables();
    client = tables.client('knowledge');
    missed = new TableMissedSearches(client);
  });

  it('counts every search of one question, also when instances count at once', async () => {
    const at = new Date('2026-12-01T09:00:00Z');
    await Promise.all(Array.from({ length: 4 }, (_, i) => missed.record(i % 2 ? 'Where is MY app?' : 'where is my app', 'en-US', at)));
    await missed.record('where is my app', 'en', new Date('2026-12-02T09:00:00Z'));
    await missed.record('where is my app', 'fr', at); // another language is another question
    const recent = await missed.recent(10);
    expect(recent[0]).toEqual({
      query: 'where is my app',
      language: 'en',
      count: 5,
      firstAt: at.toISOString(),
      lastAt: '2026-12-02T09:00:00.000Z',
    });
    expect(recent[1]).toMatchObject({ query: 'where is my app', language: 'fr', count: 1 });
    expect(recent).toHaveLength(2);
  });

  it('keeps a long Korean question cut, intact, in its own partition (the articles never see it)', async () => {
    const long = ofLength(KOREAN, 20_000);
    await missed.record(long, 'ko', new Date('2026-12-03T09:00:00Z'));
    const [newest] = await missed.recent(1);
    expect(newest!.query).toBe(long.slice(0, MISSED_QUERY_CHARS));
    expect(newest!.query).not.toContain('\uFFFD');
    expect(await new TableArticleStore(client).listSummaries()).toEqual([]);
    const rows = [];
    for await (const row of client.listEntities({ queryOptions: { filter: `PartitionKey eq '${MISSED_PARTITION}'` } })) rows.push(row);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => (r.rowKey as string).length < 60)).toBe(true);
  });

  it('records nothing for a question that is only punctuation', async () => {
    const before = (await missed.recent(100)).length;
    await missed.record('?!…', 'en', new Date());
    expect(await missed.recent(100)).toHaveLength(before);
  });
});

describe("the help desk's notice of a draft from the dedicated team", () => {
  let client: TableClient;
  let notices: TableKnowledgeNotices;

  beforeAll(async () => {
    const tables = await freshTables();
    client = tables.client('cases');
    notices = new TableKnowledgeNotices(client);
  });

  const message = (ticketId: string, title: string): OutboxMessage => ({
    id: `${ticketId}.kb-added`,
    requestId: ticketId,
    purpose: 'help-desk-ticket',
    target: { kind: 'channel', channel: 'help-desk' },
    card: { card: 'kb-added', data: { title } },
    createdAt: '2026-12-01T09:00:00.000Z',
  });

  it('is written with its outbox row once per ticket, also when two presses race', async () => {
    const ticketId = randomUUID();
    const results = await Promise.all([notices.record(ticketId, message(ticketId, 'a')), notices.record(ticketId, message(ticketId, 'b'))]);
    expect(results.sort()).toEqual([false, true]);
    expect(await notices.record(ticketId, message(ticketId, 'c'))).toBe(false);
    const pk = partitionOf(ticketId);
    const rows = [];
    for await (const row of client.listEntities({ queryOptions: { filter: `PartitionKey eq '${pk}'` } })) rows.push(row.rowKey);
    expect(rows.sort()).toEqual([KNOWLEDGE_NOTICE_ROW(ticketId), `out|${ticketId}.kb-added`].sort());
  });
});
