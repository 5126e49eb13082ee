/**
 * A major incident: something is broken for many people at once, a solution or Power Platform
 * itself. The dedicated team opens it and links tickets and requests to it; while it is open, new
 * reports about the same solution (or "Power Platform itself seems down" for a platform incident)
 * are linked at intake instead of becoming duplicate tickets. Resolving it tells every linked
 * requester once, in one message each: the requesters are frozen at resolution (sorted, one per
 * person) and `told` counts how many of them have their message in the outbox, advanced in the same
 * transaction that writes the messages, so a retry or a redelivery never tells anyone twice. Pure.
 */
import { accept, refuse, type Decision } from '../decision';
import type { PersonRef } from '../history';
import { belongsTo, sameId, type ActorStanding } from '../queues/actor-standing';
import { DEDICATED_TEAM_QUEUE } from '../queues/queue';
import type { RequestCategory } from '../request-category';
import { requireText } from '../text-input';

export type IncidentScope =
  { readonly kind: 'solution'; readonly solutionId: string; readonly solutionName: string } | { readonly kind: 'platform' };

export interface IncidentLink {
  readonly kind: 'ticket' | 'request';
  /** The ticket's or the request's id (a ticket's id is its request's). */
  readonly id: string;
  /** HD-000042 or REQ-…, for people. */
  readonly reference: string;
  readonly requester: PersonRef;
  readonly linkedAt: string;
  /** Linked at intake (a new report while the incident was open), not by a person. */
  readonly automatic: boolean;
}

export interface Incident {
  /** INC-XXXXXXXX: also what people type. */
  readonly id: string;
  readonly scope: IncidentScope;
  readonly title: string;
  readonly status: 'open' | 'resolved';
  readonly openedBy: PersonRef;
  readonly openedAt: string;
  readonly links: readonly IncidentLink[];
  readonly resolution?: string;
  readonly resolvedAt?: string;
  readonly resolvedBy?: PersonRef;
  /** Frozen at resolution: each linked requester once, sorted by id. */
  readonly audience?: readonly PersonRef[];
  /** How many of `audience` have their message in the outbox. */
  readonly told?: number;
  /** When it was escalated to the global admins (once). */
  readonly globalAdminsAt?: string;
  readonly globalAdminsBy?: PersonRef;
  readonly version: number;
  readonly updatedAt: string;
}

/** Bounded, so an incident always fits its row and one transaction: a larger outage is several incidents. */
export const MAX_INCIDENT_LINKS = 500;
export const INCIDENT_TITLE_MAX = 200;
export const INCIDENT_RESOLUTION_MAX = 2000;
/** Messages written per transaction when telling the requesters (a transaction holds 100 rows). */
export const TELL_BATCH = 90;

const INCIDENT_ID = /^INC-[0-9A-F]{8}$/;

export function isIncidentId(value: unknown): value is string {
  return typeof value === 'string' && INCIDENT_ID.test(value);
}

/** "inc-1a2b3c4d", " INC-1A2B3C4D." → INC-1A2B3C4D, or undefined. */
export function parseIncidentId(typed: unknown): string | undefined {
  if (typeof typed !== 'string' || typed.length > 40) return undefined;
  const id = typed
    .trim()
    .replace(/[.!?]+$/, '')
    .toUpperCase();
  return isIncidentId(id) ? id : undefined;
}

/** The id for a new incident from 32 hex digits (the opening activity's UUID, so a redelivery names the same one). */
export function incidentIdFrom(hex: string): string {
  return `INC-${hex
    .replace(/[^0-9a-fA-F]/g, '')
    .slice(0, 8)
    .toUpperCase()
    .padEnd(8, '0')}`;
}

/** At most one open incident per scope: a solution's, or the platform's. */
export function scopeKeyOf(scope: IncidentScope): string {
  return scope.kind === 'platform' ? 'platform' : `solution:${scope.solutionId}`;
}

export type IncidentRefusal =
  | 'not-permitted'
  | 'title-missing'
  | 'title-too-long'
  | 'resolved'
  | 'already-linked'
  | 'too-many-links'
  | 'resolution-missing'
  | 'resolution-too-long'
  | 'already-escalated';

/** Only the dedicated team opens, resolves and escalates incidents, and links to them by hand. */
export function isDedicatedTeam(standing: ActorStanding): boolean {
  return belongsTo(standing, DEDICATED_TEAM_QUEUE);
}

export function openIncident(
  id: string,
  scope: IncidentScope,
  title: unknown,
  standing: ActorStanding,
  by: PersonRef,
  at: Date,
): Decision<{ readonly incident: Incident }, IncidentRefusal> {
  if (!isDedicatedTeam(standing)) return refuse('not-permitted');
  const typed = requireText(title, INCIDENT_TITLE_MAX);
  if (!typed.ok) return refuse(typed.reason === 'missing' ? 'title-missing' : 'title-too-long');
  const iso = at.toISOString();
  return accept({
    incident: { id, scope, title: typed.text, status: 'open', openedBy: by, openedAt: iso, links: [], version: 1, updatedAt: iso },
  });
}

