/**
 * The scheduled catalog sync: from a CoE export in a blob container (Azurite's blob service) or the
 * Dataverse Web API (a local stand-in), under a lease so that with several instances exactly one syncs.
 */
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { AZURITE_ACCOUNT, AZURITE_KEY, startAzuriteBlob } from '../../scripts/lib/azurite';
import { findFreePort } from '../../scripts/lib/ports';
import { runCatalogCli } from '../../src/cli/catalog-command';
import { CatalogService } from '../../src/services/catalog/catalog-service';
import { CatalogSync } from '../../src/services/catalog/catalog-sync';
import { CatalogTableStore } from '../../src/storage/catalog/catalog-table-store';
import { TableSyncStatus } from '../../src/storage/catalog/table-sync-status';
import { BlobCatalogSource } from '../../src/storage/catalog-sources/blob-catalog-source';
import { DataverseCatalogSource } from '../../src/storage/catalog-sources/dataverse-catalog-source';
import { TableLeaseStore } from '../../src/storage/leases/table-lease-store';
import { DataverseStandIn } from '../support/dataverse-stand-in';
import { freshTables, testConnectionString } from '../support/test-storage';

const MEGAN = '79a4d994-151f-4573-9813-92f75a1223df';
const HEADER =
  'admin_flowid,admin_displayname,admin_flowenvironmentdisplayname,admin_flowmakerdisplayname,_admin_flowcreator_value,admin_flowcreatorupn,admin_flowdeleted,cr5d5_flowisorphaned,admin_flowsharedusers';
const flow = (id: string, name: string, extra = 'False,No,4') =>
  `${id},${name},Finance (prod),Megan Bowen,${MEGAN},meganb@contoso.example,${extra}`;

describe('catalog sync from a blob container, one instance at a time (Azurite)', () => {
  let blob: { url: string; stop(): Promise<void> };
  let clockMs = Date.parse('2026-06-01T08:00:00.000Z');
  const clock = { now: () => new Date(clockMs) };

  beforeAll(async () => {
    blob = await startAzuriteBlob({ port: await findFreePort(), output: { kind: 'silent' } });
  }, 60_000);
  afterAll(() => blob.stop());

  async function upload(container: string, name: string, text: string): Promise<void> {
    const service = new BlobServiceClient(blob.url, new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY));
    const client = service.getContainerClient(container);
    await client.createIfNotExists();
    await client.getBlockBlobClient(name).upload(text, Buffer.byteLength(text));
  }

  it('syncs on one instance only, writes only what changed, and keeps a line-numbered result admins can read', async () => {
    const tables = await freshTables();
    const store = CatalogTableStore.on(tables);
    const status = new TableSyncStatus(tables.client('catalogMeta'));
    const source = new BlobCatalogSource({
      storage: { kind: 'connection-string', connectionString: testConnectionString() },
      container: 'catalog',
      path: 'coe-flows.csv',
      blobUrl: blob.url,
    });
    const instances = ['a', 'b', 'c'].map(
      (owner) =>
        new CatalogSync({
          source,
          catalog: new CatalogService(store, { clock }),
          status,
          leases: new TableLeaseStore(tables.client('leases')),
          clock,
          owner,
          intervalMs: 60 * 60_000,
        }),
    );
    await upload(
      'catalog',
      'coe-flows.csv',
      [HEADER, flow('f1', 'Invoice Processing'), flow('f2', 'Travel approvals'), flow('', 'No id')].join('\n'),
    );

    const first = await Promise.all(instances.map((i) => i.runOnce()));
    expect(first.filter((r) => r.ran)).toHaveLength(1);
    expect(first.filter((r) => !r.ran).map((r) => !r.ran && r.why)).toEqual(['not-leader', 'not-leader']);
    const report = (await status.read())!;
    expect(report).toMatchObject({
      source: 'blob catalog/coe-flows.csv',
      outcome: 'ok',
      counts: { added: 2, updated: 0, unchanged: 0, rejected: 1 },
    });
    expect(report.rejected).toEqual([{ line: 4, reasons: ['missing id'] }]);
    expect((await store.get('f1'))!.solution).toMatchObject({ name: 'Invoice Processing', kind: 'flow', usage: { sharedUsers: 4 } });

    // The leader again before the interval: not due. After it, one change in the export: one update.
    const leader = instances[first.findIndex((r) => r.ran)]!;
    expect(await leader.runOnce()).toEqual({ ran: false, why: 'not-due' });
    await upload(
      'catalog',
      'coe-flows.csv',
      [HEADER, flow('f1', 'Invoice Processing'), flow('f2', 'Travel approvals', 'False,Yes,4')].join('\n'),
    );
    clockMs += 61 * 60_000;
    const version = await store.readVersion();
    const second = await leader.runOnce();
    expect(second).toMatchObject({ ran: true, report: { counts: { added: 0, updated: 1, unchanged: 1, rejected: 0 } } });
    expect((await store.get('f2'))!.solution.status).toBe('orphaned');
    expect(await store.readVersion()).not.toBe(version);

    // Leases expire: when the leader stops, another instance takes over the sync.
    await leader.release();
    clockMs += 61 * 60_000;
    const others = instances.filter((i) => i !== leader);
    const third = await Promise.all(others.map((i) => i.runOnce()));
    expect(third.filter((r) => r.ran)).toHaveLength(1);
    await Promise.all(instances.map((i) => i.release()));
  }, 60_000);

  it('records a source it cannot read as a failed sync, and changes nothing', async () => {
    const tables = await freshTables();
    const status = new TableSyncStatus(tables.client('catalogMeta'));
    const source = new BlobCatalogSource({
      storage: { kind: 'connection-string', connectionString: testConnectionString() },
      container: 'catalog',
      path: 'missing.csv',
      blobUrl: blob.url,
    });
    const sync = new CatalogSync({
      source,
      catalog: new CatalogService(CatalogTableStore.on(tables), { clock }),
      status,
      leases: new TableLeaseStore(tables.client('leases')),
      clock,
      owner: 'x',
      intervalMs: 60_000,
    });
    expect(await sync.runOnce()).toMatchObject({
      ran: true,
      report: { outcome: 'failed', error: 'could not read blob catalog/missing.csv: not found' },
    });
    await sync.release();
  });
});

