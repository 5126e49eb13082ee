/**
 * Major incidents in the Cases table, all in the shard partition of INCIDENT_OUTBOX_KEY, beside the
 * outbox messages they cause, so a change and its messages are one entity-group transaction (and the
 * outbox worker delivers them like any other). Row kinds of that partition, besides a shard's own
 * (cases/case-partitions.ts):
 *
 *   inc|{id}              the incident (JSON, bounded: incident.ts MAX_INCIDENT_LINKS)
 *   incopen|{scope key}   its scope's open incident: created with the incident, deleted when it is
 *                         resolved, so a scope has at most one open incident
 *   act|incident-{key}    an activity applied to an incident: named apart from the same activity's
 *                         record on a ticket that may share this partition (opening an incident from a
 *                         ticket card records the activity on both)
 */
import { TableClient, TableTransaction } from '@azure/data-tables';
import type { ActivityRecord } from '../../domain/activity-ref';
import { scopeKeyOf, type Incident } from '../../domain/incidents/incident';
import type { OutboxMessage } from '../../domain/outbox-message';
import { INCIDENT_OUTBOX_KEY, type IncidentRepository, type StoredIncident } from '../../domain/ports/incidents';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { activityEntity, readActivity } from '../cases/activity-rows';
import { partitionOf } from '../cases/case-partitions';
import { pendingEntity } from '../outbox/pending-rows';
import { jsonProperties, readJson, type DataRow } from '../stored-text';
import { getOrUndefined, listRange, submit } from '../table-calls';

export const INCIDENT_ROW = {
  key: (id: string) => `inc|${id}`,
  openKey: (scopeKey: string) => `incopen|${scopeKey}`,
  openPrefix: 'incopen|',
} as const;

const PK = partitionOf(INCIDENT_OUTBOX_KEY);

const activityKeyOf = (key: string) => `incident-${key}`;

interface OpenRow {
  partitionKey: string;
  rowKey: string;
  incidentId: string;
  openedAt: string;
}

export class TableIncidentStore implements IncidentRepository {
  constructor(private readonly table: TableClient) {}

  async get(id: string): Promise<StoredIncident | undefined> {
    return getOrUndefined(this.table, PK, INCIDENT_ROW.key(id), `read incident ${id}`, (row: DataRow & { etag: string }) => ({
      incident: readJson<Incident>(row, 'data'),
      etag: row.etag,
    }));
  }

  async openFor(scopeKey: string): Promise<StoredIncident | undefined> {
    const open = await getOrUndefined<OpenRow>(this.table, PK, INCIDENT_ROW.openKey(scopeKey), `read open incident ${scopeKey}`);
    if (open === undefined) return undefined;
    const stored = await this.get(open.incidentId);
    return stored?.incident.status === 'open' ? stored : undefined;
  }

  async listOpen(limit: number): Promise<Incident[]> {
    const marks = await listRange<OpenRow>(this.table, { partitionKey: PK, prefix: INCIDENT_ROW.openPrefix, limit }, 'list open incidents');
    const found = await Promise.all(marks.map((m) => this.get(m.incidentId)));
    return found
      .flatMap((s) => (s && s.incident.status === 'open' ? [s.incident] : []))
      .sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0));
  }

  async create(incident: Incident, outbox: readonly OutboxMessage[], activity?: ActivityRecord): Promise<StoredIncident> {
    const tx = new TableTransaction();
    tx.createEntity(this.entity(incident));
    tx.createEntity<OpenRow>({
      partitionKey: PK,
      rowKey: INCIDENT_ROW.openKey(scopeKeyOf(incident.scope)),
      incidentId: incident.id,
      openedAt: incident.openedAt,
    });
    this.addRest(tx, outbox, activity);
    const response = await submit(this.table, tx, `create incident ${incident.id}`, { on: ['exists'], key: `incident ${incident.id}` });
    return this.saved(incident, response.getResponseForEntity(INCIDENT_ROW.key(incident.id))?.etag);
  }

  async update(
    stored: StoredIncident,
    next: Incident,
    outbox: readonly OutboxMessage[],
    activity?: ActivityRecord,
  ): Promise<StoredIncident> {
    const tx = new TableTransaction();
    tx.updateEntity(this.entity(next), 'Replace', { etag: stored.etag });
    if (stored.incident.status === 'open' && next.status !== 'open') tx.deleteEntity(PK, INCIDENT_ROW.openKey(scopeKeyOf(next.scope)));
    this.addRest(tx, outbox, activity);
    const response = await submit(this.table, tx, `update incident ${next.id}`, {
      on: ['changed', 'exists', 'gone'],
      key: `incident ${next.id}`,
    });
    return this.saved(next, response.getResponseForEntity(INCIDENT_ROW.key(next.id))?.etag);
  }

  async activity(key: string): Promise<ActivityRecord | undefined> {
    const found = await readActivity(this.table, PK, activityKeyOf(key));
    return found && { ...found, key };
  }

  private entity(incident: Incident): DataRow & { status: string } {
    return {
      partitionKey: PK,
      rowKey: INCIDENT_ROW.key(incident.id),
      ...jsonProperties('data', incident, `incident ${incident.id}`),
      status: incident.status,
    };
  }

  private addRest(tx: TableTransaction, outbox: readonly OutboxMessage[], activity: ActivityRecord | undefined): void {
    for (const message of outbox) {
      if (message.requestId !== INCIDENT_OUTBOX_KEY)
        throw new RangeError(`incident outbox message ${message.id} names request ${message.requestId}`);
      tx.createEntity(pendingEntity(PK, message));
    }
    if (activity) tx.createEntity(activityEntity(PK, { ...activity, key: activityKeyOf(activity.key) }));
  }

  private async saved(incident: Incident, etag: string | undefined): Promise<StoredIncident> {
    if (typeof etag === 'string') return { incident, etag };
    const reread = await this.get(incident.id);
    if (!reread) throw new ConcurrencyConflictError(`incident ${incident.id}`);
    return reread;
  }
}
