/**
 * A partner's (support type 5) or Microsoft's (type 6) support case, as recorded on a ticket: who
 * the vendor is, the case reference, when and by whom it was opened, its severity and its status.
 * A Sev A or B Microsoft case waits as a pending confirmation until an IT admin files it.
 */
import type { PersonRef } from '../history';
import type { Severity } from '../severity';
import type { ExternalEscalationTarget } from '../support-model';
import type { ExternalCaseStatus } from './case-status';

export interface ExternalCase {
  /** `vendor:reference`, unique on the ticket. */
  readonly id: string;
  readonly vendor: ExternalEscalationTarget;
  readonly caseReference: string;
  readonly severity: Severity;
  readonly openedAt: string;
  readonly openedBy: PersonRef;
  /** The IT admin who confirmed (and filed) a Sev A or B Microsoft case. */
  readonly confirmedBy?: PersonRef;
  readonly status: ExternalCaseStatus;
  readonly statusAt: string;
}

export interface PendingCaseConfirmation {
  readonly vendor: 'microsoft';
  readonly severity: Extract<Severity, 'A' | 'B'>;
  readonly requestedBy: PersonRef;
  readonly requestedAt: string;
  /** A reference the designated member already has (else the IT admin gives it on confirming). */
  readonly caseReference?: string;
}

/** As for external references: the card's list stays short and the row bounded; newest kept. */
export const MAX_EXTERNAL_CASES = 10;
export const MAX_CASE_REFERENCE = 100;

export function caseIdOf(vendor: ExternalEscalationTarget, caseReference: string): string {
  return `${vendor}:${caseReference}`;
}

export function withExternalCase(cases: readonly ExternalCase[] | undefined, added: ExternalCase): readonly ExternalCase[] {
  return [...(cases ?? []).filter((c) => c.id !== added.id), added].slice(-MAX_EXTERNAL_CASES);
}
