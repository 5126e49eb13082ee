/**
 * What the ticket card shows of partner and Microsoft cases: one line per case (vendor, reference,
 * when it was opened, its status), a Sev A or B Microsoft case waiting for an IT admin with its
 * Confirm / Decline, and the choices of the "Record external case" and "Update external case"
 * forms. Every button is on every copy of the card; who may press it is decided by the service.
 */
import type { ExternalCaseStatus } from '../domain/external-cases/case-status';
import type { MessageKey } from '../domain/message-keys';
import { instant, text, type Text } from '../domain/text';
import { isOpenStatus } from '../domain/ticket-status';
import type { Ticket } from '../domain/tickets/ticket';
import { escalationLabel } from './labels';

const CASE_STATUS = {
  open: 'cases.status.open',
  'waiting-on-vendor': 'cases.status.waiting-on-vendor',
  closed: 'cases.status.closed',
} as const satisfies Record<ExternalCaseStatus, MessageKey>;

export const caseStatusLabel = (status: ExternalCaseStatus): Text => text(CASE_STATUS[status]);

/** The ticket card's fields about external cases (merged into the `ticket` card's data). */
export function externalCaseFields(ticket: Ticket) {
  const cases = ticket.externalCases ?? [];
  const open = isOpenStatus(ticket.status);
  const pending = ticket.pendingCase;
  const updatable = cases.filter((c) => c.status !== 'closed');
  return {
    externalCases: cases.map((c) => ({
      line: text('cases.line', {
        vendor: escalationLabel(c.vendor),
        reference: c.caseReference,
        opened: instant(c.openedAt),
        status: caseStatusLabel(c.status),
      }),
      confirmed: c.confirmedBy ? text('cases.confirmedBy', { name: c.confirmedBy.displayName }) : '',
    })),
    hasExternalCases: cases.length > 0,
    pendingCase: pending
      ? text('cases.pending', {
          severity: pending.severity,
          name: pending.requestedBy.displayName,
          reference: pending.caseReference ?? text('cases.noReferenceYet'),
        })
      : '',
    canConfirmCase: pending !== undefined && open,
    pendingHasReference: pending?.caseReference !== undefined,
    canRecordCase: open && pending === undefined && ticket.status !== 'new' && ticket.status !== 'escalated',
    canUpdateCase: updatable.length > 0,
    caseChoices: updatable.map((c) => ({
      title: text('cases.choice', { vendor: escalationLabel(c.vendor), reference: c.caseReference }),
      value: c.id,
    })),
  };
}
