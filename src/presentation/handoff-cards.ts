/**
 * The dedicated team's cards: the hand-off card in its channel (`ticket-handoff`: what happened, the
 * severity and SLA, what was tried, the solution's facts, the requester, and the queue's actions), and
 * the maker's question card in their 1:1 chat (`ticket-maker-question`). Plain values and `Text` only;
 * what the buttons do is decided by the services from storage, the flags here only show them.
 */
import { mayPublishFrom } from '../domain/knowledge/article-from-ticket';
import { publishArticleFields } from './knowledge-review-cards';
import { solutionNameOf } from './solution-lines';
import { acceptedBy } from '../domain/escalation/accept-escalation';
import type { EscalationTrigger, InfoParty } from '../domain/escalation/escalation-trigger';
import { currentHandOff } from '../domain/escalation/hand-off';
import { askableMaker } from '../domain/escalation/information-requests';
import type { SolutionFacts } from '../domain/intake/solution-facts';
import type { HistoryActor, SystemComponent } from '../domain/history';
import type { MessageKey } from '../domain/message-keys';
import { DEDICATED_TEAM_QUEUE } from '../domain/queues/queue';
import { text, type Text, type TextParam } from '../domain/text';
import { canApply, isOpenStatus, waitingOn } from '../domain/ticket-status';
import type { Ticket } from '../domain/tickets/ticket';
import { holdingQueue } from '../domain/tickets/ticket-queue';
import type { CardRef } from './cards';
import { escalationLabel, severityLabel, ticketStatusLabel, tierLabel } from './labels';
import { clockLabel, lastNoteLabel, type Words } from './ticket-words';

const WHY: Readonly<Record<EscalationTrigger, MessageKey>> = {
  agent: 'messages.handoff.trigger.agent',
  'sev-a-critical': 'messages.handoff.trigger.sev-a-critical',
  'sla-breach': 'messages.handoff.trigger.sla-breach',
  'maker-stuck': 'messages.handoff.trigger.maker-stuck',
  'graduation-request': 'messages.handoff.trigger.graduation-request',
  'platform-down': 'messages.handoff.trigger.platform-down',
};

const ASKED: Readonly<Record<InfoParty, MessageKey>> = {
  'help-desk': 'messages.handoff.asked.help-desk',
  maker: 'messages.handoff.asked.maker',
  requester: 'messages.handoff.asked.requester',
};

const PARTY: Readonly<Record<InfoParty, MessageKey>> = {
  'help-desk': 'messages.handoff.party.help-desk',
  maker: 'messages.handoff.party.maker',
  requester: 'messages.handoff.party.requester',
};

export interface HandOffCardOptions {
  readonly notice?: Words;
}

/** The hand-off card: the ticket as the dedicated team needs it, and what its status allows them. */
export function handOffCard(ticket: Ticket, options: HandOffCardOptions = {}): CardRef {
  const handOff = currentHandOff(ticket.handOffs);
  const held = holdingQueue(ticket) === DEDICATED_TEAM_QUEUE;
  const open = isOpenStatus(ticket.status);
  const working = held && open && ticket.status !== 'escalated';
  const owner = acceptedBy(ticket);
  const party = waitingOn(ticket.status);
  const asked =
    party !== undefined && party !== 'vendor' && ticket.pendingQuestion ? text(ASKED[party], { question: ticket.pendingQuestion }) : '';
  const by = handOff ? actorLabel(handOff.by) : '';
  const contactName = handOff?.contact === 'maker' ? (ticket.solution?.maker.displayName ?? '') : ticket.requester.displayName;
  const parties: InfoParty[] = ['help-desk', ...(askableMaker(ticket).ok ? (['maker'] as const) : []), 'requester'];
  const returned = handOff?.returned;
  return {
    card: 'ticket-handoff',
    data: {
      ticketId: ticket.id,
      number: ticket.number,
      title: ticket.title,
      description: ticket.description,
      severity: severityLabel(ticket.severity),
      severityA: ticket.severity === 'A',
      why: handOff ? text(WHY[handOff.trigger], { name: by }) : '',
      status: ticketStatusLabel(ticket.status),
      owner: owner?.displayName ?? text('messages.handoff.notAccepted'),
      firstResponseDue: clockLabel(ticket, 'first-response'),
      resolutionDue: clockLabel(ticket, 'resolution'),
      solutionName: solutionNameOf(ticket, 'messages.tickets.notInCatalog'),
      tier: ticket.solution ? tierLabel(ticket.solution.tier) : '',
      environment: ticket.solution?.environment ?? '',
      makerName: ticket.solution?.maker.displayName ?? '',
      coOwners: (ticket.solution?.coOwners ?? []).map((p) => p.displayName).join(', '),
      dataSources: dataSourcesLine(ticket.solution?.facts),
      workarounds: workaroundsLine(ticket.solution?.facts),
      requesterName: ticket.requester.displayName,
      contact: text(handOff?.contact === 'maker' ? 'messages.handoff.contact.maker' : 'messages.handoff.contact.requester', {
        name: contactName,
      }),
      summary: handOff?.summary ?? '',
      tried: handOff?.tried ?? '',
      suggested: handOff?.suggested ? text('paths.suggested', { vendor: escalationLabel(handOff.suggested) }) : '',
      asked,
      lastNote: lastNoteLabel(ticket),
      returned: returned && !held ? text('messages.handoff.returned', { name: returned.by.displayName, note: returned.note }) : '',
      resolution: ticket.status === 'resolved' || ticket.status === 'closed' ? (ticket.resolution ?? '') : '',
      notice: options.notice ?? '',
      version: ticket.version,
      canAccept: held && ticket.status === 'escalated',
      canAsk: working,
      askChoices: parties.map((p) => ({ title: text(PARTY[p]), value: p })),
      canReturn: held && open && canApply(ticket.status, 'return-to-help-desk'),
      canResolve: held && open,
      canChangeSeverity: held && ticket.status !== 'closed',
      ...publishArticleFields(mayPublishFrom(ticket), 'dedicated-team'),
    },
  };
}

