/**
 * The catalog's data sources and known workarounds as a request keeps them for the dedicated team's
 * hand-off card. Bounded on purpose: the snapshot is copied into the ticket row and into every outbox
 * row that carries the card, so a solution at its catalog limits (50 data sources, 4,000 characters of
 * workarounds) must not multiply into them. The card says how much more the catalog has.
 */
import type { Solution } from '../solution';
import { capText } from '../cap-text';

export const SOLUTION_FACT_LIMITS = { dataSources: 3, dataSourceChars: 100, workaroundChars: 500 } as const;

export interface SolutionFacts {
  /** The first data sources, each at most `dataSourceChars` long. */
  readonly dataSources: readonly string[];
  /** How many more the catalog lists. */
  readonly moreDataSources: number;
  /** The start of the workarounds ('' when none). */
  readonly workarounds: string;
  /** How many characters of the workarounds were left out. */
  readonly moreWorkaroundChars: number;
}

export function solutionFactsOf(solution: Pick<Solution, 'dataSources' | 'workarounds'>): SolutionFacts {
  const { dataSources: most, dataSourceChars, workaroundChars } = SOLUTION_FACT_LIMITS;
  const all = solution.dataSources ?? [];
  const workarounds = solution.workarounds ?? '';
  const kept = capText(workarounds, workaroundChars);
  return {
    dataSources: all.slice(0, most).map((name) => shortened(name, dataSourceChars)),
    moreDataSources: Math.max(0, all.length - most),
    workarounds: kept,
    moreWorkaroundChars: workarounds.length - kept.length,
  };
}

function shortened(words: string, max: number): string {
  return words.length > max ? `${capText(words, max - 1).trimEnd()}…` : words;
}
