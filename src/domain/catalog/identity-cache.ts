/**
 * What the directory said about each person of an entry (state, when, language), as one small JSON
 * object keyed by lower-case email, so the storage row keeps the canonical columns readable and this
 * cache beside them. Pure.
 */
import { IDENTITY_STATES, type CatalogPerson, type IdentityState } from '../solution';
import { namedPeople, personKey } from './person-identity';
import type { SolutionRecord } from './solution-record';

interface CachedIdentity {
  readonly state?: IdentityState;
  readonly at?: string;
  readonly lang?: string;
}

export type IdentityCache = Readonly<Record<string, CachedIdentity>>;

/** The cache of a record: only what the canonical columns cannot say. */
export function identityCacheOf(record: Pick<SolutionRecord, 'maker' | 'coOwners' | 'manager'>): IdentityCache {
  const cache: Record<string, CachedIdentity> = {};
  for (const { role, person } of namedPeople(record)) {
    const entry: CachedIdentity = {
      ...(person.identity ? { state: person.identity.state, ...(person.identity.at ? { at: person.identity.at } : {}) } : {}),
      // The maker's language has its own column.
      ...(role !== 'maker' && person.preferredLanguage ? { lang: person.preferredLanguage } : {}),
    };
    if (Object.keys(entry).length > 0) cache[personKey(person)] = entry;
  }
  return cache;
}

/** The record with its people's cached identities put back (unknown or malformed entries are ignored). */
export function withIdentityCache<R extends Pick<SolutionRecord, 'maker' | 'coOwners' | 'manager'>>(record: R, cache: unknown): R {
  if (typeof cache !== 'object' || cache === null) return record;
  const entries = cache as Record<string, unknown>;
  const apply = (person: CatalogPerson): CatalogPerson => {
    const raw = Object.prototype.hasOwnProperty.call(entries, personKey(person)) ? entries[personKey(person)] : undefined;
    if (typeof raw !== 'object' || raw === null) return person;
    const { state, at, lang } = raw as Record<string, unknown>;
    const known =
      typeof state === 'string' && (IDENTITY_STATES as readonly string[]).includes(state) ? (state as IdentityState) : undefined;
    return {
      ...person,
      ...(known ? { identity: { state: known, ...(typeof at === 'string' ? { at } : {}) } } : {}),
      ...(typeof lang === 'string' && person.preferredLanguage === undefined ? { preferredLanguage: lang } : {}),
    };
  };
  return {
    ...record,
    maker: apply(record.maker),
    coOwners: record.coOwners.map(apply),
    ...(record.manager ? { manager: apply(record.manager) } : {}),
  };
}
