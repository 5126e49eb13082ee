/**
 * Korean and emoji text at the largest sizes the product accepts round-trip exactly through every
 * write path of the catalog, the intake and a request's life, on Azurite (which corrupts multi-byte
 * characters in large request bodies sent as text: see src/storage/stored-text.ts).
 * Tickets: large-text-tickets.test.ts.
 */
import { readCatalogFile, writeCatalogFile, type CatalogFormat } from '../../src/services/catalog/files/catalog-file';
import { CatalogService } from '../../src/services/catalog/catalog-service';
import { newIntake, searchSolutions, setDetails } from '../../src/domain/intake/intake-draft';
import { INTAKE_LIMITS } from '../../src/domain/intake/intake-validation';
import { planRoute } from '../../src/services/notifications/route-messages';
import { RequestHandlingService } from '../../src/services/notifications/request-handling-service';
import { partitionOf } from '../../src/storage/cases/case-partitions';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { CatalogTableStore } from '../../src/storage/catalog/catalog-table-store';
import { TableConversationStore } from '../../src/storage/conversations/table-conversation-store';
import type { ChannelRegistration } from '../../src/domain/ports/channels';
import { TableIntakeStore } from '../../src/storage/intake/table-intake-store';
import { TableOutboxStore } from '../../src/storage/outbox/table-outbox-store';
import { TableRequestChanges } from '../../src/storage/outbox/table-request-changes';
import type { TableService } from '../../src/storage/table-service';
import { TableTicketNumbers } from '../../src/storage/tickets/table-ticket-numbers';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { SCRIPTS } from '../support/large-text';
import { field, largestDetails, largestPerson, largestRequest, largestSolution } from '../support/largest-records';
import { freshTables } from '../support/test-storage';

