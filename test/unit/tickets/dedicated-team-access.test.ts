import { ticketEvent, type TicketHistoryEvent } from '../../../src/domain/history';
import { DEFAULT_SLA_CONFIG } from '../../../src/domain/sla';
import { isWithDedicatedTeam } from '../../../src/domain/tickets/dedicated-team-access';
import { formatTicketNumber } from '../../../src/domain/ticket-number';
import { openTicketFor } from '../../../src/services/tickets/ticket-opening';
import { helpDeskRequest } from '../../support/ticket-fixtures';

const NOW = new Date('2026-11-20T10:00:00Z');
const AGENT = { kind: 'user' as const, role: 'agent' as const, aadObjectId: 'ac000000-0000-4000-8000-000000000001', displayName: 'Agent' };
const opened = openTicketFor(helpDeskRequest(), formatTicketNumber(1), DEFAULT_SLA_CONFIG, NOW);
const escalate = (target: 'dedicated-team' | 'microsoft' | 'partner'): TicketHistoryEvent => ticketEvent('escalated', AGENT, NOW, { target, trigger: 'agent' });
const handBack = ticketEvent('handed-back', AGENT, NOW, {});

describe('isWithDedicatedTeam', () => {
  it.each([
    ['never escalated', undefined, 'new', [], false],
    ['escalated to the dedicated team', 'dedicated-team', 'escalated', [escalate('dedicated-team')], true],
    ['escalated at creation (Sev A Critical), then waiting on the requester', 'dedicated-team', 'waiting-on-requester', [escalate('dedicated-team')], true],
    ['escalated by them onward to Microsoft', 'microsoft', 'escalated', [escalate('dedicated-team'), escalate('microsoft')], true],
    ['escalated by the help desk straight to a partner', 'partner', 'escalated', [escalate('partner')], false],
    ['handed back', 'dedicated-team', 'in-progress', [escalate('dedicated-team'), handBack], false],
    ['handed back, then escalated to them again', 'dedicated-team', 'escalated', [escalate('dedicated-team'), handBack, escalate('dedicated-team')], true],
    ['resolved by them (they may still reopen it)', 'dedicated-team', 'resolved', [escalate('dedicated-team')], true],
    ['closed', 'dedicated-team', 'closed', [escalate('dedicated-team')], false],
  ] as const)('%s', (_what, escalatedTo, status, history, expected) => {
    expect(isWithDedicatedTeam({ ...opened.ticket, escalatedTo, status }, [...opened.history, ...history])).toBe(expected);
  });
});
