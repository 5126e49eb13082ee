/**
 * What the guidance's tier table ("Define tiers of applications") asks of a solution at each tier,
 * and what a graduation request still lacks for the tier it asks for. Pure: no I/O.
 *
 * The table's rows this checks: a support model of team-assisted (Important) or formal (Critical)
 * support, so at least one co-owner; the environment strategy (default or shared productivity
 * environment → dedicated dev with shared test and prod → dedicated dev/test/prod managed by central
 * IT); ALM (none → manual solution import/export → Azure DevOps or GitHub pipelines); the maker
 * providing "potential workarounds and data sources used"; the business impact (low → medium → high).
 */
import { literalGuard } from '../errors';
import { parsePeople } from '../catalog/list-formats';
import { TIERS, type Tier } from '../solution';

export const ENVIRONMENT_STRATEGIES = ['shared-productivity', 'dedicated-dev-shared-test-prod', 'dedicated-dev-test-prod'] as const;
export type EnvironmentStrategy = (typeof ENVIRONMENT_STRATEGIES)[number];
export const isEnvironmentStrategy = literalGuard(ENVIRONMENT_STRATEGIES);

export const ALM_PRACTICES = ['none', 'manual-export-import', 'pipelines'] as const;
export type AlmPractice = (typeof ALM_PRACTICES)[number];
export const isAlmPractice = literalGuard(ALM_PRACTICES);

export const BUSINESS_IMPACTS = ['low', 'medium', 'high'] as const;
export type BusinessImpact = (typeof BUSINESS_IMPACTS)[number];
export const isBusinessImpact = literalGuard(BUSINESS_IMPACTS);

/** One row of the tier table a request can fall short of, in the order the card lists them. */
export const GRADUATION_REQUIREMENTS = [
  'co-owners',
  'environment-strategy',
  'alm',
  'data-sources',
  'workarounds',
  'business-impact',
] as const;
export type GraduationRequirement = (typeof GRADUATION_REQUIREMENTS)[number];

/** A tier a solution can graduate to. */
export type HigherTier = Exclude<Tier, 'Productivity'>;
export const isHigherTier = (value: unknown): value is HigherTier => value === 'Important' || value === 'Critical';

/** What the maker answered (already within the input limits: see graduation-answers.ts). */
export interface GraduationAnswers {
  /** The co-owners as in the catalog file (`Name <email>; …`); empty keeps the catalog's. */
  readonly coOwners: string;
  readonly environmentStrategy?: EnvironmentStrategy;
  readonly alm?: AlmPractice;
  readonly dataSources: string;
  readonly workarounds: string;
  readonly businessImpact?: BusinessImpact;
  /** The Teams channel where the solution's team will support it; empty keeps the catalog's. */
  readonly supportChannel: string;
}

export interface TierNeeds {
  readonly coOwners: number;
  readonly environmentStrategy: EnvironmentStrategy;
  readonly alm: AlmPractice;
  readonly businessImpact: BusinessImpact;
}

const NEEDS: Record<HigherTier, TierNeeds> = {
  Important: { coOwners: 1, environmentStrategy: 'dedicated-dev-shared-test-prod', alm: 'manual-export-import', businessImpact: 'medium' },
  Critical: { coOwners: 1, environmentStrategy: 'dedicated-dev-test-prod', alm: 'pipelines', businessImpact: 'high' },
};

/** What the tier table asks of a tier (the card says it beside what is missing). */
export function tierNeeds(tier: HigherTier): TierNeeds {
  return NEEDS[tier];
}

/** The tiers above `tier`, lowest first: what a maker may ask for. */
export function higherTiers(tier: Tier): HigherTier[] {
  return TIERS.slice(TIERS.indexOf(tier) + 1).filter(isHigherTier);
}

/** How many co-owners the solution would have: the answered list when there is one, else the catalog's. */
export function coOwnerCount(answers: Pick<GraduationAnswers, 'coOwners'>, catalogCoOwners: number): number {
  if (answers.coOwners.trim() === '') return catalogCoOwners;
  const parsed = parsePeople(answers.coOwners);
  return parsed.ok ? parsed.people.length : 0;
}

/** The rows of the tier table the answers do not meet yet for `target` (empty: nothing missing). */
export function missingForTier(target: HigherTier, answers: GraduationAnswers, catalogCoOwners: number): GraduationRequirement[] {
  const needs = NEEDS[target];
  const below = <T extends string>(order: readonly T[], given: T | undefined, needed: T) =>
    given === undefined || order.indexOf(given) < order.indexOf(needed);
  const missing: Record<GraduationRequirement, boolean> = {
    'co-owners': coOwnerCount(answers, catalogCoOwners) < needs.coOwners,
    'environment-strategy': below(ENVIRONMENT_STRATEGIES, answers.environmentStrategy, needs.environmentStrategy),
    alm: below(ALM_PRACTICES, answers.alm, needs.alm),
    'data-sources': answers.dataSources.trim() === '',
    workarounds: answers.workarounds.trim() === '',
    'business-impact': below(BUSINESS_IMPACTS, answers.businessImpact, needs.businessImpact),
  };
  return GRADUATION_REQUIREMENTS.filter((r) => missing[r]);
}
