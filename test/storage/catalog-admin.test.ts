/**
 * Admin edits of a catalog entry (tier, co-owners, support channel) with ETag and history, and the
 * review of "Not my solution" flags through their open-flags index (Azurite).
 */
import { CatalogAdmin } from '../../src/services/catalog/catalog-admin';
import { CatalogService } from '../../src/services/catalog/catalog-service';
import { RequestHandlingService } from '../../src/services/notifications/request-handling-service';
import { planRoute } from '../../src/services/notifications/route-messages';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableCatalogFlags } from '../../src/storage/cases/table-catalog-flags';
import { CatalogTableStore } from '../../src/storage/catalog/catalog-table-store';
import { TableOutboxStore } from '../../src/storage/outbox/table-outbox-store';
import { TableRequestChanges } from '../../src/storage/outbox/table-request-changes';
import { TableTicketNumbers } from '../../src/storage/tickets/table-ticket-numbers';
import { largestRequest, largestSolution } from '../support/largest-records';
import { freshTables } from '../support/test-storage';

const ADMIN = { aadObjectId: '5e7f3c1a-9b2d-4e6f-8a1b-2c3d4e5f6a7b', displayName: 'Patti Fernandez' };
const MAKER = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen' };
const LEE = 'f0fcce3d-482b-4e59-81e2-542c7050214b';

describe('catalog admin: entries with history, edits with ETag, flags (Azurite)', () => {
  let now = new Date('2026-06-01T09:00:00.000Z');
  const clock = { now: () => now };

  it('edits tier, co-owners and support channel with the ETag read, and keeps a history row of each edit', async () => {
    const tables = await freshTables();
    const store = CatalogTableStore.on(tables);
    await new CatalogService(store, { clock }).importRows([
      {
        line: 2,
        values: {
          id: 'expense-tracker',
          name: 'Expense Tracker',
          kind: 'canvas',
          tier: 'Productivity',
          maker_email: 'meganb@contoso.example',
          maker_aad_id: MAKER.aadObjectId,
        },
      },
    ]);
    const admin = new CatalogAdmin({
      store,
      flags: new TableCatalogFlags(tables.client('cases')),
      adminIds: new Set([ADMIN.aadObjectId]),
      clock,
    });

    expect(await admin.entry(MAKER, 'expense-tracker')).toEqual({
      ok: false,
      reason: 'not-admin',
      message: { key: 'admin.errors.notAdmin' },
    });
    const opened = await admin.entry(ADMIN, 'expense-tracker');
    if (!opened.ok) throw new Error(opened.message.key);
    expect(opened.value.history).toEqual([]);

    now = new Date('2026-06-01T09:05:00.000Z');
    const edited = await admin.edit(ADMIN, 'expense-tracker', opened.value.etag, {
      tier: 'important',
      coOwners: `Lee Gu <leeg@contoso.example> [${LEE}]; nestorw@contoso.example`,
      supportChannel: 'Finance Apps › Support',
    });
    if (!edited.ok) throw new Error(edited.message.key);
    expect(edited.value.solution).toMatchObject({
      tier: 'Important',
      supportChannel: 'Finance Apps › Support',
      coOwners: [{ aadObjectId: LEE }, { email: 'nestorw@contoso.example' }],
    });
    expect(edited.value.history).toEqual([
      {
        at: '2026-06-01T09:05:00.000Z',
        by: { kind: 'admin', aadObjectId: ADMIN.aadObjectId, displayName: ADMIN.displayName },
        type: 'edited',
        fields: ['tier', 'coOwners', 'supportChannel'],
        changes: {
          tier: { from: 'Productivity', to: 'Important' },
          co_owners: { from: '', to: `Lee Gu <leeg@contoso.example> [${LEE}]; nestorw@contoso.example <nestorw@contoso.example>` },
          support_channel: { from: '', to: 'Finance Apps › Support' },
        },
      },
    ]);
    expect((await new CatalogService(store).solutionsOf(LEE)).coOwned.map((s) => s.id)).toEqual(['expense-tracker']);

    // The ETag read before the edit is stale now: refused, nothing written.
    expect(await admin.edit(ADMIN, 'expense-tracker', opened.value.etag, { tier: 'Critical' })).toMatchObject({
      ok: false,
      reason: 'changed',
    });
    expect(await admin.edit(ADMIN, 'expense-tracker', edited.value.etag, { tier: 'Gold' })).toMatchObject({
      ok: false,
      reason: 'invalid',
      // The field and what is wrong with it, in the reader's words (the CLI's English stays in the CLI).
      message: {
        key: 'admin.errors.invalid',
        params: { issues: { key: 'admin.issues.tier', params: { field: { key: 'admin.entry.field.tier' } } } },
      },
    });
    expect(await admin.edit(ADMIN, 'no-such-app', edited.value.etag, { tier: 'Critical' })).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    expect((await store.get('expense-tracker'))!.solution.tier).toBe('Important');
  });

  it('lists open "Not my solution" flags newest first from their index, and resolves them', async () => {
    const tables = await freshTables();
    const cases = new TableCaseStore(tables.client('cases'));
    const handling = new RequestHandlingService({
      changes: new TableRequestChanges(tables.client('cases')),
      outbox: new TableOutboxStore(tables.client('cases')),
      clock,
      tickets: { numbers: new TableTicketNumbers(tables.client('cases')) },
    });
    const solutionIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const solution = largestSolution('a', 'Productivity', 10 + i);
      solutionIds.push(solution.id);
      const { request, route, history } = largestRequest('a', solution, now);
      await cases.create(request, history, planRoute(request, route));
      now = new Date(now.getTime() + 60_000);
      const maker = { aadObjectId: solution.maker.aadObjectId!, displayName: 'Maker' };
      expect(await handling.act(maker, request.id, { type: 'not-my-solution', note: `not mine ${i}` })).toMatchObject({
        card: { card: 'maker-notification' },
      });
    }
    const admin = new CatalogAdmin({
      store: CatalogTableStore.on(tables),
      flags: new TableCatalogFlags(tables.client('cases')),
      adminIds: new Set([ADMIN.aadObjectId]),
      clock,
    });
    expect(await admin.openFlags(MAKER)).toMatchObject({ ok: false, reason: 'not-admin' });
    const open = await admin.openFlags(ADMIN);
    if (!open.ok) throw new Error(open.message.key);
    expect(open.value.map((f) => f.note)).toEqual(['not mine 2', 'not mine 1', 'not mine 0']);
    expect(open.value.map((f) => f.solutionId)).toEqual([...solutionIds].reverse());

    const first = open.value[2]!;
    expect(await admin.resolveFlag(ADMIN, first.solutionId, first.requestId, 'Reassigned to Lee')).toEqual({ ok: true, value: true });
    expect(await admin.resolveFlag(ADMIN, first.solutionId, first.requestId, 'again')).toMatchObject({ ok: false, reason: 'not-found' });
    const after = await admin.openFlags(ADMIN);
    expect(after.ok && after.value.map((f) => f.note)).toEqual(['not mine 2', 'not mine 1']);
    const ofSolution = await new TableCatalogFlags(tables.client('cases')).ofSolution(first.solutionId);
    expect(ofSolution).toEqual([
      expect.objectContaining({
        resolution: 'Reassigned to Lee',
        resolvedBy: { aadObjectId: ADMIN.aadObjectId, displayName: ADMIN.displayName },
      }),
    ]);
  });
});
