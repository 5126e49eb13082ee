/**
 * A help desk ticket at the largest sizes, on Azurite: opened with its request in one transaction,
 * then worked for a long time (4,000-character notes, replies, questions and answers; escalations
 * until its posted cards and external references reach their bounds). Every change's transaction
 * fits, and the ticket, its whole history and every outbox row read back exactly.
 */
import type { TicketHistoryEvent } from '../../src/domain/history';
import type { OutboxMessage } from '../../src/domain/outbox-message';
import { DEFAULT_SLA_CONFIG } from '../../src/domain/sla';
import { MAX_CARD_POSTS, MAX_EXTERNAL_REFERENCES, type Ticket } from '../../src/domain/tickets/ticket';
import { formatTicketNumber } from '../../src/domain/ticket-number';
import { applyAgentCommand, applyRequesterCommand, escalate, type Change } from '../../src/domain/tickets/ticket-changes';
import { escalateToDedicatedTeam } from '../../src/domain/escalation/escalate-to-dedicated-team';
import { HAND_OFF_TEXT_LIMITS, MAX_HAND_OFFS } from '../../src/domain/escalation/hand-off';
import { returnToHelpDesk } from '../../src/domain/escalation/return-to-help-desk';
import type { ActorStanding } from '../../src/domain/queues/actor-standing';
import type { TicketChange } from '../../src/domain/tickets/ticket-change';
import { verbatim } from '../../src/domain/text';
import { notificationsFor } from '../../src/services/tickets/ticket-notifications';
import { openTicketFor } from '../../src/services/tickets/ticket-opening';
import { TableCaseStore } from '../../src/storage/cases/table-case-store';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { TicketListIndex } from '../../src/storage/tickets/ticket-list-index';
import type { StoredTicket } from '../../src/domain/ports/tickets';
import { SCRIPTS } from '../support/large-text';
import { field, largestPerson, largestRequest, largestSolution, paragraph } from '../support/largest-records';
import { freshTables } from '../support/test-storage';

const NOW = new Date('2026-11-23T10:00:00Z');
const TEXT_LIMIT = 4000; // notes, replies, questions, answers, resolutions (ticket-changes.ts)
const CASE_LIMIT = 100; // external case references
const byId = (items: readonly OutboxMessage[]): OutboxMessage[] => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

