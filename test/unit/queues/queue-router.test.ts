import type { ChannelRegistration } from '../../../src/domain/ports/channels';
import { businessHours } from '../../../src/domain/business-calendar';
import { DEFAULT_SLA_CONFIG } from '../../../src/domain/sla';
import type { Solution } from '../../../src/domain/solution';
import { formatTicketNumber } from '../../../src/domain/ticket-number';
import { QueueRouter } from '../../../src/services/tickets/queue-router';
import { openTicketFor } from '../../../src/services/tickets/ticket-opening';
import { SOLUTIONS } from '../../support/fixture-solutions';
import { helpDeskRequest } from '../../support/ticket-fixtures';

const ON_CALL = { aadObjectId: 'aa000000-0000-4000-8000-000000000001', displayName: '' };
const DT_ON_CALL = { aadObjectId: 'dd000000-0000-4000-8000-000000000001', displayName: '' };

function registration(queue: ChannelRegistration['queue'], scope?: ChannelRegistration['scope']): ChannelRegistration {
  return {
    role: 'help-desk',
    teamId: `team-${queue}`,
    channelId: `channel-${queue}`,
    conversationReference: {},
    registeredBy: { aadObjectId: 'admin', displayName: 'Admin' },
    registeredAt: '2026-11-01T00:00:00Z',
    ...(queue ? { queue } : {}),
    ...(scope ? { scope } : {}),
  };
}

const REGISTERED = [
  registration(undefined),
  registration('help-desk:finance', { businessUnits: ['Finance'], categories: [] }),
  registration('help-desk:access', { businessUnits: [], categories: ['access'] }),
  registration('help-desk:finance-solution-problem', { businessUnits: ['finance '], categories: ['solution-problem'] }),
];

const CATALOG: Solution[] = [{ ...SOLUTIONS.invoices, businessUnit: 'Finance' }, SOLUTIONS.expenses];
const SLA = { ...DEFAULT_SLA_CONFIG, queueBusinessHours: { 'help-desk:finance': businessHours({ zone: { timeZone: 'Asia/Seoul' } }) } };

function router(registered = REGISTERED) {
  let reads = 0;
  const r = new QueueRouter({
    registry: { listHelpDeskChannels: async () => registered },
    catalog: { get: async (id) => (reads++, CATALOG.find((s) => s.id === id)) },
    sla: SLA,
    rotas: [
      { queue: 'help-desk:finance-solution-problem', startDate: '2026-11-16', members: [ON_CALL] },
      { queue: 'dedicated-team', startDate: '2026-11-16', members: [DT_ON_CALL] },
    ],
    reopenWindowMinutes: 60,
  });
  return { r, reads: () => reads };
}

describe('the queue a new ticket opens in', () => {
  it('the most specific matching queue, from the solution business unit in the catalog and the category; else the default', async () => {
    const { r } = router();
    const now = new Date('2026-11-20T10:00:00Z');
    expect((await r.planFor(helpDeskRequest({ critical: true }), now)).queue).toBe('help-desk:finance-solution-problem');
    expect((await r.planFor({ ...helpDeskRequest({ critical: true }), category: 'access' }, now)).queue).toBe('help-desk:finance');
    expect((await r.planFor({ ...helpDeskRequest(), category: 'access' }, now)).queue).toBe('help-desk:access');
    expect((await r.planFor(helpDeskRequest(), now)).queue).toBe('help-desk');
  });

  it('reads nothing from the catalog when no queue is registered, and goes to the default queue', async () => {
    const { r, reads } = router([registration(undefined)]);
    expect((await r.planFor(helpDeskRequest({ critical: true }), new Date())).queue).toBe('help-desk');
    expect(reads()).toBe(0);
  });
});

describe('on call at opening', () => {
  const open = async (at: string, severity: 'A' | 'B', handOn = false) => {
    const { r } = router();
    const now = new Date(at);
    const request = { ...helpDeskRequest({ critical: true, severity, at: now }), handToDedicatedTeam: handOn };
    const plan = await r.planFor(request, now);
    return openTicketFor(request, formatTicketNumber(7), SLA, now, undefined, plan);
  };

  it("pages the holding queue's on-call member outside business hours, and tells the requester when to expect an answer", async () => {
    const opened = await open('2026-11-21T03:00:00Z', 'A');
    const page = opened.outbox.find((m) => m.id === `${opened.ticket.id}.on-call`);
    expect(page).toMatchObject({ target: { kind: 'user', aadObjectId: ON_CALL.aadObjectId }, card: { card: 'ticket-on-call' } });
    const notice = opened.outbox.find((m) => m.id === `${opened.ticket.id}.on-call.requester`);
    expect(notice?.card.data.message).toEqual({
      key: 'queues.onCall.expectBy',
      params: { at: { instant: opened.ticket.sla['first-response'].dueAt } },
    });
    expect(opened.outbox.filter((m) => m.target.kind === 'channel')).toEqual([
      expect.objectContaining({ target: { kind: 'channel', channel: 'help-desk:finance-solution-problem' } }),
    ]);
  });

  it('pages nobody for a Sev B, or in business hours', async () => {
    expect((await open('2026-11-21T03:00:00Z', 'B')).outbox.some((m) => m.id.includes('on-call'))).toBe(false);
    expect((await open('2026-11-20T10:00:00Z', 'A')).outbox.some((m) => m.id.includes('on-call'))).toBe(false);
  });

  it("a Sev A handed straight to the Power Platform team pages the dedicated team's on-call member", async () => {
    const opened = await open('2026-11-21T03:00:00Z', 'A', true);
    expect(opened.handedOn).toBe(true);
    expect(opened.outbox.find((m) => m.id.endsWith('.on-call'))?.target).toMatchObject({ aadObjectId: DT_ON_CALL.aadObjectId });
  });
});