describe('catalog sync from the Dataverse Web API (stand-in)', () => {
  const FV = '@OData.Community.Display.V1.FormattedValue';
  const rows = ['a1', 'a2', 'a3'].map((id, i) => ({
    '@odata.etag': `W/"${i}"`,
    admin_appid: id,
    admin_displayname: `App ${i}`,
    admin_powerappstype: 597910001,
    [`admin_powerappstype${FV}`]: 'Model Driven',
    _admin_appowner_value: MEGAN,
    [`_admin_appowner_value${FV}`]: 'Megan Bowen',
    admin_AppOwner: { admin_userprincipalname: 'meganb@contoso.example', admin_makerisorphaned: i === 2 },
    cr5d5_appisorphaned: 'No',
  }));

  it('follows the pages, waits out a 429, and shows the result through the CLI', async () => {
    const dataverse = await new DataverseStandIn(rows).start();
    const tables = await freshTables();
    const status = new TableSyncStatus(tables.client('catalogMeta'));
    const slept: number[] = [];
    const source = new DataverseCatalogSource({ url: `${dataverse.url}?$expand=admin_AppOwner`, sleep: async (ms) => void slept.push(ms) });
    dataverse.failNext(1, 429, 2);
    const clock = { now: () => new Date('2026-06-01T08:00:00.000Z') };
    const sync = new CatalogSync({
      source,
      catalog: new CatalogService(CatalogTableStore.on(tables), { clock }),
      status,
      leases: new TableLeaseStore(tables.client('leases')),
      clock,
      owner: 'x',
      intervalMs: 60_000,
    });
    const run = await sync.runOnce();
    expect(run).toMatchObject({ ran: true, report: { outcome: 'ok', counts: { added: 3 } } });
    expect(slept).toEqual([2000]);
    expect(dataverse.requests.map((r) => r.url)).toEqual([
      '/api/data/v9.2/admin_apps?$expand=admin_AppOwner',
      '/api/data/v9.2/admin_apps?$expand=admin_AppOwner',
      '/api/data/v9.2/admin_apps?$skiptoken=2',
    ]);
    expect(dataverse.requests[0]!.prefer).toContain('odata.include-annotations="*"');
    const stored = (await CatalogTableStore.on(tables).get('a3'))!.solution;
    expect(stored).toMatchObject({ kind: 'model-driven-app', status: 'orphaned', maker: { email: 'meganb@contoso.example' } });

    let out = '';
    const code = await runCatalogCli(
      ['sync-status'],
      { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: tables.tableName('catalogMeta').replace(/CatalogMeta$/, '') },
      { out: { write: (t: string) => (out += t) }, err: { write: () => undefined } },
    );
    expect(code).toBe(0);
    expect(out).toContain('Last catalog sync: 2026-06-01T08:00:00.000Z');
    expect(out).toMatch(/added +3/);
    await sync.release();
    await dataverse.stop();
  });
});