/**
 * The first "Power Platform itself seems down" report, with no platform incident open, opens one
 * itself (the intake acts, not a person: `reportedBy` is who reported it), linked to its ticket, so
 * the reports after it are linked instead of becoming tickets. The report's title names it.
 */
export function openPlatformIncidentFromReport(id: string, title: string, link: IncidentLink, at: Date): Incident {
  const iso = at.toISOString();
  return {
    id,
    scope: { kind: 'platform' },
    title: title.slice(0, INCIDENT_TITLE_MAX),
    status: 'open',
    openedBy: link.requester,
    openedAt: iso,
    links: [link],
    version: 1,
    updatedAt: iso,
  };
}

/** Links a ticket or a request (by a dedicated team member, or at intake when `standing` is undefined). */
export function linkToIncident(
  incident: Incident,
  link: IncidentLink,
  standing: ActorStanding | undefined,
  at: Date,
): Decision<{ readonly incident: Incident }, IncidentRefusal> {
  if (standing !== undefined && !isDedicatedTeam(standing)) return refuse('not-permitted');
  if (incident.status !== 'open') return refuse('resolved');
  if (incident.links.some((l) => l.id === link.id)) return refuse('already-linked');
  if (incident.links.length >= MAX_INCIDENT_LINKS) return refuse('too-many-links');
  return accept({
    incident: { ...incident, links: [...incident.links, link], version: incident.version + 1, updatedAt: at.toISOString() },
  });
}

/** Resolves it and freezes who is to be told: each linked requester once. */
export function resolveIncident(
  incident: Incident,
  resolution: unknown,
  standing: ActorStanding,
  by: PersonRef,
  at: Date,
): Decision<{ readonly incident: Incident }, IncidentRefusal> {
  if (!isDedicatedTeam(standing)) return refuse('not-permitted');
  if (incident.status !== 'open') return refuse('resolved');
  const typed = requireText(resolution, INCIDENT_RESOLUTION_MAX);
  if (!typed.ok) return refuse(typed.reason === 'missing' ? 'resolution-missing' : 'resolution-too-long');
  const iso = at.toISOString();
  return accept({
    incident: {
      ...incident,
      status: 'resolved',
      resolution: typed.text,
      resolvedAt: iso,
      resolvedBy: by,
      audience: audienceOf(incident.links),
      told: 0,
      version: incident.version + 1,
      updatedAt: iso,
    },
  });
}

/** Each requester once (the first link's name), sorted by id so every retry sees the same order. */
export function audienceOf(links: readonly IncidentLink[]): readonly PersonRef[] {
  const byId = new Map<string, PersonRef>();
  for (const link of links) {
    const key = link.requester.aadObjectId.toLowerCase();
    if (!byId.has(key)) byId.set(key, { aadObjectId: link.requester.aadObjectId, displayName: link.requester.displayName });
  }
  return [...byId.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, person]) => person);
}

/** The next requesters to tell (at most `batch`) and the incident with them counted; none once everyone was. */
export function nextToTell(
  incident: Incident,
  at: Date,
  batch = TELL_BATCH,
): { readonly people: readonly PersonRef[]; readonly incident: Incident } {
  const audience = incident.audience ?? [];
  const told = incident.told ?? 0;
  const people = incident.status === 'resolved' ? audience.slice(told, told + batch) : [];
  if (people.length === 0) return { people, incident };
  return { people, incident: { ...incident, told: told + people.length, version: incident.version + 1, updatedAt: at.toISOString() } };
}

/** The links of one requester, for their single message. */
export function linksOf(incident: Incident, person: PersonRef): readonly IncidentLink[] {
  return incident.links.filter((l) => sameId(l.requester.aadObjectId, person.aadObjectId));
}

export function escalateToGlobalAdmins(
  incident: Incident,
  standing: ActorStanding,
  by: PersonRef,
  at: Date,
): Decision<{ readonly incident: Incident }, IncidentRefusal> {
  if (!isDedicatedTeam(standing)) return refuse('not-permitted');
  if (incident.status !== 'open') return refuse('resolved');
  if (incident.globalAdminsAt !== undefined) return refuse('already-escalated');
  const iso = at.toISOString();
  return accept({ incident: { ...incident, globalAdminsAt: iso, globalAdminsBy: by, version: incident.version + 1, updatedAt: iso } });
}

/**
 * The scope a new report belongs to, if an incident could cover it: a problem with a catalogued
 * solution, or "Power Platform itself seems down".
 */
export function reportScopeKey(category: RequestCategory, solutionId: string | undefined): string | undefined {
  if (category === 'platform-issue') return 'platform';
  if (category === 'solution-problem' && solutionId !== undefined) return `solution:${solutionId}`;
  return undefined;
}
