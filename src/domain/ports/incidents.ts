/** Major incidents (storage/incidents/table-incident-store.ts). */
import type { ActivityRecord } from '../activity-ref';
import type { Incident } from '../incidents/incident';
import type { OutboxMessage } from '../outbox-message';
import type { Versioned } from './versioned';

export interface StoredIncident extends Versioned {
  readonly incident: Incident;
}

/**
 * Incidents, their "open for this scope" marks and the outbox messages their changes cause, written
 * together: every change is one transaction with the incident's ETag (and the activity that asked,
 * if given). Outbox messages passed here must name `INCIDENT_OUTBOX_KEY` as their request, so they
 * share the incidents' partition.
 */
export interface IncidentRepository {
  get(id: string): Promise<StoredIncident | undefined>;
  /** The open incident of a scope (incident.ts scopeKeyOf), if any. */
  openFor(scopeKey: string): Promise<StoredIncident | undefined>;
  /** The open incidents, newest first (at most `limit`). */
  listOpen(limit: number): Promise<Incident[]>;
  /** Creates it and marks its scope open; ConcurrencyConflictError when that id exists or the scope has an open incident. */
  create(incident: Incident, outbox: readonly OutboxMessage[], activity?: ActivityRecord): Promise<StoredIncident>;
  /** Replaces it with the ETag; a resolved incident's scope is open again. ConcurrencyConflictError otherwise. */
  update(stored: StoredIncident, next: Incident, outbox: readonly OutboxMessage[], activity?: ActivityRecord): Promise<StoredIncident>;
  /** The record of an activity applied to incidents, if any. */
  activity(key: string): Promise<ActivityRecord | undefined>;
}

/** The `requestId` of every outbox message an incident causes: its partition is the incidents'. */
export const INCIDENT_OUTBOX_KEY = 'major-incidents';
