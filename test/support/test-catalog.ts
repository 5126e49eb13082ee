import type { SolutionLookup, SolutionMatch } from '../../src/domain/ports/catalog';
import type { Solution } from '../../src/domain/solution';

/** A catalog over a fixed list for protocol tests of the intake (the real catalog has its own tests). */
export function fixedCatalog(solutions: readonly Solution[]): SolutionLookup {
  return {
    get: async (id) => solutions.find((s) => s.id === id),
    search: async (query, limit = 8): Promise<SolutionMatch[]> => {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      return solutions
        .filter((s) => words.every((w) => s.name.toLowerCase().includes(w)))
        .slice(0, limit)
        .map((solution) => ({ solution, score: 1 }));
    },
  };
}
