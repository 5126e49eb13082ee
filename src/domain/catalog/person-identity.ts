/**
 * Where each person a catalog entry names stands: known (an Entra object id the bot can message) or
 * needing an admin's attention (not found, disabled, not looked up yet). Pure.
 */
import type { DirectoryUser } from '../ports/people-directory';
import type { CatalogPerson, IdentityState, Person, Solution } from '../solution';

/** The people an entry names (a record's or a stored solution's). */
type PeopleFields = Pick<Solution, 'maker' | 'coOwners' | 'manager'>;

export function identityState(person: CatalogPerson): IdentityState {
  return person.identity?.state ?? (person.aadObjectId ? 'given' : 'pending');
}

/** A person the bot can message and route to: an object id, and an account that is not disabled. */
export function isContactable(person: CatalogPerson | undefined): person is CatalogPerson & Person {
  if (person === undefined || person.aadObjectId === undefined) return false;
  const state = identityState(person);
  return state !== 'disabled' && state !== 'not-found';
}

/**
 * To be looked up in the directory: anyone without an id (not found last time included: it may be
 * fixed since), and anyone known by object id alone (for their name and email).
 */
export function needsLookup(person: CatalogPerson): boolean {
  return lookupKey(person) !== undefined;
}

export const ATTENTION_STATES: readonly IdentityState[] = ['pending', 'not-found', 'disabled'];

export function needsAttention(person: CatalogPerson): boolean {
  return ATTENTION_STATES.includes(identityState(person));
}

export type PersonRole = 'maker' | 'co-owner' | 'manager';

export interface NamedPerson {
  readonly role: PersonRole;
  readonly person: CatalogPerson;
}

/** Every person a record names, in order: maker, co-owners, manager. */
export function namedPeople(record: PeopleFields): NamedPerson[] {
  return [
    { role: 'maker', person: record.maker },
    ...record.coOwners.map((person) => ({ role: 'co-owner' as const, person })),
    ...(record.manager ? [{ role: 'manager' as const, person: record.manager }] : []),
  ];
}

export interface AttentionItem {
  readonly solutionId: string;
  readonly solutionName: string;
  readonly role: PersonRole;
  readonly email: string;
  readonly displayName: string;
  readonly state: IdentityState;
  readonly checkedAt?: string;
}

/** The people of a solution an admin should look at (ids to fix, accounts gone). */
export function attentionOf(solution: Pick<Solution, 'id' | 'name' | 'maker' | 'coOwners' | 'manager' | 'status'>): AttentionItem[] {
  return namedPeople(solution)
    .filter(({ role, person }) => needsAttention(person) && !(role === 'maker' && solution.status !== 'active'))
    .map(({ role, person }) => ({
      solutionId: solution.id,
      solutionName: solution.name,
      role,
      email: person.email,
      displayName: person.displayName,
      state: identityState(person),
      ...(person.identity?.at ? { checkedAt: person.identity.at } : {}),
    }));
}

/** What names a person in the identity cache: the email / UPN, or the object id when there is none. */
export function personKey(person: CatalogPerson): string {
  return (person.email || person.aadObjectId || '').toLowerCase();
}

/**
 * Carries what the catalog learnt about people (ids resolved through Graph, names, languages) into a
 * new version of an entry that names them again without it (a file with emails only), so an import
 * neither forgets the cache nor looks people up again. What the new version says explicitly wins.
 */
export function withKnownIdentities<R extends PeopleFields>(record: R, previous: PeopleFields | undefined): R {
  if (!previous) return record;
  const known = namedPeople(previous).map((p) => p.person);
  const carry = (person: CatalogPerson): CatalogPerson => {
    const before = known.find(
      (k) => personKey(k) === personKey(person) && (!person.aadObjectId || !k.aadObjectId || person.aadObjectId === k.aadObjectId),
    );
    if (!before) return person;
    const sameId = person.aadObjectId !== undefined && person.aadObjectId === before.aadObjectId;
    const unnamed = person.displayName === person.email || person.displayName === person.aadObjectId;
    return {
      ...person,
      ...(unnamed && before.displayName !== before.email && before.displayName !== before.aadObjectId
        ? { displayName: before.displayName }
        : {}),
      ...(person.email === '' && before.email !== '' ? { email: before.email } : {}),
      ...(person.aadObjectId === undefined && before.aadObjectId !== undefined ? { aadObjectId: before.aadObjectId } : {}),
      // Only a known id is worth keeping: someone not found last time is looked up again.
      ...((person.aadObjectId === undefined || sameId) && before.aadObjectId !== undefined && before.identity
        ? { identity: before.identity }
        : {}),
      ...(person.preferredLanguage === undefined && before.preferredLanguage !== undefined
        ? { preferredLanguage: before.preferredLanguage }
        : {}),
    };
  };
  return {
    ...record,
    maker: carry(record.maker),
    coOwners: record.coOwners.map(carry),
    ...(record.manager ? { manager: carry(record.manager) } : {}),
  };
}

/** The key to look a person up by: the email / UPN, or the object id when that is all there is. */
export function lookupKey(person: CatalogPerson): string | undefined {
  if (person.aadObjectId && person.email) return undefined;
  return person.email || person.aadObjectId;
}

export interface DirectoryFinding {
  readonly kind: 'found' | 'not-found' | 'unavailable';
  readonly user?: DirectoryUser;
}

/**
 * A person updated with what the directory said: found → the object id (and the name, email and
 * language when the catalog had none), resolved or disabled; not found → not-found; no answer →
 * pending (looked up again later). The catalog's own name and email are kept when it has them.
 */
export function withFinding(person: CatalogPerson, finding: DirectoryFinding | undefined, at: string): CatalogPerson {
  if (finding === undefined) return person;
  if (finding.kind === 'unavailable') return person.aadObjectId ? person : { ...person, identity: { state: 'pending' } };
  if (finding.kind === 'not-found' || finding.user === undefined) {
    return { ...person, identity: { state: 'not-found', at } };
  }
  const user = finding.user;
  const email = person.email || user.mail || user.userPrincipalName;
  const unnamed = person.displayName === person.email || person.displayName === person.aadObjectId || person.displayName === '';
  return {
    ...person,
    aadObjectId: user.id.toLowerCase(),
    email,
    displayName: unnamed && user.displayName ? user.displayName : person.displayName,
    identity: { state: user.accountEnabled ? 'resolved' : 'disabled', at },
    ...(person.preferredLanguage === undefined && user.preferredLanguage ? { preferredLanguage: user.preferredLanguage } : {}),
  };
}

/** Every lookup key a record needs answered. */
export function lookupKeysOf(record: PeopleFields): string[] {
  return namedPeople(record)
    .map(({ person }) => lookupKey(person))
    .filter((key): key is string => key !== undefined);
}

/** The record with every person the answers cover updated (keys compare case-insensitively). */
export function withFindings<R extends PeopleFields>(record: R, answers: ReadonlyMap<string, DirectoryFinding>, at: string): R {
  const apply = (person: CatalogPerson): CatalogPerson => {
    const key = lookupKey(person);
    return key === undefined ? person : withFinding(person, answers.get(key.toLowerCase()), at);
  };
  return {
    ...record,
    maker: apply(record.maker),
    coOwners: record.coOwners.map(apply),
    ...(record.manager ? { manager: apply(record.manager) } : {}),
  };
}
