/** Presentation of ticket results and list pages for the Teams layer. */
import { SEVERITY_DEFINITIONS, type Severity } from '../../domain/severity';
import type { TicketListView, TicketPage } from '../../domain/tickets/ticket-lists';
import { TICKET_STATUS_LABELS } from '../../domain/ticket-status';
import { formatInstant, type CardData } from '../../services/tickets/ticket-cards';
import type { TicketResult } from '../../services/tickets/ticket-service';
import { renderCard, type AdaptiveCardJson, type CardName } from '../card-templates';

export const PAGE_SIZE = 10;

export function renderTicketCard(card: CardData): AdaptiveCardJson {
  return renderCard(card.template as CardName, card.data);
}

/** An invoke's answer: the card, or the refusal as a message. */
export function invokeAnswer(result: TicketResult): AdaptiveCardJson | string {
  return result.kind === 'card' ? renderTicketCard(result.card) : result.reason;
}

const HEADINGS: Record<TicketListView['kind'], string> = { open: 'Open tickets', unassigned: 'Unassigned tickets', mine: 'Your tickets' };
const EMPTY: Record<TicketListView['kind'], string> = {
  open: 'No open tickets. 🎉',
  unassigned: 'Every open ticket has someone on it.',
  mine: 'Nothing assigned to you right now.',
};

export function ticketListData(view: TicketListView, page: TicketPage): object {
  const severity = view.severity;
  const filter = severity ? ` · ${SEVERITY_DEFINITIONS[severity].shortLabel}` : '';
  return {
    heading: `${HEADINGS[view.kind]}${filter}`,
    emptyText: EMPTY[view.kind],
    items: page.items.map((t) => ({
      number: t.number,
      severity: SEVERITY_DEFINITIONS[t.severity].shortLabel,
      title: t.title,
      status: TICKET_STATUS_LABELS[t.status],
      assignee: t.assigneeName ?? 'Unassigned',
      solution: t.solutionName ?? 'Not in the catalog',
      due: formatInstant(t.resolutionDueAt),
    })),
    range: `${page.offset + 1}–${page.offset + page.items.length}${page.hasMore ? ' (more)' : ''}`,
    view: view.kind,
    severityFilter: severity ?? '',
    hasPrevious: page.offset > 0,
    previousOffset: Math.max(0, page.offset - PAGE_SIZE),
    hasNext: page.hasMore,
    nextOffset: page.offset + PAGE_SIZE,
  };
}

export function parseSeverity(text: string | undefined): Severity | undefined {
  const s = text?.trim().toUpperCase();
  return s === 'A' || s === 'B' || s === 'C' ? s : undefined;
}
