import {
  ACTION_EVENT_TYPES,
  firstResponseAt,
  isFirstResponse,
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

  // Issue 13 changed this on purpose: an onward escalation by the dedicated team used to count; now its acceptance does.
  test('firstResponseAt counts the dedicated team accepting the escalation', () => {
    const dt: HistoryActor = { kind: 'user', role: 'dedicated-team', aadObjectId: 'x', displayName: 'Isaiah Langer' };
    const onward = ticketEvent('escalated', dt, t(1), { target: 'microsoft', trigger: 'agent', caseReference: '2501060010000001' });
    expect(firstResponseAt([...events, onward])).toBe(reply.at);
    const accepted = ticketEvent('accepted', dt, t(1), { queue: 'dedicated-team' });
    expect(firstResponseAt([...events, onward, accepted])).toBe(accepted.at);
  });

  // Issue 13: first response = the first reply to the requester or the owning team's acceptance, not an assignment.
  test.each<[string, TicketHistoryEvent, boolean]>([
    ['a reply to the requester', ticketEvent('replied-to-requester', agent, t(1), { text: 'hi' }), true],
    ['a question to the requester', ticketEvent('info-requested', agent, t(1), { question: 'which app?' }), true],
    ['a question to the requester, named', ticketEvent('info-requested', agent, t(1), { question: 'which app?', from: 'requester' }), true],
    ['the resolution', ticketEvent('resolved', agent, t(1), { resolution: 'done' }), true],
    ['the acceptance', ticketEvent('accepted', agent, t(1), { queue: 'dedicated-team' }), true],
    ['an assignment', ticketEvent('assigned', agent, t(1), { assignee: { aadObjectId: 'a', displayName: 'A' } }), false],
    ['starting work', ticketEvent('started', agent, t(1), {}), false],
    ['an escalation', ticketEvent('escalated', agent, t(1), { target: 'dedicated-team', trigger: 'agent' }), false],
    ['a question to the maker', ticketEvent('info-requested', agent, t(1), { question: 'why?', from: 'maker' }), false],
    ['a question to the help desk', ticketEvent('info-requested', agent, t(1), { question: 'tried?', from: 'help-desk' }), false],
    ['an internal note', ticketEvent('note-added', agent, t(1), { text: 'x' }), false],
    ['a reply by the requester', ticketEvent('replied-to-requester', requester, t(1), { text: 'x' }), false],
    ['the scheduler resolving', ticketEvent('resolved', scheduler, t(1), { resolution: 'x' }), false],
  ])('is %s a first response? %p', (_name, event, expected) => {
    expect(isFirstResponse(event)).toBe(expected);
    expect(firstResponseAt([created, event])).toBe(expected ? event.at : undefined);
  });

  test('lastEventOfType', () => {
    expect(lastEventOfType(events, 'note-added')).toBe(note2);
    expect(lastEventOfType(events, 'resolved')).toBeUndefined();
  });
});
