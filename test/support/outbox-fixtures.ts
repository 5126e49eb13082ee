import { verbatim } from '../../src/domain/text';
import { randomUUID } from 'node:crypto';
import type { SupportRequest } from '../../src/domain/intake/support-request';
import { referenceFor } from '../../src/domain/intake/support-request';
import type { OutboxMessage } from '../../src/domain/outbox-message';
import { message } from '../../src/services/notifications/route-messages';

/** A submitted request (help desk holder, so no route logic runs) for outbox tests. */
export function plainRequest(at: Date, title = 'Problem'): SupportRequest {
  const id = randomUUID();
  return {
    id,
    reference: referenceFor(id),
    requester: { aadObjectId: 'a1e0c0de-0000-4000-8000-000000000001', displayName: 'Alex Wilber' },
    category: 'solution-problem',
    notInCatalog: false,
    details: { title, description: 'It broke.', since: '', impact: 'me', urgency: 'workaround' },
    severity: 'C',
    routeKind: 'help-desk',
    routeReason: 'critical-solution',
    handToDedicatedTeam: false,
    holder: { kind: 'help-desk' },
    explanation: verbatim(''),
    status: 'open',
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
}

/** A DM to `aadObjectId` caused by `request`. */
export function dmTo(request: SupportRequest, aadObjectId: string, suffix?: string): OutboxMessage {
  return message(
    request,
    'requester-update',
    { kind: 'user', aadObjectId, displayName: 'Someone' },
    { card: 'requester-update', data: { update: 'x', holder: 'y' } },
    suffix,
  );
}
