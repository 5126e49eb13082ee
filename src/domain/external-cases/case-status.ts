/**
 * An external case's status (a partner's or Microsoft's support case) and how it may change. Leaf
 * module: history and the case rules read it.
 */
import { literalGuard } from '../errors';

/** open: filed and being worked; waiting-on-vendor: the ball is in the vendor's court; closed. */
export const EXTERNAL_CASE_STATUSES = ['open', 'waiting-on-vendor', 'closed'] as const;
export type ExternalCaseStatus = (typeof EXTERNAL_CASE_STATUSES)[number];
export const isExternalCaseStatus = literalGuard(EXTERNAL_CASE_STATUSES);

/** A closed case stays closed: a new problem is a new case with its own reference. */
export function canChangeCaseStatus(from: ExternalCaseStatus, to: ExternalCaseStatus): boolean {
  return from !== 'closed' && from !== to;
}