describe.each(SCRIPTS)('a %s ticket at the largest sizes, on Azurite', (_script, unit) => {
  it('opens with its request, grows, and reads back exactly after every change', async () => {
    const tables = await freshTables();
    const cases = new TableCaseStore(tables.client('cases'), TicketListIndex.on(tables));
    const tickets = TableTicketStore.on(tables);

    // Sev A on a Critical solution: the ticket is posted to the help desk and handed to the dedicated team.
    const { request, history } = largestRequest(unit, largestSolution(unit, 'Critical'), NOW);
    const opened = openTicketFor({ ...request, ticketNumber: 'HD-000042' }, formatTicketNumber(42), DEFAULT_SLA_CONFIG, NOW);
    expect(opened.outbox).toHaveLength(2);
    await cases.create({ ...request, ticketNumber: 'HD-000042' }, history, opened.outbox, opened);

    let stored: StoredTicket = (await tickets.get(request.id))!;
    expect(stored.ticket).toEqual(opened.ticket);
    const events: TicketHistoryEvent[] = [...opened.history];
    const written: OutboxMessage[] = [...opened.outbox];

    const agent = { kind: 'user' as const, role: 'agent' as const, ...largestPerson(unit, 2) };
    const requester = { kind: 'user' as const, role: 'requester' as const, ...request.requester };
    const text = (n: number) => paragraph(`${n}${unit}`, TEXT_LIMIT);
    const apply = async (change: Change) => {
      const { ticket, outbox } = notificationsFor(change, 7 * 24 * 60, NOW);
      stored = await tickets.update(stored, ticket, change.events, outbox);
      events.push(...change.events);
      written.push(...outbox);
      expect((await tickets.get(ticket.id))!.ticket).toEqual(ticket);
      return ticket;
    };
    const current = (): Ticket => stored.ticket;

    const team = { kind: 'user' as const, role: 'dedicated-team' as const, ...largestPerson(unit, 3) };
    const standing = (person: { aadObjectId: string }, queue: 'help-desk' | 'dedicated-team'): ActorStanding => ({
      aadObjectId: person.aadObjectId,
      queues: [queue],
      escalationGroup: false,
      itAdmin: false,
    });
    const decided = (d: ({ ok: true } & TicketChange) | { ok: false; reason: string }, handToDedicatedTeam = false): Change => {
      if (!d.ok) throw new Error(d.reason);
      return { next: d.next, events: d.events, done: verbatim(''), handToDedicatedTeam };
    };
    // The dedicated team returns it with the longest note (issue 13's Return replaced "Back from escalation").
    await apply(
      decided(
        returnToHelpDesk(
          current(),
          field(`r${unit}`, HAND_OFF_TEXT_LIMITS.returnNote),
          standing(team, 'dedicated-team'),
          team,
          NOW,
          DEFAULT_SLA_CONFIG,
        ),
      ),
    );
    await apply(
      applyAgentCommand(
        current(),
        { type: 'assign-to', assignee: { aadObjectId: agent.aadObjectId, displayName: agent.displayName } },
        agent,
        NOW,
      ),
    );
    await apply(applyAgentCommand(current(), { type: 'request-info', text: text(1) }, agent, NOW));
    await apply(applyRequesterCommand(current(), { type: 'answer', text: text(2) }, requester, NOW, true));
    await apply(applyAgentCommand(current(), { type: 'note', text: text(3) }, agent, NOW));
    await apply(applyAgentCommand(current(), { type: 'reply', text: text(4) }, agent, NOW));
    await apply(applyRequesterCommand(current(), { type: 'add-details', text: text(5) }, requester, NOW, true));
    await apply(applyAgentCommand(current(), { type: 'resolve', resolution: text(6) }, agent, NOW));
    await apply(applyAgentCommand(current(), { type: 'reopen' }, agent, NOW));
    // Past both bounds: every round posts one more hand-off card and records two more case references.
    for (let round = 0; round < MAX_CARD_POSTS + 2; round++) {
      // The ticket keeps the newest hand-offs only: the last rounds' are at their largest (earlier ones are short, to keep the test's volume down).
      const largest = round >= MAX_CARD_POSTS + 2 - MAX_HAND_OFFS;
      const sized = (prefix: string, max: number) => (largest ? field(`${round}${prefix}${unit}`, max) : `${round}${prefix}${unit}`);
      const handOff = {
        trigger: 'agent' as const,
        by: agent,
        standing: standing(agent, 'help-desk'),
        summary: sized('s', HAND_OFF_TEXT_LIMITS.summary),
        tried: sized('t', HAND_OFF_TEXT_LIMITS.tried),
      };
      await apply(decided(escalateToDedicatedTeam(current(), handOff, NOW, DEFAULT_SLA_CONFIG), true));
      await apply(
        decided(
          returnToHelpDesk(
            current(),
            sized('r', HAND_OFF_TEXT_LIMITS.returnNote),
            standing(team, 'dedicated-team'),
            team,
            NOW,
            DEFAULT_SLA_CONFIG,
          ),
        ),
      );
      await apply(escalate(current(), 'partner', field(`${round}${unit}`, CASE_LIMIT), agent, NOW, 'agent'));
      await apply(escalate(current(), 'microsoft', field(`${round}#${unit}`, CASE_LIMIT), agent, NOW, 'agent'));
    }
    expect(current().cardMessageIds).toHaveLength(MAX_CARD_POSTS);
    expect(current().externalReferences).toHaveLength(MAX_EXTERNAL_REFERENCES);
    // At the bounds, the largest change: a 4,000-character note updating every posted card.
    const last = await apply(applyAgentCommand(current(), { type: 'note', text: text(7) }, agent, NOW));
    expect(written.filter((m) => m.target.kind === 'update' && m.id.startsWith(`${last.id}.v${last.version}.`))).toHaveLength(
      MAX_CARD_POSTS,
    );

    expect(await tickets.history(request.id)).toEqual(events);
    expect(byId(await cases.outboxOf(request.id))).toEqual(byId(written));
    expect((await cases.get(request.id))!.request.details).toEqual(request.details);
  }, 180_000);
});
