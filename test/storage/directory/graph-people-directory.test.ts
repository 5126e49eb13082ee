import { GraphPeopleDirectory } from '../../../src/storage/directory/graph-people-directory';
import { GraphStandIn, type StandInUser } from '../../support/graph-stand-in';

const people: StandInUser[] = Array.from({ length: 45 }, (_, i) => ({
  id: `${i.toString(16).padStart(8, '0')}-1111-4000-8000-000000000000`,
  displayName: `Person ${i}`,
  userPrincipalName: `person${i}@contoso.example`,
  mail: i === 7 ? 'p.seven@contoso.example' : `person${i}@contoso.example`,
  accountEnabled: i !== 9,
  ...(i === 3 ? { preferredLanguage: 'ko-KR' } : {}),
}));

describe('GraphPeopleDirectory against the local Graph stand-in', () => {
  let graph: GraphStandIn;
  const slept: number[] = [];
  const directory = (extra: Partial<ConstructorParameters<typeof GraphPeopleDirectory>[0]> = {}) =>
    new GraphPeopleDirectory({
      baseUrl: extra.baseUrl ?? graph.baseUrl,
      sleep: async (ms) => void slept.push(ms),
      random: () => 0.5,
      ...extra,
    });

  beforeEach(async () => {
    graph = await new GraphStandIn(people).start();
    slept.length = 0;
  });
  afterEach(() => graph.stop());

  it('looks people up by UPN, object id or mail in batches of at most 20', async () => {
    const keys = [
      ...people.slice(0, 43).map((p) => p.userPrincipalName.toUpperCase()),
      people[43]!.id,
      'P.Seven@contoso.example',
      'nobody@contoso.example',
    ];
    const answers = await directory().lookup(keys);
    expect(graph.batchSizes.slice(0, 3)).toEqual([20, 20, 6]);
    expect(answers.get('PERSON3@CONTOSO.EXAMPLE')).toEqual({
      kind: 'found',
      user: {
        id: people[3]!.id,
        displayName: 'Person 3',
        userPrincipalName: 'person3@contoso.example',
        mail: 'person3@contoso.example',
        accountEnabled: true,
        preferredLanguage: 'ko-KR',
      },
    });
    expect(answers.get(people[43]!.id)).toMatchObject({ kind: 'found', user: { displayName: 'Person 43' } });
    // Not a UPN: found by mail in a second round.
    expect(answers.get('P.Seven@contoso.example')).toMatchObject({ kind: 'found', user: { id: people[7]!.id } });
    expect(graph.lookups).toContain('mail:p.seven@contoso.example');
    expect(answers.get('nobody@contoso.example')).toEqual({ kind: 'not-found' });
    expect(answers.get('person9@contoso.example')).toMatchObject({ kind: 'found', user: { accountEnabled: false } });
  });

  it('waits for Retry-After when the whole batch is throttled, then answers', async () => {
    graph.failNext(2, 429, 3);
    const answers = await directory().lookup(['person1@contoso.example']);
    expect(answers.get('person1@contoso.example')).toMatchObject({ kind: 'found' });
    expect(slept).toEqual([3000, 3000]);
  });

  it('retries only the throttled sub-requests of a batch', async () => {
    graph.throttle('person2@contoso.example', 2);
    const answers = await directory().lookup(['person1@contoso.example', 'person2@contoso.example']);
    expect(answers.get('person2@contoso.example')).toMatchObject({ kind: 'found' });
    expect(graph.batchSizes).toEqual([2, 1, 1]);
  });

  it('backs off on server errors and gives up after its tries: unavailable, never thrown', async () => {
    graph.failNext(10, 503);
    const answers = await directory({ attempts: 3 }).lookup(['person1@contoso.example']);
    expect(answers.get('person1@contoso.example')).toEqual({ kind: 'unavailable', detail: 'Microsoft Graph did not answer after 3 tries' });
    expect(slept).toEqual([250 * 1.5, 500 * 1.5].map((ms) => ms));
    expect(graph.requests).toHaveLength(3);
  });

  it('stops within its time budget when Graph asks to wait longer', async () => {
    graph.failNext(1, 429, 120);
    const answers = await directory().lookup(['person1@contoso.example'], { timeoutMs: 2000 });
    expect(answers.get('person1@contoso.example')).toEqual({
      kind: 'unavailable',
      detail: 'Microsoft Graph did not answer in time (throttled or down)',
    });
    expect(slept).toEqual([]);
  });

  it("sends the app's token, and says what permission is missing when refused", async () => {
    await graph.stop();
    graph = await new GraphStandIn(people, { requireToken: 'app-token' }).start();
    const ok = await directory({ tokens: { token: async () => 'app-token' } }).lookup(['person1@contoso.example']);
    expect(ok.get('person1@contoso.example')).toMatchObject({ kind: 'found' });
    expect(graph.requests[0]).toMatchObject({ method: 'POST', path: '/v1.0/$batch', authorization: 'Bearer app-token' });
    const refused = await directory({ tokens: { token: async () => 'wrong' } }).lookup(['person1@contoso.example']);
    expect(refused.get('person1@contoso.example')).toEqual({ kind: 'unavailable', detail: expect.stringContaining('User.Read.All') });
  });

  it('reports a Graph that cannot be reached as unavailable', async () => {
    const baseUrl = graph.baseUrl;
    await graph.stop();
    const answers = await directory({ baseUrl, attempts: 2 }).lookup(['person1@contoso.example']);
    expect(answers.get('person1@contoso.example')).toMatchObject({ kind: 'unavailable' });
  });
});