/** The first data sources the request kept, and how many more the catalog lists (never cut silently). */
function dataSourcesLine(facts: SolutionFacts | undefined): string | Text {
  const list = (facts?.dataSources ?? []).join(', ');
  return facts && facts.moreDataSources > 0 ? text('messages.handoff.dataSourcesMore', { list, count: facts.moreDataSources }) : list;
}

/** The start of the workarounds the request kept, and how much more the catalog has. */
function workaroundsLine(facts: SolutionFacts | undefined): string | Text {
  if (!facts?.workarounds) return '';
  const { workarounds, moreWorkaroundChars: count } = facts;
  return count > 0 ? text('messages.handoff.workaroundsMore', { text: workarounds, count }) : workarounds;
}

export interface MakerQuestionOptions {
  readonly heading?: Words;
  readonly notice?: Words;
}

/** The maker's card for the dedicated team's question: answer while it waits on them. */
export function makerQuestionCard(ticket: Ticket, options: MakerQuestionOptions = {}): CardRef {
  const waiting = ticket.status === 'waiting-on-maker';
  const heading: TextParam = options.heading ?? text('messages.handoff.makerQuestionHeading', { number: ticket.number });
  return {
    card: 'ticket-maker-question',
    data: {
      ticketId: ticket.id,
      number: ticket.number,
      title: ticket.title,
      heading,
      solutionName: solutionNameOf(ticket, 'messages.tickets.notInCatalog'),
      requesterName: ticket.requester.displayName,
      question: waiting ? (ticket.pendingQuestion ?? '') : '',
      canAnswer: waiting,
      notice: options.notice ?? '',
    },
  };
}

/** The help desk card's line about the dedicated team, while they hold it or after they returned it. */
export function dedicatedTeamLine(ticket: Ticket): Text | '' {
  const handOff = currentHandOff(ticket.handOffs);
  if (holdingQueue(ticket) === DEDICATED_TEAM_QUEUE) {
    const owner = acceptedBy(ticket);
    return text('messages.handoff.withTeam', { owner: owner?.displayName ?? text('messages.handoff.notAccepted') });
  }
  const returned = handOff?.returned;
  return returned ? text('messages.handoff.cameBack', { name: returned.by.displayName, note: returned.note }) : '';
}

/** When the help desk's answer is owed: the dedicated team's question, on the help desk card. */
export function helpDeskQuestion(ticket: Ticket): Text | '' {
  return ticket.status === 'waiting-on-help-desk' && ticket.pendingQuestion
    ? text('messages.handoff.questionForHelpDesk', { question: ticket.pendingQuestion })
    : '';
}

const COMPONENTS: Readonly<Record<SystemComponent, MessageKey>> = {
  intake: 'labels.systemComponent.intake',
  router: 'labels.systemComponent.router',
  'sla-scheduler': 'labels.systemComponent.sla-scheduler',
  outbox: 'labels.systemComponent.outbox',
  catalog: 'labels.systemComponent.catalog',
};

/** Who handed it on: a person's name, or the part of the bot that did (in the viewer's words). */
function actorLabel(actor: HistoryActor): string | Text {
  return actor.kind === 'user' ? actor.displayName : text(COMPONENTS[actor.component]);
}
