import { DEFAULT_SLA_CONFIG } from '../../../src/domain/sla';
import { nextSlaEvent, type Ticket } from '../../../src/domain/tickets/ticket';
import { formatTicketNumber } from '../../../src/domain/ticket-number';
import { ticketCard } from '../../../src/presentation/ticket-cards';
import {
  applyAgentCommand,
  applyRequesterCommand,
  CommandRefused,
  escalate,
  REPEAT_WINDOW_MS,
  repeatOf,
} from '../../../src/domain/tickets/ticket-changes';
import { english, englishData, refusalOf } from '../../support/words';
import { notificationsFor } from '../../../src/services/tickets/ticket-notifications';
import { openTicketFor } from '../../../src/services/tickets/ticket-opening';
import { listRowsOf } from '../../../src/storage/tickets/ticket-list-rows';
import { helpDeskRequest } from '../../support/ticket-fixtures';
import { escalateToDedicatedTeam } from '../../../src/domain/escalation/escalate-to-dedicated-team';
import { returnToHelpDesk } from '../../../src/domain/escalation/return-to-help-desk';

const NOW = new Date('2026-11-23T10:00:00Z'); // Monday
const MEGAN = { aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df', displayName: 'Megan Bowen' };
const AGENT = { kind: 'user' as const, role: 'agent' as const, ...MEGAN };
const REQUESTER = {
  kind: 'user' as const,
  role: 'requester' as const,
  aadObjectId: 'a1e0c0de-0000-4000-8000-000000000001',
  displayName: 'Alex Wilber',
};

function fresh(options: Parameters<typeof helpDeskRequest>[0] = {}): Ticket {
  return openTicketFor(helpDeskRequest({ at: NOW, ...options }), formatTicketNumber(42), DEFAULT_SLA_CONFIG, NOW).ticket;
}

describe('ticket changes', () => {
  it('opens with both SLA clocks running and the help desk card to post', () => {
    const request = helpDeskRequest({ at: NOW, severity: 'A', critical: true });
    const opened = openTicketFor({ ...request, handToDedicatedTeam: true }, formatTicketNumber(7), DEFAULT_SLA_CONFIG, NOW);
    expect(opened.ticket).toMatchObject({ number: 'HD-000007', status: 'escalated', escalatedTo: 'dedicated-team', version: 1 });
    expect(opened.ticket.sla['first-response'].dueAt).toBe('2026-11-23T11:00:00.000Z'); // Sev A: 1 h, 24x7
    expect(opened.ticket.sla['first-response'].warnAt).toBe('2026-11-23T10:45:00.000Z');
    expect(opened.history.map((e) => e.type)).toEqual(['created', 'escalated']);
    expect(opened.outbox.map((m) => m.target)).toEqual([
      { kind: 'channel', channel: 'help-desk' },
      { kind: 'channel', channel: 'dedicated-team' },
    ]);
    expect(opened.ticket.cardMessageIds).toEqual(opened.outbox.map((m) => m.id));
  });

  // Issue 13 changed this on purpose: an assignment used to count as the first response.
  it('an assignment is not a response; the first reply to the requester stops the first-response clock and removes its timers', () => {
    const ticket = fresh();
    expect(nextSlaEvent(ticket)).toMatchObject({ clock: 'first-response', stage: 'warning' });
    const assigned = applyAgentCommand(ticket, { type: 'assign-to', assignee: MEGAN }, AGENT, NOW);
    expect(assigned.next.sla['first-response'].metAt).toBeUndefined();
    expect(nextSlaEvent(assigned.next)).toMatchObject({ clock: 'first-response', stage: 'warning' });
    const lists = [...listRowsOf(assigned.next).values()];
    expect(lists.some((r) => r.partitionKey === `assignee|${MEGAN.aadObjectId}` && r.rowKey.startsWith('C|'))).toBe(true);
    expect(lists.some((r) => r.partitionKey === 'unassigned')).toBe(false);
    const change = applyAgentCommand(assigned.next, { type: 'reply', text: 'Looking into it.' }, AGENT, NOW);
    expect(change.next.sla['first-response'].metAt).toBe(NOW.toISOString());
    expect(nextSlaEvent(change.next)).toMatchObject({ clock: 'resolution', stage: 'warning' });
  });

  it('a note is internal: no status change, nothing for the requester', () => {
    const change = applyAgentCommand(fresh(), { type: 'note', text: '  checked the logs ' }, AGENT, NOW);
    expect(change.next.status).toBe('new');
    expect(change.tellRequester).toBeUndefined();
    expect(change.next.lastNote).toEqual({
      kind: 'note',
      text: 'checked the logs',
      by: 'Megan Bowen',
      byId: MEGAN.aadObjectId,
      at: NOW.toISOString(),
    });
    expect(change.next.sla['first-response'].metAt).toBeUndefined();
  });

  it('refuses what the state machine does not allow, and empty or oversized text, in words', () => {
    const ticket = fresh();
    expect(() => applyAgentCommand(ticket, { type: 'reopen' }, AGENT, NOW)).toThrow(CommandRefused);
    expect(refusalOf(() => applyAgentCommand(ticket, { type: 'status', action: 'start' }, AGENT, NOW))).toContain(
      "That isn't possible while the ticket is new.",
    );
    expect(refusalOf(() => applyAgentCommand(ticket, { type: 'resolve', resolution: '   ' }, AGENT, NOW))).toContain(
      'Please write the resolution first.',
    );
    expect(refusalOf(() => applyAgentCommand(ticket, { type: 'reply', text: 'x'.repeat(4001) }, AGENT, NOW))).toContain('too long');
    expect(refusalOf(() => applyAgentCommand(ticket, { type: 'status', action: 'resolve' }, AGENT, NOW))).toContain('Pick a status first.');
    expect(() => escalate(ticket, 'nasa', '', AGENT, NOW, 'agent')).toThrow(CommandRefused);
  });

  it('escalating to the dedicated team posts the card in their channel once; later changes update both copies', () => {
    const ticket = { ...fresh(), cardMessageIds: ['hd-post'] };
    const change = escalate(ticket, 'dedicated-team', '', AGENT, NOW, 'agent');
    const { ticket: next, outbox } = notificationsFor(change, 60, NOW);
    expect(outbox.filter((m) => m.target.kind === 'channel')).toHaveLength(1);
    expect(outbox.filter((m) => m.target.kind === 'update').map((m) => m.target)).toEqual([{ kind: 'update', messageId: 'hd-post' }]);
    expect(next.cardMessageIds).toHaveLength(2);
    const note = notificationsFor(applyAgentCommand(next, { type: 'note', text: 'hi' }, AGENT, NOW), 60, NOW);
    expect(note.outbox.map((m) => m.target.kind)).toEqual(['update', 'update']);
  });

  it('requester: answering moves a waiting ticket on; reopening needs the window', () => {
    const asked = applyAgentCommand(fresh(), { type: 'assign-to', assignee: MEGAN }, AGENT, NOW).next;
    const waiting = applyAgentCommand(asked, { type: 'request-info', text: 'Which browser?' }, AGENT, NOW).next;
    expect(waiting).toMatchObject({ status: 'waiting-on-requester', pendingQuestion: 'Which browser?' });
    const answered = applyRequesterCommand(waiting, { type: 'answer', text: 'Edge' }, REQUESTER, NOW, false).next;
    expect(answered).toMatchObject({ status: 'in-progress', pendingQuestion: undefined });
    const resolved = applyAgentCommand(answered, { type: 'resolve', resolution: 'Cleared the cache.' }, AGENT, NOW).next;
    expect(nextSlaEvent(resolved)).toBeUndefined();
    expect(refusalOf(() => applyRequesterCommand(resolved, { type: 'reopen' }, REQUESTER, NOW, false))).toContain('too long ago');
    expect(applyRequesterCommand(resolved, { type: 'reopen' }, REQUESTER, NOW, true).next.status).toBe('reopened');
  });

  // Issue 13: "Back from escalation" is retired; the dedicated team returns the ticket (escalation/return-to-help-desk.ts).
  it('the help desk card offers nothing while the dedicated team holds it; once returned it is worked again; an agent closes a resolved one', () => {
    const handed = escalateToDedicatedTeam(
      fresh(),
      { trigger: 'sev-a-critical', by: { kind: 'system', component: 'intake' } },
      NOW,
      DEFAULT_SLA_CONFIG,
    );
    if (!handed.ok) throw new Error(handed.reason);
    expect(englishData(ticketCard(handed.next).data)).toMatchObject({
      canAssignMe: false,
      canChangeStatus: false,
      canResolve: false,
      canEscalate: false,
      canNote: false,
      canChangeSeverity: false,
      dedicatedTeam: 'The Power Platform team has this ticket (Not accepted yet).',
    });
    expect(refusalOf(() => applyAgentCommand(handed.next, { type: 'status', action: 'hand-back' }, AGENT, NOW))).toBe(
      'Pick a status first.',
    );
    const team = { ...AGENT, role: 'dedicated-team' as const };
    const back = returnToHelpDesk(
      handed.next,
      'Not ours.',
      { aadObjectId: MEGAN.aadObjectId, queues: ['dedicated-team'], escalationGroup: false, itAdmin: false },
      team,
      NOW,
      DEFAULT_SLA_CONFIG,
    );
    if (!back.ok) throw new Error(back.reason);
    expect(englishData(ticketCard(back.next).data)).toMatchObject({
      status: 'Returned to the help desk',
      escalatedTo: '',
      dedicatedTeam: 'Came back from the Power Platform team (Megan Bowen): Not ours.',
      canResolve: true,
    });
    const resolved = applyAgentCommand(back.next, { type: 'resolve', resolution: 'Fixed the flow.' }, AGENT, NOW).next;
    const closed = applyAgentCommand(resolved, { type: 'status', action: 'close' }, AGENT, NOW);
    expect(closed.next.status).toBe('closed');
    expect(englishData(ticketCard(closed.next).data)).toMatchObject({
      canNote: false,
      canReopen: false,
      canResolve: false,
      canChangeStatus: false,
    });
  });

  it('the card offers exactly the actions the status allows', () => {
    const card = englishData(ticketCard(fresh()).data);
    expect(card).toMatchObject({
      canAssignMe: true,
      canResolve: true,
      canReopen: false,
      canRequestInfo: false,
      status: 'New',
      assignee: 'Unassigned',
    });
    const assigned = englishData(ticketCard(applyAgentCommand(fresh(), { type: 'assign-to', assignee: MEGAN }, AGENT, NOW).next).data);
    expect(assigned).toMatchObject({
      canAssignMe: false,
      canAssign: true,
      canRequestInfo: true,
      statusChoices: [
        { title: 'In progress', value: 'start' },
        { title: 'Waiting on vendor', value: 'wait-on-vendor' },
      ],
    });
  });

  describe('a double click of an append (two activity ids) is one append', () => {
    const LEE = { aadObjectId: 'f0fcce3d-482b-4e59-81e2-542c7050214b', displayName: 'Lee Gu' };
    const later = (ms: number) => new Date(NOW.getTime() + ms);
    const assigned = () => applyAgentCommand(fresh(), { type: 'assign-to', assignee: MEGAN }, AGENT, NOW).next;

    it('the same person, the same text, within the window: a repeat, answered with what was done', () => {
      const noted = applyAgentCommand(fresh(), { type: 'note', text: 'checked the logs' }, AGENT, NOW).next;
      expect(english(repeatOf(noted, { type: 'note', text: ' checked the logs ' }, MEGAN, later(REPEAT_WINDOW_MS))!)).toBe(
        'Note added (the requester does not see it).',
      );
      const replied = applyAgentCommand(assigned(), { type: 'reply', text: 'On it.' }, AGENT, NOW).next;
      expect(english(repeatOf(replied, { type: 'reply', text: 'On it.' }, MEGAN, later(500))!)).toBe('Reply sent to the requester.');
      const asked = applyAgentCommand(assigned(), { type: 'request-info', text: 'Which browser?' }, AGENT, NOW).next;
      expect(english(repeatOf(asked, { type: 'request-info', text: 'Which browser?' }, MEGAN, NOW)!)).toBe(
        'Question sent to the requester.',
      );
      const answered = applyRequesterCommand(asked, { type: 'answer', text: 'Edge' }, REQUESTER, NOW, false).next;
      expect(english(repeatOf(answered, { type: 'answer', text: 'Edge' }, REQUESTER, later(10))!)).toBe(
        'Thanks: your answer is with the help desk.',
      );
      const detailed = applyRequesterCommand(fresh(), { type: 'add-details', text: 'Since Monday.' }, REQUESTER, NOW, false).next;
      expect(english(repeatOf(detailed, { type: 'add-details', text: 'Since Monday.' }, REQUESTER, later(10))!)).toBe(
        'Added: the help desk sees it on the ticket.',
      );
    });

    it('not a repeat: another text, another person, another kind of append, after the window, or a state change', () => {
      const noted = applyAgentCommand(assigned(), { type: 'note', text: 'checked the logs' }, AGENT, NOW).next;
      expect(repeatOf(noted, { type: 'note', text: 'checked the network' }, MEGAN, NOW)).toBeUndefined();
      expect(repeatOf(noted, { type: 'note', text: 'checked the logs' }, LEE, NOW)).toBeUndefined();
      expect(repeatOf(noted, { type: 'reply', text: 'checked the logs' }, MEGAN, NOW)).toBeUndefined();
      expect(repeatOf(noted, { type: 'note', text: 'checked the logs' }, MEGAN, later(REPEAT_WINDOW_MS + 1))).toBeUndefined();
      expect(repeatOf(noted, { type: 'note', text: '   ' }, MEGAN, NOW)).toBeUndefined();
      expect(repeatOf(noted, { type: 'status', action: 'start' }, MEGAN, NOW)).toBeUndefined();
      expect(repeatOf(noted, { type: 'reopen' }, MEGAN, NOW)).toBeUndefined();
      // A ticket stored before notes recorded their author's id never counts as a repeat.
      expect(
        repeatOf(
          { ...noted, lastNote: { text: 'checked the logs', by: 'Megan Bowen', at: NOW.toISOString() } },
          { type: 'note', text: 'checked the logs' },
          MEGAN,
          NOW,
        ),
      ).toBeUndefined();
    });
  });
});
