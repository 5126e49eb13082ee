import type { SupportRequest } from '../../../src/domain/intake/support-request';
import { afterAction, authorize, cleanNote, isRecipient, refusalMessage } from '../../../src/domain/notifications/request-handling';
import { verbatim } from '../../../src/domain/text';
import { holderInSentence } from '../../../src/presentation/labels';
import { english } from '../../support/words';
import { timerForDelivery, timerStillApplies } from '../../../src/domain/notifications/request-timers';

const MEGAN = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen' };
const LEE = { aadObjectId: 'f0fcce3d-482b-4e59-81e2-542c7050214b', displayName: 'Lee Gu' };
const NESTOR = { aadObjectId: 'c348d661-5771-4eac-977a-6085503963b9', displayName: 'Nestor Wilke' };
const STRANGER = 'ddddeeee-0000-4000-8000-00000000000f';
const AT = new Date('2026-11-20T10:00:00Z');

function request(holder: SupportRequest['holder'], status: SupportRequest['status'] = 'open'): SupportRequest {
  return {
    id: 'r1',
    reference: 'REQ-1',
    requester: { aadObjectId: 'a1e0c0de-0000-4000-8000-000000000001', displayName: 'Alex' },
    category: 'solution-problem',
    solution: {
      id: 's',
      name: 'Budget',
      kind: 'canvas-app',
      environment: 'Default',
      tier: 'Productivity',
      maker: { ...MEGAN, email: 'm@x' },
      coOwners: [
        { ...LEE, email: 'l@x' },
        { ...NESTOR, email: 'n@x' },
      ],
    },
    notInCatalog: false,
    details: { title: 't', description: 'd', since: '', impact: 'me', urgency: 'workaround' },
    severity: 'C',
    routeKind: holder.kind,
    routeReason: 'productivity-problem',
    handToDedicatedTeam: false,
    holder,
    explanation: verbatim(''),
    status,
    createdAt: AT.toISOString(),
    updatedAt: AT.toISOString(),
  };
}

describe('authorize', () => {
  const maker = request({ kind: 'maker', person: MEGAN });
  const coOwners = request({ kind: 'co-owners', people: [LEE, NESTOR] });
  const claimed = request({ kind: 'co-owners', people: [LEE, NESTOR], claimedBy: LEE }, 'claimed');

  it('lets the maker who holds the request act, once per acknowledgement', () => {
    for (const type of ['acknowledge', 'resolve', 'hand-to-help-desk', 'not-my-solution', 'stuck'] as const) {
      expect(authorize(maker, MEGAN.aadObjectId, { type })).toEqual({ ok: true, role: 'maker' });
    }
    expect(authorize({ ...maker, status: 'acknowledged' }, MEGAN.aadObjectId, { type: 'acknowledge' })).toEqual({
      ok: false,
      reason: 'already-acknowledged',
    });
    // Identity is compared case-insensitively (Teams sends lower case; catalogs vary).
    expect(authorize(maker, MEGAN.aadObjectId.toUpperCase(), { type: 'resolve' }).ok).toBe(true);
  });

  it('refuses anyone else, with a reason', () => {
    expect(authorize(maker, STRANGER, { type: 'resolve' })).toEqual({ ok: false, reason: 'not-holder' });
    expect(authorize(maker, STRANGER, { type: 'claim' })).toEqual({ ok: false, reason: 'not-co-owner' });
    expect(authorize(maker, MEGAN.aadObjectId, { type: 'claim' })).toEqual({ ok: false, reason: 'not-co-owner' });
    expect(authorize(coOwners, MEGAN.aadObjectId, { type: 'resolve' })).toEqual({ ok: false, reason: 'moved-on' });
    expect(authorize(request({ kind: 'help-desk' }), LEE.aadObjectId, { type: 'claim' })).toEqual({ ok: false, reason: 'moved-on' });
    expect(authorize({ ...maker, status: 'resolved' }, MEGAN.aadObjectId, { type: 'resolve' })).toEqual({ ok: false, reason: 'closed' });
  });

  it('co-owners: any of them may claim until one has; then only the claimer acts', () => {
    expect(authorize(coOwners, NESTOR.aadObjectId, { type: 'claim' })).toEqual({ ok: true, role: 'co-owner' });
    expect(authorize(coOwners, STRANGER, { type: 'claim' })).toEqual({ ok: false, reason: 'not-co-owner' });
    expect(authorize(coOwners, LEE.aadObjectId, { type: 'resolve' })).toEqual({ ok: false, reason: 'not-yet-claimed' });
    expect(authorize(claimed, NESTOR.aadObjectId, { type: 'claim' })).toEqual({ ok: false, reason: 'already-claimed', claimedBy: LEE });
    expect(authorize(claimed, LEE.aadObjectId, { type: 'resolve' })).toEqual({ ok: true, role: 'co-owner' });
    expect(authorize(claimed, NESTOR.aadObjectId, { type: 'resolve' })).toMatchObject({ ok: false, reason: 'already-claimed' });
    expect(english(refusalMessage('already-claimed', LEE))).toBe('Lee Gu already claimed this request.');
  });
});

