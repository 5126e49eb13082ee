/**
 * Rows written before text was stored as bytes (a string `data` property) still read back through
 * every store, and text longer than one property is split over several and joined again (on Azurite).
 */
import type { TableClient } from '@azure/data-tables';
import { newIntake } from '../../src/domain/intake/intake-draft';
import { DEFAULT_SLA_CONFIG } from '../../src/domain/sla';
import { formatTicketNumber } from '../../src/domain/ticket-number';
import { openTicketFor } from '../../src/services/tickets/ticket-opening';
import { partitionOf } from '../../src/storage/cases/case-partitions';
import { REQUEST_HISTORY_ROW } from '../../src/storage/cases/request-history-rows';
import { REQUEST_ROW } from '../../src/storage/cases/request-rows';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { CatalogTableStore } from '../../src/storage/catalog/catalog-table-store';
import { TableConversationStore } from '../../src/storage/conversations/table-conversation-store';
import { TableIntakeStore } from '../../src/storage/intake/table-intake-store';
import { FAILED_ROW } from '../../src/storage/outbox/failed-rows';
import { FLAG_ROW } from '../../src/storage/outbox/flag-rows';
import { PENDING_ROW } from '../../src/storage/outbox/pending-rows';
import { SENT_ROW } from '../../src/storage/outbox/sent-rows';
import { TableOutboxStore } from '../../src/storage/outbox/table-outbox-store';
import { TableRequestChanges } from '../../src/storage/outbox/table-request-changes';
import { jsonProperties, MAX_PART_BYTES, readJson } from '../../src/storage/stored-text';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { TICKET_HISTORY_ROW } from '../../src/storage/tickets/ticket-history-rows';
import { TICKET_ROW } from '../../src/storage/tickets/ticket-rows';
import { fill, KOREAN, EMOJI } from '../support/large-text';
import { freshTables } from '../support/test-storage';
import { TicketListIndex } from '../../src/storage/tickets/ticket-list-index';
import { helpDeskRequest } from '../support/ticket-fixtures';

const NOW = new Date('2026-11-23T10:00:00Z');
const NAME = `Zoë ${KOREAN}${EMOJI}`;

