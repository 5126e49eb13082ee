/** What a questionnaire shows at each step: read from the draft, the catalog and (once submitted) the request. */
import type { IntakeDraft } from '../../domain/intake/intake-draft';
import { queryOf } from '../../domain/intake/opening-text';
import { routeOfDraft } from '../../domain/intake/request-from-draft';
import type { IntakeView } from '../../domain/intake/intake-view';
import type { SolutionMatch } from '../../domain/ports/catalog';
import { explainRoute } from '../../domain/route-explanation';
import type { Solution } from '../../domain/solution';
import type { IntakeServiceDeps } from './intake-deps';
import { answersView } from '../knowledge/intake-answer-steps';

/** How many catalog matches a search shows (the questionnaire and the message action alike). */
export const SEARCH_RESULTS = 8;

export class IntakeViews {
  constructor(private readonly deps: Pick<IntakeServiceDeps, 'requests' | 'catalog' | 'people' | 'answers'>) {}

  async viewOf(draft: IntakeDraft): Promise<IntakeView> {
    if (draft.state === 'cancelled') return { kind: 'cancelled' };
    if (draft.state === 'submitted') return this.submittedView(draft);
    if (draft.state === 'answered') return { kind: 'answered', draft };
    switch (draft.step) {
      case 'need':
        return { kind: 'need', draft };
      case 'solution':
        return { kind: 'solution', draft, matches: await this.matchesOf(draft) };
      case 'details':
        return { kind: 'details', draft, solution: await this.solutionOf(draft) };
      case 'review': {
        const answers = await answersView(this.deps, draft, () => this.solutionOf(draft));
        if (answers) return answers;
        const solution = await this.routableSolutionOf(draft);
        const route = routeOfDraft(draft, solution);
        return { kind: 'review', draft, solution, route, explanation: explainRoute(route) };
      }
    }
  }

  async submittedView(draft: IntakeDraft): Promise<IntakeView> {
    const stored = draft.requestId ? await this.deps.requests.get(draft.requestId) : undefined;
    if (stored === undefined) return { kind: 'not-found' };
    return { kind: 'submitted', request: stored.request };
  }

  /** The catalog's matches for the draft's search, if it has one. */
  async matchesOf(draft: IntakeDraft): Promise<SolutionMatch[]> {
    // Their own search, or the words of the message that started it (opening-text.ts).
    const query = queryOf(draft);
    return query ? this.deps.catalog.search(query, SEARCH_RESULTS) : [];
  }

  async solutionOf(draft: IntakeDraft): Promise<Solution | undefined> {
    return draft.solutionId ? this.deps.catalog.get(draft.solutionId) : undefined;
  }

  /** The solution with its people looked up if needed; a directory that fails leaves them unreachable. */
  async routableSolutionOf(draft: IntakeDraft): Promise<Solution | undefined> {
    const solution = await this.solutionOf(draft);
    if (!solution || !this.deps.people) return solution;
    try {
      return await this.deps.people.withKnownPeople(solution);
    } catch {
      // Saving what was learnt failed (storage): route with what the catalog had.
      return solution;
    }
  }
}
