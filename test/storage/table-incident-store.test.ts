import type { TableClient } from '@azure/data-tables';
import {
  INCIDENT_RESOLUTION_MAX,
  INCIDENT_TITLE_MAX,
  MAX_INCIDENT_LINKS,
  scopeKeyOf,
  type Incident,
  type IncidentLink,
} from '../../src/domain/incidents/incident';
import type { OutboxMessage } from '../../src/domain/outbox-message';
import { INCIDENT_OUTBOX_KEY } from '../../src/domain/ports/incidents';
import { ConcurrencyConflictError } from '../../src/domain/ports/storage-errors';
import { partitionOf } from '../../src/storage/cases/case-partitions';
import { TableIncidentStore } from '../../src/storage/incidents/table-incident-store';
import { TableOutboxStore } from '../../src/storage/outbox/table-outbox-store';
import type { TableService } from '../../src/storage/table-service';
import { TableTicketStore } from '../../src/storage/tickets/table-ticket-store';
import { KOREAN, EMOJI, ofLength } from '../support/large-text';
import { freshTables } from '../support/test-storage';

const DT = { aadObjectId: 'dd000000-0000-4000-8000-000000000001', displayName: 'Isaiah Langer' };
const AT = '2026-11-23T10:00:00.000Z';

function incident(id: string, scope: Incident['scope'] = { kind: 'platform' }): Incident {
  return { id, scope, title: 'Power Platform is down', status: 'open', openedBy: DT, openedAt: AT, links: [], version: 1, updatedAt: AT };
}

function message(id: string): OutboxMessage {
  return {
    id,
    requestId: INCIDENT_OUTBOX_KEY,
    purpose: 'requester-update',
    target: { kind: 'user', aadObjectId: DT.aadObjectId, displayName: DT.displayName },
    card: { card: 'requester-update', data: {} },
    createdAt: AT,
  };
}

describe('incident storage', () => {
  let client: TableClient;
  let tables: TableService;
  let store: TableIncidentStore;

  beforeAll(async () => {
    tables = await freshTables();
    client = tables.client('cases');
    store = new TableIncidentStore(client);
  });

  test('one open incident per scope; resolving frees the scope; the messages are pending in the outbox of that shard', async () => {
    const first = await store.create(incident('INC-00000001'), [message('inc.1.card')]);
    expect((await store.openFor('platform'))?.incident.id).toBe('INC-00000001');
    await expect(store.create(incident('INC-00000002'), [])).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect(await store.get('INC-00000002')).toBeUndefined();
    const due = await new TableOutboxStore(client).due(
      Number(partitionOf(INCIDENT_OUTBOX_KEY).slice(1)),
      new Date('2027-01-01T00:00:00Z'),
      10,
    );
    expect(due.map((d) => d.message.id)).toContain('inc.1.card');

    const resolved = await store.update(first, { ...first.incident, status: 'resolved', version: 2 }, [message('inc.1.told.a')]);
    expect(await store.openFor('platform')).toBeUndefined();
    expect((await store.listOpen(10)).map((i) => i.id)).not.toContain('INC-00000001');
    // A stale writer loses on the ETag, and writes none of its messages.
    await expect(store.update(first, { ...first.incident, version: 2 }, [message('inc.1.stale')])).rejects.toBeInstanceOf(
      ConcurrencyConflictError,
    );
    await expect(store.update(resolved, { ...resolved.incident, told: 1, version: 3 }, [message('inc.1.told.a')])).rejects.toBeInstanceOf(
      ConcurrencyConflictError,
    );
    expect((await store.get('INC-00000001'))?.incident).toMatchObject({ status: 'resolved', version: 2 });
    await store.create(incident('INC-00000003'), []);
    expect((await store.listOpen(10)).map((i) => i.id)).toContain('INC-00000003');
  });

  test('an incident at its bounds, in Korean and emoji, reads back intact', async () => {
    const links: IncidentLink[] = Array.from({ length: MAX_INCIDENT_LINKS }, (_, i) => ({
      kind: 'request',
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      reference: `REQ-${String(i).padStart(8, '0')}`,
      requester: { aadObjectId: `b0000000-0000-4000-8000-${String(i).padStart(12, '0')}`, displayName: ofLength(KOREAN, 64) },
      linkedAt: AT,
      automatic: true,
    }));
    const big: Incident = {
      ...incident('INC-0000000B', { kind: 'solution', solutionId: 'invoice-approval', solutionName: ofLength(EMOJI, 100) }),
      title: ofLength(KOREAN, INCIDENT_TITLE_MAX),
      links,
      resolution: ofLength(EMOJI, INCIDENT_RESOLUTION_MAX),
    };
    await store.create(big, []);
    expect((await store.get(big.id))?.incident).toEqual(big);
    expect((await store.openFor(scopeKeyOf(big.scope)))?.incident.id).toBe(big.id);
  });

  test("an activity recorded on an incident is not taken for the same activity's change to a ticket of the same partition", async () => {
    // Opening an incident from a ticket card records the activity on the incident and on the ticket.
    const ticketId = Array.from({ length: 500 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).find(
      (id) => partitionOf(id) === partitionOf(INCIDENT_OUTBOX_KEY),
    )!;
    const activity = { key: 'ab'.repeat(16), outcome: { key: 'incidents.done.opened' as const }, expiresAt: '2026-11-23T11:00:00.000Z' };
    await store.create(incident('INC-0000000C', { kind: 'solution', solutionId: 'other', solutionName: 'Other' }), [], activity);
    expect((await store.activity(activity.key))?.outcome).toEqual(activity.outcome);
    expect(await TableTicketStore.on(tables).activity(ticketId, activity.key)).toBeUndefined();
  });
});