describe('state after an action', () => {
  it('claim records who, acknowledge and resolve change the status', () => {
    const claimed = afterAction(request({ kind: 'co-owners', people: [LEE, NESTOR] }), NESTOR, { type: 'claim' }, AT);
    expect(claimed).toMatchObject({ status: 'claimed', holder: { kind: 'co-owners', claimedBy: NESTOR } });
    expect(english(holderInSentence(claimed.holder))).toBe('Nestor Wilke');
    expect(afterAction(request({ kind: 'maker', person: MEGAN }), MEGAN, { type: 'acknowledge' }, AT).status).toBe('acknowledged');
    expect(english(holderInSentence({ kind: 'co-owners', people: [LEE, NESTOR] }))).toBe('the co-owners (Lee Gu, Nestor Wilke)');
    expect(cleanNote('  fixed  ')).toBe('fixed');
    expect(cleanNote('   ')).toBeUndefined();
    expect(cleanNote('x'.repeat(5000))).toHaveLength(1000);
  });
});

describe('timers', () => {
  const durations = { makerAckMs: 60_000, coOwnerClaimMs: 120_000 };

  it('start when the maker or a co-owner is told, not for other messages', () => {
    expect(timerForDelivery('maker-notification', 'r1', AT, durations)).toEqual({
      requestId: 'r1',
      kind: 'maker-ack',
      dueAt: '2026-11-20T10:01:00.000Z',
    });
    expect(timerForDelivery('co-owner-ping', 'r1', AT, durations)).toEqual({
      requestId: 'r1',
      kind: 'co-owner-claim',
      dueAt: '2026-11-20T10:02:00.000Z',
    });
    expect(timerForDelivery('requester-update', 'r1', AT, durations)).toBeUndefined();
  });

  it('apply only while nobody answered', () => {
    expect(timerStillApplies({ kind: 'maker-ack' }, request({ kind: 'maker', person: MEGAN }))).toBe(true);
    expect(timerStillApplies({ kind: 'maker-ack' }, request({ kind: 'maker', person: MEGAN }, 'acknowledged'))).toBe(false);
    expect(timerStillApplies({ kind: 'co-owner-claim' }, request({ kind: 'co-owners', people: [LEE] }))).toBe(true);
    expect(timerStillApplies({ kind: 'co-owner-claim' }, request({ kind: 'co-owners', people: [LEE], claimedBy: LEE }, 'claimed'))).toBe(
      false,
    );
    expect(timerStillApplies({ kind: 'co-owner-claim' }, request({ kind: 'help-desk' }))).toBe(false);
  });
});

describe('isRecipient: who may see a request on a refused action', () => {
  it('the maker and co-owners as submitted, and whoever holds it; nobody else', () => {
    const noSolution = {
      ...request({ kind: 'co-owners', people: [{ aadObjectId: 'c0c0c0c0-0000-4000-8000-000000000001', displayName: 'Carol' }] }),
      solution: undefined,
    };
    expect(isRecipient(request({ kind: 'help-desk' }), MEGAN.aadObjectId)).toBe(true); // it was sent to her once
    expect(isRecipient(request({ kind: 'help-desk' }), LEE.aadObjectId.toUpperCase())).toBe(true);
    expect(isRecipient(noSolution, 'c0c0c0c0-0000-4000-8000-000000000001')).toBe(true);
    expect(isRecipient(noSolution, MEGAN.aadObjectId)).toBe(false);
    expect(isRecipient(request({ kind: 'maker', person: MEGAN }), STRANGER)).toBe(false);
    // The requester is not a recipient of the maker's card either: they see their request in their own chat.
    expect(isRecipient(request({ kind: 'maker', person: MEGAN }), 'a1e0c0de-0000-4000-8000-000000000001')).toBe(false);
  });
});
