// The package's "main" is ES modules, which jest does not load untransformed: use its UMD build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');
import type { CardName } from '../../../src/presentation/cards';
import { renderCard as renderRef } from '../../../src/teams/rendering';

const renderCard = (card: CardName, data: Record<string, unknown>) => renderRef({ card, data });
import { allText, verbs } from '../../support/cards';

const SUMMARY = {
  requestId: '7abbe92b-0922-4154-ad38-075b9897e1d2',
  reference: 'REQ-FAXYJAR9',
  requesterName: 'Alex Wilber',
  title: 'Totals are wrong',
  description: 'The monthly total ignores the last row.',
  since: 'this morning',
  severity: 'C',
  solutionName: 'Budget Planner',
  environment: 'Contoso (default)',
  heading: 'A problem was reported',
  notice: '',
};

/** Parses the bound card with the Adaptive Cards SDK: no parse or validation problems. */
function problems(card: object): string[] {
  const ac = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  ac.parse(card, context);
  const out: string[] = [];
  for (let i = 0; i < context.eventCount; i++) out.push(context.getEventAt(i).message);
  const validation = ac.validateProperties();
  for (const event of validation.validationEvents) out.push(event.message);
  return out;
}

describe('notification cards', () => {
  it.each([
    [
      'maker-notification',
      { state: 'open' },
      ['request.acknowledge', 'request.resolve', 'request.handToHelpDesk', 'request.notMine', 'request.stuck'],
    ],
    ['maker-notification', { state: 'acknowledged' }, ['request.resolve', 'request.handToHelpDesk', 'request.notMine', 'request.stuck']],
    ['maker-notification', { state: 'closed', notice: 'Resolved by Megan Bowen.' }, []],
    ['co-owner-ping', { state: 'open', coOwnerNames: 'Lee Gu, Nestor Wilke', claimedByName: '' }, ['request.claim']],
    [
      'co-owner-ping',
      { state: 'mine', coOwnerNames: 'Lee Gu', claimedByName: 'Lee Gu' },
      ['request.resolve', 'request.handToHelpDesk', 'request.stuck'],
    ],
    ['co-owner-ping', { state: 'claimed', coOwnerNames: 'Lee Gu', claimedByName: 'Lee Gu' }, []],
    ['requester-update', { update: 'Megan Bowen is on it.', holder: 'Megan Bowen' }, []],
  ] as const)('%s (%j) is a valid Adaptive Card 1.5 with its buttons', (name, data, expectedVerbs) => {
    const card = renderCard(name as CardName, { ...SUMMARY, ...data });
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(problems(card)).toEqual([]);
    expect(verbs(card)).toEqual(expectedVerbs);
    // Every button names the request, and nothing else: who may act is decided from storage.
    for (const action of (card.actions ?? []) as Array<{ data: object }>) expect(action.data).toEqual({ requestId: SUMMARY.requestId });
  });

  it('binds user text as data, never as template', () => {
    const card = renderCard('requester-update', { ...SUMMARY, title: '${reference} ${requestId}', update: '${description}', holder: 'x' });
    expect(allText(card)).toContain('${reference} ${requestId}');
    expect(allText(card)).toContain('${description}');
  });

  it('the admin status card lists stuck and failed deliveries', () => {
    const card = renderCard('outbox-status', {
      pending: 3,
      oldestMinutes: 42,
      stuckCount: 1,
      failedCount: 1,
      stuck: [{ line: 'maker-notification → DM Megan: 42 min' }],
      failed: [{ line: 'co-owner-ping → DM Lee: unreachable' }],
      uncertainCount: 0,
      uncertain: [],
    });
    expect(problems(card)).toEqual([]);
    const text = allText(card);
    expect(text).toContain('42 min');
    expect(text).toContain('maker-notification → DM Megan: 42 min');
    expect(text).toContain('co-owner-ping → DM Lee: unreachable');
    expect(text).not.toContain('Uncertain deliveries');
  });

  it('the admin status card counts and lists deliveries that may or may not have arrived, and says what to do', () => {
    const card = renderCard('outbox-status', {
      pending: 0,
      oldestMinutes: 0,
      stuckCount: 0,
      failedCount: 0,
      stuck: [],
      failed: [],
      uncertainCount: 1,
      uncertain: [
        { line: 'maker-notification → DM Megan: tried at 2026-11-20T10:00:00.000Z, no answer (message id r1.maker-notification.m1)' },
      ],
    });
    expect(problems(card)).toEqual([]);
    const text = allText(card);
    expect(text).toContain('Uncertain deliveries');
    expect(text).toContain('(message id r1.maker-notification.m1)');
    expect(text).toContain('resend or dismiss');
    expect(text).not.toContain('Nothing stuck');
  });
});
