/**
 * A ticket's lists (posted cards, external references) stay bounded however long the ticket lives,
 * so its entity and the transaction of its next change always fit (test/storage checks the fit on Azurite).
 */
import { DEFAULT_SLA_CONFIG } from '../../../src/domain/sla';
import {
  MAX_CARD_POSTS,
  MAX_EXTERNAL_REFERENCES,
  withCardPost,
  withExternalReference,
  type Ticket,
} from '../../../src/domain/tickets/ticket';
import { formatTicketNumber } from '../../../src/domain/ticket-number';
import { ticketCard } from '../../../src/presentation/ticket-cards';
import { applyAgentCommand, escalate } from '../../../src/domain/tickets/ticket-changes';
import { escalateToDedicatedTeam } from '../../../src/domain/escalation/escalate-to-dedicated-team';
import { returnToHelpDesk } from '../../../src/domain/escalation/return-to-help-desk';
import { verbatim } from '../../../src/domain/text';
import { englishData } from '../../support/words';
import { helpDeskPostId, notificationsFor } from '../../../src/services/tickets/ticket-notifications';
import { openTicketFor } from '../../../src/services/tickets/ticket-opening';
import { helpDeskRequest } from '../../support/ticket-fixtures';

const NOW = new Date('2026-11-23T10:00:00Z');
const AGENT = {
  kind: 'user' as const,
  role: 'agent' as const,
  aadObjectId: '79a4d994-151f-4573-9813-92f75a1223df',
  displayName: 'Megan Bowen',
};
const TEAM = { ...AGENT, role: 'dedicated-team' as const };

function fresh(): Ticket {
  return openTicketFor(helpDeskRequest({ at: NOW }), formatTicketNumber(42), DEFAULT_SLA_CONFIG, NOW).ticket;
}

/** Escalates to the dedicated team and returns it, `times` times, as the services do. */
function escalateRepeatedly(ticket: Ticket, times: number): { ticket: Ticket; lastOutbox: ReturnType<typeof notificationsFor>['outbox'] } {
  let current = ticket;
  let lastOutbox: ReturnType<typeof notificationsFor>['outbox'] = [];
  for (let i = 0; i < times; i++) {
    const handed = escalateToDedicatedTeam(
      current,
      { trigger: 'sla-breach', by: { kind: 'system', component: 'sla-scheduler' } },
      NOW,
      DEFAULT_SLA_CONFIG,
    );
    if (!handed.ok) throw new Error(handed.reason);
    const escalated = notificationsFor(
      { next: handed.next, events: handed.events, done: verbatim(''), handToDedicatedTeam: true },
      60,
      NOW,
    );
    lastOutbox = escalated.outbox;
    const back = returnToHelpDesk(
      escalated.ticket,
      'Back to you.',
      { aadObjectId: TEAM.aadObjectId, queues: ['dedicated-team'], escalationGroup: false, itAdmin: false },
      TEAM,
      NOW,
      DEFAULT_SLA_CONFIG,
    );
    if (!back.ok) throw new Error(back.reason);
    current = notificationsFor({ next: back.next, events: back.events, done: verbatim('') }, 60, NOW).ticket;
  }
  return { ticket: current, lastOutbox };
}

describe('bounded ticket lists', () => {
  it('keeps the help desk card and the newest hand-off cards, and updates exactly those', () => {
    const ticket = fresh();
    const { ticket: worn, lastOutbox } = escalateRepeatedly(ticket, MAX_CARD_POSTS + 5);
    expect(worn.cardMessageIds).toHaveLength(MAX_CARD_POSTS);
    expect(worn.cardMessageIds[0]).toBe(helpDeskPostId(ticket.id));
    // The newest hand-off is the last one posted; the oldest kept ones are the most recent before it.
    const handOffs = lastOutbox.filter((m) => m.target.kind === 'channel').map((m) => m.id);
    expect(handOffs).toHaveLength(1);
    expect(worn.cardMessageIds[MAX_CARD_POSTS - 1]).toBe(handOffs[0]);
    expect(new Set(worn.cardMessageIds).size).toBe(MAX_CARD_POSTS);

    const note = notificationsFor(applyAgentCommand(worn, { type: 'note', text: 'still on it' }, AGENT, NOW), 60, NOW);
    expect(note.outbox.map((m) => (m.target.kind === 'update' ? m.target.messageId : undefined))).toEqual(worn.cardMessageIds);
  });

  it('keeps the newest external references, in order, and shows them on the card', () => {
    let ticket = fresh();
    const targets = ['partner', 'microsoft'] as const;
    for (let i = 0; i < MAX_EXTERNAL_REFERENCES + 4; i++) {
      ticket = escalate(ticket, targets[i % 2], `CASE-${i}`, AGENT, NOW, 'agent').next;
    }
    expect(ticket.externalReferences.map((r) => r.caseReference)).toEqual(
      Array.from({ length: MAX_EXTERNAL_REFERENCES }, (_, i) => `CASE-${i + 4}`),
    );
    expect(englishData(ticketCard(ticket).data).externalReferences).not.toContain('CASE-3,');
    expect(englishData(ticketCard(ticket).data).externalReferences).toContain(`CASE-${MAX_EXTERNAL_REFERENCES + 3}`);
  });

  it('adds nothing twice and leaves short lists alone', () => {
    expect(withCardPost(['hd', 'dt-1'], 'dt-1')).toEqual(['hd', 'dt-1']);
    expect(withCardPost(['hd'], 'dt-1')).toEqual(['hd', 'dt-1']);
    const at = NOW.toISOString();
    expect(withExternalReference([], { target: 'partner', caseReference: 'P-1', at })).toEqual([
      { target: 'partner', caseReference: 'P-1', at },
    ]);
  });
});
