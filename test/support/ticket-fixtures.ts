import { verbatim } from '../../src/domain/text';
import { randomUUID } from 'node:crypto';
import type { SupportRequest } from '../../src/domain/intake/support-request';
import { referenceFor, snapshotOf } from '../../src/domain/intake/support-request';
import type { Severity } from '../../src/domain/severity';
import { SOLUTIONS } from './fixture-solutions';

/** A help desk request as the intake would have built it (for storage and service tests). */
export function helpDeskRequest(
  overrides: {
    severity?: Severity;
    requester?: { aadObjectId: string; displayName: string };
    critical?: boolean;
    at?: Date;
    title?: string;
  } = {},
): SupportRequest {
  const id = randomUUID();
  const at = (overrides.at ?? new Date('2026-11-20T10:00:00Z')).toISOString();
  const solution = overrides.critical ? snapshotOf(SOLUTIONS.invoices) : undefined;
  return {
    id,
    reference: referenceFor(id),
    requester: overrides.requester ?? { aadObjectId: 'a1e0c0de-0000-4000-8000-000000000001', displayName: 'Alex Wilber' },
    category: solution ? 'solution-problem' : 'find-or-how-to',
    solution,
    notInCatalog: false,
    details: {
      title: overrides.title ?? 'Where is the expenses app?',
      description: 'I cannot find it.',
      since: '',
      impact: 'me',
      urgency: 'workaround',
    },
    severity: overrides.severity ?? 'C',
    routeKind: 'help-desk',
    routeReason: solution ? 'critical-solution' : 'find-or-how-to',
    handToDedicatedTeam: false,
    holder: { kind: 'help-desk' },
    explanation: verbatim('The help desk has it.'),
    status: 'open',
    createdAt: at,
    updatedAt: at,
  };
}
