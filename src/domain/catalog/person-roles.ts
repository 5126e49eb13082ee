/**
 * The people a solution names and in which role: what the "solutions of person X" index is built
 * from, and what it is checked against when read.
 */
import type { SolutionRecord } from './solution-record';

export const CATALOG_ROLES = ['maker', 'co-owner'] as const;
export type CatalogRole = (typeof CATALOG_ROLES)[number];

/**
 * Entra object id → role, for the people whose id is known (the others cannot sign in to "my
 * solutions" under an id yet). Validation guarantees the maker is not also a co-owner.
 */
export function peopleOf(solution: SolutionRecord): ReadonlyMap<string, CatalogRole> {
  const people = new Map<string, CatalogRole>();
  for (const p of solution.coOwners) if (p.aadObjectId) people.set(p.aadObjectId, 'co-owner');
  if (solution.maker.aadObjectId) people.set(solution.maker.aadObjectId, 'maker');
  return people;
}

export function roleOf(solution: SolutionRecord, aadObjectId: string): CatalogRole | undefined {
  return peopleOf(solution).get(aadObjectId.toLowerCase());
}
