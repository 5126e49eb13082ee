import { randomUUID } from 'node:crypto';
import { referenceFor, type SupportRequest } from '../../src/domain/intake/support-request';
import { requestEvent } from '../../src/domain/history';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { actionExecute, ALEX, personalMessage, user, type TestUser } from '../support/activities';
import { BotHarness } from '../support/bot-harness';
import { allText, cardsIn } from '../support/cards';
import { SOLUTIONS } from '../support/fixture-solutions';
import { fixedCatalog } from '../support/test-catalog';
import { largestRequest } from '../support/largest-records';

const MEGAN = user('Megan Bowen', '79a4d994-151f-4573-9813-92f75a1223df');
const COUNT = 25;

/* eslint-disable @typescript-eslint/no-explicit-any */
/** "my requests" pages through all of a person's requests and opens one with its history (issue 14). */
describe('my requests: pages and one request with its history', () => {
  let bot: BotHarness;
  let cases: TableCaseStore;
  const alexRequests: SupportRequest[] = [];
  let megansRequest: SupportRequest;

  /** One request of `who`, `minutesAgo` old, titled `title`, with its first history events. */
  async function seed(who: TestUser, title: string, minutesAgo: number): Promise<SupportRequest> {
    const at = new Date(Date.now() - minutesAgo * 60_000);
    const template = largestRequest('a', SOLUTIONS.expenses, at);
    const id = randomUUID();
    const requester = { aadObjectId: who.aadObjectId, displayName: who.name };
    const request: SupportRequest = {
      ...template.request,
      id,
      reference: referenceFor(id),
      requester,
      details: { ...template.request.details, title, description: `About ${title}` },
    };
    const actor = { kind: 'user' as const, role: 'requester' as const, ...requester };
    const history = [
      requestEvent('submitted', actor, at, { category: request.category, severity: request.severity }),
      requestEvent('claimed', { kind: 'user', role: 'co-owner', aadObjectId: 'c0', displayName: 'Lee Gu' }, new Date(at.getTime() + 1000), {
        by: { aadObjectId: 'c0', displayName: 'Lee Gu' },
      }),
    ];
    await cases.create(request, history, []);
    return request;
  }

  beforeAll(async () => {
    bot = await BotHarness.start({}, { catalog: fixedCatalog(Object.values(SOLUTIONS)) });
    cases = new TableCaseStore(bot.tables().client('cases'));
    for (let i = 0; i < COUNT; i++) alexRequests.push(await seed(ALEX, `Alex request ${i}`, COUNT - i));
    megansRequest = await seed(MEGAN, 'Megan private request', 1);
  });
  afterAll(async () => bot.stop());

  async function say(text: string, from: TestUser): Promise<any> {
    bot.connector.reset();
    expect((await bot.post(personalMessage(text, { serviceUrl: bot.serviceUrl, from }))).status).toBe(200);
    await bot.connector.waitFor((calls) => calls.length >= 1);
    return cardsIn(bot.connector.sentActivities)[0];
  }

  async function press(verb: string, data: unknown, from: TestUser, extra: object = {}): Promise<any> {
    const answer = await bot.post({
      ...actionExecute(verb, data as Record<string, unknown>, { serviceUrl: bot.serviceUrl, from }),
      ...extra,
    });
    expect(answer.status).toBe(200);
    return answer.body.value;
  }

  const actions = (card: any, verb: string): any[] => {
    const found: any[] = [];
    const walk = (node: any): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        if (node.type === 'Action.Execute' && node.verb === verb) found.push(node);
        Object.values(node).forEach(walk);
      }
    };
    walk(card);
    return found;
  };
  const titlesOn = (card: any): string[] => [...allText(card).matchAll(/Alex request \d+/g)].map((m) => m[0]);
  const pageTitle = (action: any): string => action.title;

  it('a person with 25 requests pages through all of them, newest first, and back', async () => {
    const first = await say('my requests', ALEX);
    const seen: string[][] = [titlesOn(first)];
    expect(actions(first, 'requests.page')).toHaveLength(1); // Next only on the newest page
    let card = first;
    const pages = [first];
    for (;;) {
      const next = actions(card, 'requests.page').find((a) => pageTitle(a) === 'Next');
      if (!next) break;
      card = await press('requests.page', next.data, ALEX);
      pages.push(card);
      seen.push(titlesOn(card));
    }
    const expected = alexRequests.map((r) => r.details.title).reverse();
    expect(seen.flat()).toEqual(expected);
    expect(seen.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(allText(card)).not.toContain('Megan private request');

    // Previous from the last page shows the second page again, then the first.
    const previous = actions(card, 'requests.page').find((a) => pageTitle(a) === 'Previous');
    const second = await press('requests.page', previous.data, ALEX);
    expect(titlesOn(second)).toEqual(expected.slice(10, 20));
    const back = actions(second, 'requests.page').find((a) => pageTitle(a) === 'Previous');
    expect(titlesOn(await press('requests.page', back.data, ALEX))).toEqual(expected.slice(0, 10));
  });

  it('"Open" shows the request with its newest history, in the reader\'s language and time zone', async () => {
    const first = await say('my requests', ALEX);
    const open = actions(first, 'requests.open')[0];
    const newest = alexRequests[COUNT - 1]!;
    expect(open.data).toEqual({ requestId: newest.id });
    const card = await press('requests.open', open.data, ALEX);
    const words = allText(card);
    expect(words).toContain(`${newest.reference} · Alex request 24`);
    expect(words).toContain('About Alex request 24');
    // newest first
    expect(words.indexOf('Lee Gu took it on.')).toBeLessThan(words.indexOf('You sent the request.'));

    const fr = await press('requests.open', open.data, ALEX, {
      locale: 'fr-FR',
      entities: [{ type: 'clientInfo', timezone: 'Asia/Seoul' }],
    });
    expect(allText(fr)).toContain('Lee Gu l’a prise en charge.');
    expect(allText(fr)).toContain('Vous avez envoyé la demande.');
    const claimedAt = new Date(Date.parse(newest.createdAt) + 1000);
    const seoulHour = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Asia/Seoul', hour: '2-digit' }).format(claimedAt).replace(/\D/g, '');
    expect(allText(fr)).toMatch(new RegExp(`\\b${seoulHour}:`));
  });

  it("another person's request id in the card data is refused, and says nothing about it", async () => {
    const answer = await press('requests.open', { requestId: megansRequest.id }, ALEX);
    const unknown = await press('requests.open', { requestId: randomUUID() }, ALEX);
    expect(JSON.stringify(answer)).not.toContain('Megan');
    expect(answer).toEqual(unknown);
    expect(JSON.stringify(answer)).toContain('I can’t find that request among yours.');
  });

  it("a forged continuation is refused before any read; a well-formed one reads only the caller's index", async () => {
    const forged = await press('requests.page', { after: "' or PartitionKey ne '", trail: '' }, ALEX);
    expect(JSON.stringify(forged)).toContain('This card is out of date');
    // Megan's own continuation handed to Alex's page: only Alex's requests, nothing of Megan's.
    const page = await press('requests.page', { after: `0000000000000|${megansRequest.id}`, trail: '' }, ALEX);
    expect(allText(page)).not.toContain('Megan private request');
  });
});
