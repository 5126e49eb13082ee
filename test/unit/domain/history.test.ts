import {
  ACTION_EVENT_TYPES,
  firstResponseAt,
  lastEventOfType,
  requestEvent,
  sortHistory,
  ticketEvent,
  type HistoryActor,
  type TicketHistoryEvent,
} from '../../../src/domain/history';
import { TICKET_ACTIONS } from '../../../src/domain/ticket-status';

const agent: HistoryActor = { kind: 'user', role: 'agent', aadObjectId: 'aad-agent', displayName: 'Alex Wilber' };
const requester: HistoryActor = { kind: 'user', role: 'requester', aadObjectId: 'aad-req', displayName: 'Diego Siciliani' };
const scheduler: HistoryActor = { kind: 'system', component: 'sla-scheduler' };
const t = (minute: number) => new Date(Date.UTC(2025, 0, 6, 9, minute));

describe('building events', () => {
  test('ticketEvent stores the instant as ISO and keeps the payload', () => {
    const e = ticketEvent('assigned', agent, t(5), {
      assignee: { aadObjectId: 'aad-agent', displayName: 'Alex Wilber' },
      statusChange: { from: 'new', to: 'assigned' },
    });
    expect(e).toEqual({
      type: 'assigned',
      actor: agent,
      at: '2025-01-06T09:05:00.000Z',
      assignee: { aadObjectId: 'aad-agent', displayName: 'Alex Wilber' },
      statusChange: { from: 'new', to: 'assigned' },
    });
  });

  test('requestEvent', () => {
    const e = requestEvent('routed', { kind: 'system', component: 'router' }, t(0), {
      routeKind: 'maker',
      reason: 'productivity-problem',
      skipped: [],
    });
    expect(e).toMatchObject({ type: 'routed', at: '2025-01-06T09:00:00.000Z', routeKind: 'maker' });
  });

  test('every state-machine action has its event type', () => {
    expect(Object.keys(ACTION_EVENT_TYPES).sort()).toEqual([...TICKET_ACTIONS].sort());
  });
});

describe('reading history', () => {
  const created = ticketEvent('created', { kind: 'system', component: 'intake' }, t(0), {
    category: 'solution-problem',
    impact: 'team',
    urgency: 'blocked',
    severity: 'B',
    routeReason: 'critical-solution',
  });
  const detail = ticketEvent('details-added', requester, t(2), { text: 'more' });
  const warning = ticketEvent('sla-warning', scheduler, t(3), { clock: 'first-response', dueAt: '2025-01-06T09:04:00.000Z' });
  const note1 = ticketEvent('note-added', agent, t(10), { text: 'first' });
  const reply = ticketEvent('replied-to-requester', agent, t(7), { text: 'On it' });
  const note2 = ticketEvent('note-added', agent, t(10), { text: 'second, same instant' });
  const events: TicketHistoryEvent[] = [note1, created, reply, detail, warning, note2];

  test('sortHistory: oldest first, stable for equal instants, input untouched', () => {
    expect(sortHistory(events)).toEqual([created, detail, warning, reply, note1, note2]);
    expect(events[0]).toBe(note1);
  });

  test('firstResponseAt ignores the requester and the system', () => {
    expect(firstResponseAt(events)).toBe(reply.at);
    expect(firstResponseAt([created, detail, warning, note1])).toBeUndefined();
  });

  test('firstResponseAt counts the dedicated team', () => {
    const dt: HistoryActor = { kind: 'user', role: 'dedicated-team', aadObjectId: 'x', displayName: 'Isaiah Langer' };
    const e = ticketEvent('escalated', dt, t(1), { target: 'microsoft', trigger: 'agent', caseReference: '2501060010000001' });
    expect(firstResponseAt([...events, e])).toBe(e.at);
  });

  test('lastEventOfType', () => {
    expect(lastEventOfType(events, 'note-added')).toBe(note2);
    expect(lastEventOfType(events, 'resolved')).toBeUndefined();
  });
});
