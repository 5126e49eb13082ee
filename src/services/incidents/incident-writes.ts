/**
 * The incident's writes that loop: a change decided on the incident as stored (read → decide → one
 * transaction with its ETag, its outbox and the activity; decided again once after a conflict), and
 * telling the linked requesters of a resolved incident, batch by batch, each batch in the
 * transaction that counts it told, so a repeated Resolve finishes what is left and tells nobody twice.
 */
import { activityRecord, type ActivityRef } from '../../domain/activity-ref';
import { nextToTell, type Incident, type IncidentRefusal } from '../../domain/incidents/incident';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { Clock } from '../../domain/ports/clock';
import type { IncidentRepository } from '../../domain/ports/incidents';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { text, type Text } from '../../domain/text';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { incidentCard } from '../../presentation/incident-cards';
import { resolutionMessage } from './incident-messages';

export interface IncidentWriteDeps {
  readonly incidents: IncidentRepository;
  readonly clock: Clock;
}

export type IncidentDecided =
  | { readonly ok: true; readonly incident: Incident; readonly outbox: OutboxMessage[]; readonly done: Text }
  | { readonly ok: false; readonly reason: IncidentRefusal };

export async function changeIncident(
  deps: IncidentWriteDeps,
  incidentId: string,
  activity: ActivityRef | undefined,
  decide: (incident: Incident, now: Date) => IncidentDecided,
  refusal: (reason: IncidentRefusal) => Text,
): Promise<Answer> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const stored = await deps.incidents.get(incidentId);
    if (stored === undefined) return messageAnswer(text('incidents.refused.unknown'));
    const applied = activity ? await deps.incidents.activity(activity.key) : undefined;
    if (applied) return cardAnswer(incidentCard(stored.incident, applied.outcome));
    const now = deps.clock.now();
    const decided = decide(stored.incident, now);
    if (!decided.ok) return cardAnswer(incidentCard(stored.incident, refusal(decided.reason)));
    try {
      const record = activity && activityRecord(activity, decided.done, now);
      const saved = await deps.incidents.update(stored, decided.incident, decided.outbox, record);
      return cardAnswer(incidentCard(saved.incident, decided.done));
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
  }
  const current = await deps.incidents.get(incidentId);
  return current
    ? cardAnswer(incidentCard(current.incident, text('messages.tickets.changedMeanwhile')))
    : messageAnswer(text('incidents.refused.unknown'));
}

/** Writes the next batch of messages until everyone was told; the incident as it ends up. */
export async function tellRequesters(deps: IncidentWriteDeps, incidentId: string): Promise<Incident | undefined> {
  for (let round = 0; round < 1000; round++) {
    const stored = await deps.incidents.get(incidentId);
    if (stored === undefined) return undefined;
    const now = deps.clock.now();
    const next = nextToTell(stored.incident, now);
    if (next.people.length === 0) return stored.incident;
    const messages = next.people.map((person) => resolutionMessage(next.incident, person, now));
    try {
      await deps.incidents.update(stored, next.incident, messages);
    } catch (error) {
      // Another delivery of the same Resolve wrote this batch first: read and go on from its count.
      if (!(error instanceof ConcurrencyConflictError)) throw error;
    }
  }
  return undefined;
}
