/**
 * Storage that hangs: every call, retries included, gives up after its time budget with
 * StorageUnavailableError instead of waiting for as long as the storage account stays silent, and
 * nothing is ever half-written. Azurite sits behind a TCP proxy that the tests pause and resume.
 */
import { newIntake } from '../../src/domain/intake/intake-draft';
import { DEFAULT_SLA_CONFIG } from '../../src/domain/sla';
import { formatTicketNumber } from '../../src/domain/ticket-number';
import { openTicketFor } from '../../src/services/tickets/ticket-opening';
import {
  ConcurrencyConflictError,
  RequestExistsError,
  StorageTimeoutError,
  StorageUnavailableError,
} from '../../src/domain/ports/storage-errors';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableIntakeStore } from '../../src/storage/intake/table-intake-store';
import { TableService } from '../../src/storage/table-service';
import { TableStateStore } from '../../src/storage/table-state-store';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { TcpProxy } from '../support/tcp-proxy';
import { testConnectionString, uniquePrefix } from '../support/test-storage';
import { helpDeskRequest } from '../support/ticket-fixtures';

const NOW = new Date('2026-11-23T10:00:00Z');
const BUDGET_MS = 500;

/** Retries `check` until it passes (a late delivery has landed), for at most 10 s. */
async function eventually(check: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await check();
    } catch (error) {
      if (attempt >= 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('storage calls past their time budget', () => {
  let proxy: TcpProxy;
  let tables: TableService;

  beforeAll(async () => {
    const azurite = new URL(/TableEndpoint=([^;]+)/.exec(testConnectionString())![1]!);
    proxy = await new TcpProxy(azurite.hostname, Number(azurite.port)).start();
    const viaProxy = testConnectionString().replace(`:${azurite.port}/`, `:${proxy.listenPort}/`);
    tables = new TableService({ kind: 'connection-string', connectionString: viaProxy }, uniquePrefix(), { timeoutMs: BUDGET_MS });
    await tables.ensureTables();
  });
  afterEach(() => proxy.resume());
  afterAll(async () => proxy.cut());

  it('a read fails with StorageUnavailableError while storage hangs, and works again once it answers', async () => {
    const intakes = new TableIntakeStore(tables.client('intakes'));
    const draft = newIntake('hung-read', { aadObjectId: 'a1e0c0de-0000-4000-8000-0000000000a1', displayName: 'Alex' }, NOW);
    await intakes.create(draft);

    proxy.pause();
    const error = await intakes.get(draft.requester.aadObjectId, draft.id).catch((e: unknown) => e);
    // It gave up on its own: storage is still paused, so no answer (and no refusal) ever came.
    expect(proxy.paused).toBe('both');
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).message).toBe(`Storage unavailable: read intake: no answer from Table Storage within ${BUDGET_MS} ms`);
    expect((error as Error).cause).toBeInstanceOf(StorageTimeoutError);

    proxy.resume();
    expect((await intakes.get(draft.requester.aadObjectId, draft.id))?.draft).toEqual(draft);
  });

  it('bounds every kind of call: queries, transactions, the bot state and the readiness probe', async () => {
    const cases = new TableCaseStore(tables.client('cases'));
    const state = new TableStateStore(tables.client('botState'));
    const request = helpDeskRequest({ at: NOW });
    proxy.pause();
    const results = await Promise.allSettled([
      cases.listByRequester(request.requester.aadObjectId, 5),
      cases.create(request, [], []),
      state.read(['conversation/1']),
      state.write({ 'conversation/1': { step: 2 } }),
      tables.ping(),
    ]);
    expect(proxy.paused).toBe('both');
    expect(results.map((r) => (r.status === 'rejected' ? r.reason.constructor : r.status))).toEqual([
      StorageUnavailableError,
      StorageUnavailableError,
      StorageUnavailableError,
      StorageUnavailableError,
      StorageUnavailableError,
    ]);
    proxy.reset();
    // Nothing reached storage (the hung connections were dropped): the request was never created, and can be now.
    expect(await cases.get(request.id)).toBeUndefined();
    await cases.create(request, [], []);
    expect((await cases.get(request.id))?.request).toEqual(request);
  });

  it('a transaction whose answer never came is wholly applied or not at all, and trying again is safe', async () => {
    const cases = new TableCaseStore(tables.client('cases'));
    const tickets = TableTicketStore.on(tables);
    const request = { ...helpDeskRequest({ at: NOW }), ticketNumber: 'HD-000009' };
    const opened = openTicketFor(request, formatTicketNumber(9), DEFAULT_SLA_CONFIG, NOW);
    const history = [
      {
        type: 'submitted' as const,
        at: NOW.toISOString(),
        actor: { kind: 'system' as const, component: 'intake' as const },
        category: request.category,
        severity: request.severity,
      },
    ];

    // The request reaches storage, which applies it; only the answer is lost.
    proxy.pause('responses');
    await expect(cases.create(request, history, opened.outbox, opened)).rejects.toBeInstanceOf(StorageUnavailableError);
    proxy.resume();
    expect((await cases.get(request.id))?.request).toEqual(request);
    expect(await cases.history(request.id)).toEqual(history);
    expect(await cases.outboxOf(request.id)).toEqual(opened.outbox);
    const stored = (await tickets.get(request.id))!;
    expect(stored.ticket).toEqual(opened.ticket);
    // The user's "try again" finds the request it already made.
    await expect(cases.create(request, history, opened.outbox, opened)).rejects.toBeInstanceOf(RequestExistsError);

    // A change that never reaches storage: nothing of it is applied, and the same change can be made again.
    const next = { ...stored.ticket, version: 2, lastNote: { text: 'checked', by: 'Megan', at: NOW.toISOString() } };
    const event = {
      type: 'note-added' as const,
      at: NOW.toISOString(),
      actor: { kind: 'system' as const, component: 'intake' as const },
      text: 'checked',
    };
    proxy.pause();
    await expect(tickets.update(stored, next, [event], [])).rejects.toBeInstanceOf(StorageUnavailableError);
    proxy.reset();
    expect((await tickets.get(request.id))!.ticket).toEqual(opened.ticket);
    expect(await tickets.history(request.id)).toEqual(opened.history);
    const noted = await tickets.update(stored, next, [event], []);

    // A change that arrives after its caller gave up (held, then delivered late) lands whole, and
    // trying it again with the ETag read before is refused: the caller reads again and decides again.
    const later = { ...next, version: 3, lastNote: { text: 'later', by: 'Megan', at: NOW.toISOString() } };
    const second = { ...event, text: 'later' };
    proxy.pause();
    await expect(tickets.update(noted, later, [second], [])).rejects.toBeInstanceOf(StorageUnavailableError);
    proxy.resume();
    await eventually(async () => expect((await tickets.get(request.id))!.ticket).toEqual(later));
    expect(await tickets.history(request.id)).toEqual([...opened.history, event, second]);
    await expect(tickets.update(noted, later, [second], [])).rejects.toBeInstanceOf(ConcurrencyConflictError);
  });

  it('a background budget rides out a pause that a turn gives up on', async () => {
    const background = tables.withTimeout(20_000);
    const turnIntakes = new TableIntakeStore(tables.client('intakes'));
    const backgroundIntakes = new TableIntakeStore(background.client('intakes'));
    const draft = newIntake('background', { aadObjectId: 'a1e0c0de-0000-4000-8000-0000000000b1', displayName: 'Alex' }, NOW);
    await turnIntakes.create(draft);

    proxy.pause();
    const waiting = backgroundIntakes.get(draft.requester.aadObjectId, draft.id);
    await expect(turnIntakes.get(draft.requester.aadObjectId, draft.id)).rejects.toBeInstanceOf(StorageUnavailableError);
    proxy.resume();
    expect((await waiting)?.draft).toEqual(draft);
  });
});