const NOW = new Date('2026-11-23T10:00:00Z');
const byId = <T extends { id: string }>(items: readonly T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

describe.each(SCRIPTS)('%s text at the largest sizes, on Azurite', (script, unit) => {
  let tables: TableService;
  beforeAll(async () => {
    tables = await freshTables();
  });

  it('a catalog solution with every field at its limit: saved, read, listed', async () => {
    const store = CatalogTableStore.on(tables);
    const solution = largestSolution(unit, 'Important');
    expect(solution.coOwners).toHaveLength(25);
    await store.save(solution, undefined);
    expect((await store.get(solution.id))?.solution).toEqual(solution);
    expect((await store.listAll()).map((s) => s.solution)).toContainEqual(solution);
    // Non-ASCII columns are bytes; the closed ones stay readable text.
    const raw = await tables.client('catalogSolutions').getEntity<Record<string, unknown>>(solution.id, 'solution');
    expect(raw.workarounds).toBeInstanceOf(Uint8Array);
    expect(raw.tier).toBe('Important');
  });

  it.each(['csv', 'json'] as CatalogFormat[])('a catalog imported from %s, and exported again', async (format) => {
    const catalog = new CatalogService(CatalogTableStore.on(tables), { clock: { now: () => NOW } });
    const solution = largestSolution(unit, 'Critical', format === 'csv' ? 2 : 3);
    const { createdAt: _c, updatedAt: _u, ...record } = solution;
    const report = await catalog.importRows(readCatalogFile(writeCatalogFile([record], format), format).rows);
    expect(report.result.added).toEqual([solution.id]);
    expect(await catalog.get(solution.id)).toEqual({ ...record, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
    const exported = (await catalog.exportAll()).find((s) => s.id === solution.id)!;
    const again = await catalog.importRows(readCatalogFile(writeCatalogFile([exported], format), format).rows, { dryRun: true });
    expect(again.plan.unchanged.map((u) => u.record.id)).toEqual([solution.id]);
  });

  it('an intake draft with answers at the intake limits', async () => {
    const store = new TableIntakeStore(tables.client('intakes'));
    const requester = largestPerson(unit, 7);
    const created = await store.create(newIntake(`intake-${script}`, requester, NOW));
    const searched = searchSolutions(created.draft, field(unit, INTAKE_LIMITS.searchQuery), NOW);
    const answered = setDetails(searched, largestDetails(unit), NOW);
    await store.update(created, answered);
    expect((await store.get(requester.aadObjectId, answered.id))?.draft).toEqual(answered);
    const window = { idleBefore: new Date(Date.now() + 60_000) };
    expect(await store.prune(requester.aadObjectId, (draft) => draft.details?.description !== answered.details?.description, window)).toBe(
      0,
    );
  });

  it('a request pinging 25 co-owners: request, history, index and outbox in one transaction', async () => {
    const cases = new TableCaseStore(tables.client('cases'));
    const { request, route, history } = largestRequest(unit, largestSolution(unit, 'Important', 4), NOW);
    expect(route.kind).toBe('co-owners');
    const outbox = planRoute(request, route);
    expect(outbox.length).toBeGreaterThanOrEqual(25);
    await cases.create(request, history, outbox);
    expect((await cases.get(request.id))?.request).toEqual(request);
    expect(await cases.history(request.id)).toEqual(history);
    expect(byId(await cases.outboxOf(request.id))).toEqual(byId(outbox));
    expect(await cases.listByRequester(request.requester.aadObjectId, 5)).toContainEqual(request);

    // The worker moves messages to sent and failed rows with their card data intact.
    const outboxStore = new TableOutboxStore(tables.client('cases'));
    const [first, second] = (await outboxStore.messagesOf(request.id)).pending;
    await outboxStore.markSent(first!, { conversationId: `a:${unit}`, activityId: '1' }, NOW);
    await outboxStore.markFailed(second!, 'rejected', { kind: 'rejected', status: 400, detail: 'bad request' }, NOW);
    expect((await outboxStore.sentRecord(request.id, first!.message.id))?.message).toEqual(first!.message);
    const failed = (await outboxStore.messagesOf(request.id)).failed;
    expect(failed.map((f) => f.message)).toEqual([second!.message]);
  });

  it("a maker's and a co-owner's longest notes: flag, claim, hand to the help desk", async () => {
    const cases = new TableCaseStore(tables.client('cases'));
    const solution = largestSolution(unit, 'Productivity', 5);
    const { request, route, history } = largestRequest(unit, solution, NOW);
    expect(route.kind).toBe('maker');
    await cases.create(request, history, planRoute(request, route));
    const changes = new TableRequestChanges(tables.client('cases'));
    const handling = new RequestHandlingService({
      changes,
      outbox: new TableOutboxStore(tables.client('cases')),
      clock: { now: () => NOW },
      tickets: { numbers: new TableTicketNumbers(tables.client('cases')) },
    });
    const maker = { aadObjectId: solution.maker.aadObjectId!, displayName: solution.maker.displayName };
    const coOwner = { aadObjectId: solution.coOwners[3]!.aadObjectId!, displayName: solution.coOwners[3]!.displayName };
    const notMine = field(unit, 1000);
    const handOn = field(`${unit}!`, 1000);

    await handling.act(maker, request.id, { type: 'not-my-solution', note: notMine });
    await handling.act(coOwner, request.id, { type: 'claim' });
    await handling.act(coOwner, request.id, { type: 'hand-to-help-desk', note: handOn });

    const stored = (await changes.get(request.id))!.request;
    expect(stored).toMatchObject({
      details: request.details,
      solution: request.solution,
      requester: request.requester,
      holder: { kind: 'help-desk' },
    });
    const events = await changes.history(request.id);
    expect(events).toContainEqual(expect.objectContaining({ type: 'catalog-flagged', note: notMine }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'handed-on', note: handOn }));
    expect(await changes.flags(partitionOf(request.id))).toEqual([
      expect.objectContaining({ requestId: request.id, note: notMine, flaggedBy: maker }),
    ]);
    const tickets = TableTicketStore.on(tables);
    expect((await tickets.get(request.id))!.ticket.description).toBe(request.details.description);
    const noted = (await tickets.history(request.id)).find((e) => e.type === 'note-added');
    // The note is stored as the person typed it (who handed it on is the event's actor), never wrapped in English.
    expect(noted).toMatchObject({ type: 'note-added', text: handOn, actor: { aadObjectId: coOwner.aadObjectId } });
  });

  it('conversation references and channel registrations with the longest names', async () => {
    const store = new TableConversationStore(tables.client('conversations'));
    const person = largestPerson(unit, 9);
    const reference = {
      bot: { id: '28:bot', name: field(unit, 200) },
      user: { id: `29:${person.aadObjectId}`, name: person.displayName, aadObjectId: person.aadObjectId },
      conversation: { id: `a:${field(unit.replace(/\s/g, ''), 400)}`, conversationType: 'personal', tenantId: 'contoso' },
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/teams/',
    };
    await store.saveUser(person.aadObjectId, reference);
    expect(await store.getUser(person.aadObjectId)).toEqual(reference);
    const registration: ChannelRegistration = {
      role: 'help-desk',
      conversationReference: {
        ...reference,
        conversation: { id: '19:help@thread.tacv2', name: field(unit, 200), conversationType: 'channel' },
      },
      teamId: '19:team@thread.tacv2',
      channelId: '19:help@thread.tacv2',
      channelName: field(unit, 200),
      registeredBy: person,
      registeredAt: NOW.toISOString(),
    };
    await store.saveChannel(registration);
    expect(await store.getChannel('help-desk')).toEqual(registration);
  });
});