describe('rows written before text was stored as bytes', () => {
  let cases: TableClient;
  let lists: TicketListIndex;
  beforeAll(async () => {
    const tables = await freshTables();
    cases = tables.client('cases');
    lists = TicketListIndex.on(tables);
  });

  it('a request with its history, outbox rows (pending, sent, failed), ticket and flag', async () => {
    const request = {
      ...helpDeskRequest({ at: NOW, requester: { aadObjectId: 'a1e0c0de-0000-4000-8000-00000000c0de', displayName: NAME } }),
      ticketNumber: 'HD-000007',
    };
    const opened = openTicketFor(request, formatTicketNumber(7), DEFAULT_SLA_CONFIG, NOW);
    const pk = partitionOf(request.id);
    const [post, handOff = { ...opened.outbox[0]!, id: `${request.id}.second` }] = opened.outbox;
    const third = { ...post!, id: `${request.id}.third` };
    const old = (rowKey: string, value: unknown, extra: object = {}) =>
      cases.createEntity({ partitionKey: pk, rowKey, data: JSON.stringify(value), ...extra });
    await old(REQUEST_ROW.key(request.id), request, { requesterId: request.requester.aadObjectId });
    await old(REQUEST_HISTORY_ROW.key(request.id, NOW.toISOString(), 0), opened.history[0]);
    await old(PENDING_ROW.key(post!.id), post, { status: 'pending', attempts: 0, nextAttemptAt: post!.createdAt });
    await old(SENT_ROW.key(handOff.id), handOff, { conversationId: '19:c', deliveredAt: NOW.toISOString(), attempts: 1, throttles: 0 });
    await old(FAILED_ROW.key(third.id), third, {
      reason: 'rejected',
      lastError: 'x',
      failedAt: NOW.toISOString(),
      attempts: 1,
      throttles: 0,
    });
    await old(TICKET_ROW.key(request.id), opened.ticket, { number: opened.ticket.number, status: opened.ticket.status });
    await old(TICKET_HISTORY_ROW.key(request.id, 1, 0), opened.history[0]);
    const flaggedBy = { aadObjectId: 'a1e0c0de-0000-4000-8000-00000000f1a9', displayName: NAME };
    await cases.createEntity({
      partitionKey: pk,
      rowKey: FLAG_ROW.key('sol-1', request.id),
      solutionId: 'sol-1',
      requestId: request.id,
      reason: 'not-my-solution',
      note: `Not mine: ${NAME}`,
      flaggedBy: JSON.stringify(flaggedBy),
      flaggedAt: NOW.toISOString(),
    });

    const caseStore = new TableCaseStore(cases);
    expect((await caseStore.get(request.id))?.request).toEqual(request);
    expect(await caseStore.history(request.id)).toEqual([opened.history[0]]);
    const changes = new TableRequestChanges(cases);
    expect((await changes.get(request.id))?.request).toEqual(request);
    expect(await changes.flags(pk)).toEqual([
      {
        solutionId: 'sol-1',
        requestId: request.id,
        reason: 'not-my-solution',
        note: `Not mine: ${NAME}`,
        flaggedBy,
        flaggedAt: NOW.toISOString(),
      },
    ]);
    const outbox = new TableOutboxStore(cases);
    const messages = await outbox.messagesOf(request.id);
    expect(messages.pending.map((p) => p.message)).toEqual([post]);
    expect(messages.sent.map((s) => s.message)).toEqual([handOff]);
    expect(messages.failed.map((f) => f.message)).toEqual([third]);
    const tickets = new TableTicketStore(cases, lists);
    const stored = (await tickets.get(request.id))!;
    expect(stored.ticket).toEqual(opened.ticket);
    expect(await tickets.history(request.id)).toEqual([opened.history[0]]);

    // The next change replaces the old row with the current form, and it still reads the same.
    const next = { ...stored.ticket, version: 2, lastNote: { text: NAME, by: NAME, at: NOW.toISOString() } };
    await tickets.update(stored, next, [], []);
    expect((await tickets.get(request.id))!.ticket).toEqual(next);
    expect((await cases.getEntity<{ data: unknown }>(pk, TICKET_ROW.key(request.id))).data).toBeInstanceOf(Uint8Array);
  });

  it('an intake draft, a conversation reference and a catalog solution', async () => {
    const tables = await freshTables();
    const draft = newIntake('old-intake', { aadObjectId: 'a1e0c0de-0000-4000-8000-0000000001d0', displayName: NAME }, NOW);
    await tables
      .client('intakes')
      .createEntity({ partitionKey: draft.requester.aadObjectId, rowKey: draft.id, data: JSON.stringify(draft) });
    expect((await new TableIntakeStore(tables.client('intakes')).get(draft.requester.aadObjectId, draft.id))?.draft).toEqual(draft);

    const reference = {
      user: { id: '29:1', name: NAME },
      conversation: { id: 'a:1' },
      serviceUrl: 'https://smba.trafficmanager.net/teams/',
    };
    await tables
      .client('conversations')
      .createEntity({ partitionKey: 'user', rowKey: 'a1e0c0de-0000-4000-8000-0000000001d0', data: JSON.stringify(reference) });
    expect(await new TableConversationStore(tables.client('conversations')).getUser('A1E0C0DE-0000-4000-8000-0000000001D0')).toEqual(
      reference,
    );

    const columns = {
      name: `Feuille de temps ${KOREAN.trim()}`,
      kind: 'canvas-app',
      environment: 'Default',
      tier: 'Productivity',
      maker_email: 'zoe@contoso.example',
      maker_name: NAME,
      maker_aad_id: 'a1e0c0de-0000-4000-8000-0000000001d1',
      co_owners: '',
      support_channel: '',
      business_unit: 'Opérations',
      data_sources: 'SharePoint; Dataverse',
      workarounds: `Use the web form ${EMOJI}`,
      status: 'active',
    };
    await tables.client('catalogSolutions').createEntity({
      partitionKey: 'timesheets',
      rowKey: 'solution',
      ...columns,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect((await CatalogTableStore.on(tables).get('timesheets'))?.solution).toMatchObject({
      name: columns.name,
      maker: { displayName: NAME },
      workarounds: columns.workarounds,
    });
  });
});

describe('text longer than one property', () => {
  it.each([
    ['Korean', KOREAN],
    ['emoji', EMOJI],
  ])('%s JSON over three 64 KiB parts is written and read back whole, alone and in a transaction', async (_label, unit) => {
    const table = (await freshTables()).client('cases');
    const value = { text: fill(unit, 2 * MAX_PART_BYTES + 1000) };
    const properties = jsonProperties('data', value);
    expect(Object.keys(properties)).toEqual(['data', 'data_1', 'data_2']);
    await table.createEntity({ partitionKey: 'p', rowKey: 'alone', ...properties });
    await table.submitTransaction([['create', { partitionKey: 'p', rowKey: 'together', ...properties }]]);
    for (const rowKey of ['alone', 'together']) expect(readJson(await table.getEntity('p', rowKey), 'data')).toEqual(value);
  });
});
