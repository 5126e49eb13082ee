/**
 * A catalog that names people the way an IT admin has them (emails, no object ids) imports against
 * the local Graph stand-in, routes to the right people, and reports whoever cannot be found.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT, runCatalogCli } from '../../src/cli/catalog-command';
import { everyoneReachable, routeRequest } from '../../src/domain/routing';
import { CatalogService } from '../../src/services/catalog/catalog-service';
import { CatalogTableStore } from '../../src/storage/catalog/catalog-table-store';
import { GraphPeopleDirectory } from '../../src/storage/directory/graph-people-directory';
import { TableService } from '../../src/storage/table-service';
import { GraphStandIn } from '../support/graph-stand-in';
import { testConnectionString, uniquePrefix } from '../support/test-storage';

const MEGAN = {
  id: '79a4d994-151f-4573-9813-92f75a1223df',
  displayName: 'Megan Bowen',
  userPrincipalName: 'meganb@contoso.example',
  mail: 'meganb@contoso.example',
  preferredLanguage: 'en-GB',
};
const LEE = {
  id: 'f0fcce3d-482b-4e59-81e2-542c7050214b',
  displayName: 'Lee Gu',
  userPrincipalName: 'leeg@contoso.onmicrosoft.example',
  mail: 'lee.gu@contoso.example',
};
const ADELE = {
  id: 'a1e0c0de-0000-4000-8000-0000000000ad',
  displayName: 'Adele Vance',
  userPrincipalName: 'adelev@contoso.example',
  accountEnabled: false,
};
const PATTI = { id: '5e7f3c1a-9b2d-4e6f-8a1b-2c3d4e5f6a7b', displayName: 'Patti Fernandez', userPrincipalName: 'pattif@contoso.example' };

const HEADER = 'id,name,kind,tier,maker_email,co_owners,status,manager_email';
const CSV = [
  HEADER,
  // Emails only; Lee is known to Graph by mail, not by his UPN; one co-owner is not in the directory.
  'room-booking,Room Booking,flow,Important,meganb@contoso.example,"lee.gu@contoso.example; Ghost Writer <ghost@contoso.example>",,',
  'old-survey,Old Survey,canvas,Productivity,adelev@contoso.example,,orphaned,pattif@contoso.example',
].join('\n');

function capture() {
  let out = '';
  let err = '';
  return { io: { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } }, out: () => out, err: () => err };
}

describe('people by email or UPN, resolved through Microsoft Graph (Azurite + Graph stand-in)', () => {
  let graph: GraphStandIn;
  const dir = mkdtempSync(path.join(tmpdir(), 'catalog-people-'));
  const file = path.join(dir, 'catalog.csv');
  writeFileSync(file, CSV, 'utf8');
  const prefix = uniquePrefix();
  const tables = new TableService({ kind: 'connection-string', connectionString: testConnectionString() }, prefix);
  const store = CatalogTableStore.on(tables);
  let env: Record<string, string>;

  beforeAll(async () => {
    graph = await new GraphStandIn([MEGAN, LEE, ADELE, PATTI]).start();
    env = { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: prefix, GRAPH_BASE_URL: graph.baseUrl };
  });
  afterAll(() => graph.stop());

  it('imports every row, with the ids Graph gave, and lists whom it could not find', async () => {
    const c = capture();
    expect(await runCatalogCli(['import', file], env, c.io)).toBe(EXIT.ok);
    expect(c.out()).toContain('Done: 2 solutions written.');
    expect(c.out()).toContain('line 2 (id "room-booking"): co-owner ghost@contoso.example: not found in Microsoft Entra ID');
    // The orphaned solution's maker is disabled, as expected of someone who left: nothing to look at.
    expect(c.out()).toContain('People to look at (imported, but the bot cannot reach them; 1):');

    const rooms = (await store.get('room-booking'))!.solution;
    expect(rooms.maker).toMatchObject({
      aadObjectId: MEGAN.id,
      displayName: 'Megan Bowen',
      preferredLanguage: 'en-GB',
      identity: { state: 'resolved' },
    });
    expect(rooms.coOwners).toEqual([
      expect.objectContaining({
        aadObjectId: LEE.id,
        displayName: 'Lee Gu',
        email: 'lee.gu@contoso.example',
        identity: expect.objectContaining({ state: 'resolved' }),
      }),
      expect.objectContaining({
        displayName: 'Ghost Writer',
        email: 'ghost@contoso.example',
        identity: expect.objectContaining({ state: 'not-found' }),
      }),
    ]);
    expect(rooms.coOwners[1]!.aadObjectId).toBeUndefined();
  });

  it('routes to the people it found and skips the one it could not', async () => {
    const rooms = (await store.get('room-booking'))!.solution;
    const route = routeRequest({
      category: 'solution-problem',
      impact: 'me',
      urgency: 'workaround',
      solution: rooms,
      reachability: everyoneReachable(rooms),
    });
    expect(route).toMatchObject({ kind: 'co-owners', coOwners: [expect.objectContaining({ aadObjectId: LEE.id })] });
    expect(route.kind === 'co-owners' && route.coOwners).toHaveLength(1);
  });

  it('lets the manager stand in for a maker who left, and knows a disabled account when it sees one', async () => {
    const survey = (await store.get('old-survey'))!.solution;
    expect(survey.maker.identity?.state).toBe('disabled');
    const route = routeRequest({
      category: 'solution-problem',
      impact: 'me',
      urgency: 'workaround',
      solution: survey,
      reachability: everyoneReachable(survey),
    });
    expect(route).toMatchObject({
      kind: 'maker',
      reason: 'maker-left-manager',
      maker: { aadObjectId: PATTI.id, displayName: 'Patti Fernandez' },
      standsInFor: { email: 'adelev@contoso.example' },
    });
  });

  it('importing the same file again changes nothing and asks Graph only about the person it could not find', async () => {
    const before = graph.lookups.length;
    const c = capture();
    expect(await runCatalogCli(['import', file], env, c.io)).toBe(EXIT.ok);
    expect(c.out()).toContain('Nothing to change: the catalog already matches the file.');
    expect(graph.lookups.slice(before)).toEqual(['ghost@contoso.example', 'mail:ghost@contoso.example']);
  });

  it('exports the ids it learnt, and that export imports back unchanged', async () => {
    const exported = path.join(dir, 'export.csv');
    expect(await runCatalogCli(['export', exported], env, capture().io)).toBe(EXIT.ok);
    const text = readFileSync(exported, 'utf8');
    expect(text).toContain(`Lee Gu <lee.gu@contoso.example> [${LEE.id}]; Ghost Writer <ghost@contoso.example>`);
    const c = capture();
    expect(await runCatalogCli(['import', exported], env, c.io)).toBe(EXIT.ok);
    expect(c.out()).toMatch(/^ {2}unchanged 2$/m);
  });

  it('imports with Graph down (people pending), then finds them before the first message', async () => {
    const service = new CatalogService(store, { directory: new GraphPeopleDirectory({ baseUrl: graph.baseUrl, attempts: 1 }) });
    graph.failNext(1, 503);
    const report = await service.importRows([
      { line: 2, values: { id: 'late', name: 'Late', kind: 'flow', tier: 'Productivity', maker_email: 'pattif@contoso.example' } },
    ]);
    expect(report.attention).toEqual([expect.objectContaining({ line: 2, role: 'maker', state: 'pending' })]);
    const pending = (await service.get('late'))!;
    expect(everyoneReachable(pending).makerReachable).toBe(false);
    expect(await service.peopleNeedingAttention()).toEqual(
      expect.arrayContaining([expect.objectContaining({ solutionId: 'late', state: 'pending' })]),
    );

    const resolved = await service.withKnownPeople(pending);
    expect(resolved.maker).toMatchObject({ aadObjectId: PATTI.id, displayName: 'Patti Fernandez' });
    expect((await service.get('late'))!.maker.aadObjectId).toBe(PATTI.id);
    expect((await service.solutionsOf(PATTI.id)).made.map((s) => s.id)).toEqual(['late']);
  });
});
