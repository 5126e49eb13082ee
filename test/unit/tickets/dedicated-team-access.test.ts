import { ticketEvent, type TicketHistoryEvent } from '../../../src/domain/history';
import { DEFAULT_SLA_CONFIG } from '../../../src/domain/sla';
import { isWithDedicatedTeam } from '../../../src/domain/tickets/dedicated-team-access';
import { formatTicketNumber } from '../../../src/domain/ticket-number';
import { openTicketFor } from '../../../src/services/tickets/ticket-opening';
import { helpDeskRequest } from '../../support/ticket-fixtures';

const NOW = new Date('2026-11-20T10:00:00Z');
const AGENT = { kind: 'user' as const, role: 'agent' as const, aadObjectId: 'ac000000-0000-4000-8000-000000000001', displayName: 'Agent' };
const opened = openTicketFor(helpDeskRequest(), formatTicketNumber(1), DEFAULT_SLA_CONFIG, NOW);
const escalate = (target: 'dedicated-team' | 'microsoft' | 'partner'): TicketHistoryEvent =>
  ticketEvent('escalated', AGENT, NOW, { target, trigger: 'agent' });
const handBack = ticketEvent('handed-back', AGENT, NOW, {});
// Tickets stored before queues record none (tickets opened now record the help desk's default queue).
const { queue: _recorded, ...beforeQueues } = opened.ticket;
void _recorded;

describe('isWithDedicatedTeam', () => {
  it.each([
    ['never escalated', undefined, 'new', [], false],
    ['escalated to the dedicated team', 'dedicated-team', 'escalated', [escalate('dedicated-team')], true],
    [
      'escalated at creation (Sev A Critical), then waiting on the requester',
      'dedicated-team',
      'waiting-on-requester',
      [escalate('dedicated-team')],
      true,
    ],
    ['escalated by them onward to Microsoft', 'microsoft', 'escalated', [escalate('dedicated-team'), escalate('microsoft')], true],
    ['escalated by the help desk straight to a partner', 'partner', 'escalated', [escalate('partner')], false],
    ['handed back', 'dedicated-team', 'in-progress', [escalate('dedicated-team'), handBack], false],
    [
      'handed back, then escalated to them again',
      'dedicated-team',
      'escalated',
      [escalate('dedicated-team'), handBack, escalate('dedicated-team')],
      true,
    ],
    ['resolved by them (they may still reopen it)', 'dedicated-team', 'resolved', [escalate('dedicated-team')], true],
    ['closed', 'dedicated-team', 'closed', [escalate('dedicated-team')], false],
    [
      'returned (issue 13), stored before queues',
      'dedicated-team',
      'returned',
      [escalate('dedicated-team'), ticketEvent('returned-to-help-desk', AGENT, NOW, { note: 'Fixed the flow', toQueue: 'help-desk' })],
      false,
    ],
  ] as const)('%s', (_what, escalatedTo, status, history, expected) => {
    expect(isWithDedicatedTeam({ ...beforeQueues, escalatedTo, status }, [...opened.history, ...history])).toBe(expected);
  });

  // Tickets that record their queue: the queue says it, whatever the history.
  it.each([
    ['held by the dedicated team', 'dedicated-team', 'in-progress', true],
    ['held by the dedicated team, resolved (they may reopen it)', 'dedicated-team', 'resolved', true],
    ['held by the dedicated team, closed', 'dedicated-team', 'closed', false],
    ['held by the default help desk queue', 'help-desk', 'escalated', false],
    ['held by a business unit help desk queue', 'help-desk:finance', 'in-progress', false],
  ] as const)('%s', (_what, queue, status, expected) => {
    expect(isWithDedicatedTeam({ ...opened.ticket, queue, status, escalatedTo: 'dedicated-team' }, [escalate('dedicated-team')])).toBe(
      expected,
    );
    expect(isWithDedicatedTeam({ ...opened.ticket, queue, status }, [])).toBe(expected);
  });
});
