/**
 * The knowledge base's side of "answers before a ticket": which published articles (and which of the
 * solution's known workarounds) to offer a draft, in the requester's language first, and counting an
 * article as helpful when it solved someone's question.
 */
import type { IntakeDraft } from '../../domain/intake/intake-draft';
import { OFFERED_ARTICLES, WORKAROUNDS, type AnswersOffer, type OfferedArticle } from '../../domain/knowledge/intake-answers';
import { countFeedback } from '../../domain/knowledge/article-status';
import { excerpt, toBlocks } from '../../domain/knowledge/safe-markdown';
import type { Clock } from '../../domain/ports/clock';
import type { ArticleRepository } from '../../domain/ports/knowledge';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { Solution } from '../../domain/solution';
import type { ArticleIndexCache } from './article-index-cache';
import type { IntakeAnswers } from './intake-answers-port';

/** The question searched: the title and the start of the description (bounded, so a search stays cheap). */
const QUERY_CHARS = 300;
/** Characters of each article's answer shown on the card (the whole answer is a few screens). */
export const EXCERPT_CHARS = 700;
/** Below this score a match is a word in common, not an answer. */
const MIN_SCORE = 0.25;
/** Attempts at counting a vote against concurrent votes (each re-reads first). */
const VOTE_ATTEMPTS = 5;

export interface IntakeAnswersDeps {
  readonly articles: ArticleRepository;
  readonly index: ArticleIndexCache;
  /** The requester's language ("fr"), as their Teams client last told it. */
  readonly languageOf: (aadObjectId: string) => Promise<string>;
  readonly clock: Clock;
  /** Searches that found nothing, for the knowledge owners' review list; none: not kept. */
  readonly onNothingFound?: (query: string, language: string) => Promise<void>;
}

export class IntakeAnswersService implements IntakeAnswers {
  constructor(private readonly deps: IntakeAnswersDeps) {}

  async offer(draft: IntakeDraft, solution: Solution | undefined): Promise<AnswersOffer | undefined> {
    if (!draft.details) return undefined;
    const language = await this.deps.languageOf(draft.requester.aadObjectId);
    const query = `${draft.details.title} ${draft.details.description}`.slice(0, QUERY_CHARS);
    const search = await this.deps.index.current();
    const hits = search
      .search({
        text: query,
        language,
        limit: OFFERED_ARTICLES,
        ...(solution ? { solutionId: solution.id } : {}),
        ...(draft.category ? { category: draft.category } : {}),
      })
      .filter((hit) => hit.score >= MIN_SCORE);
    const articles = (await Promise.all(hits.map((hit) => this.offered(hit.article.id)))).filter(
      (a): a is OfferedArticle => a !== undefined,
    );
    const workarounds =
      solution && solution.status !== 'retired' && solution.workarounds
        ? { solutionName: solution.name, text: solution.workarounds }
        : undefined;
    if (articles.length === 0 && this.deps.onNothingFound)
      await this.deps.onNothingFound(draft.details.title, language).catch(() => undefined);
    if (articles.length === 0 && !workarounds) return undefined;
    return { articles, ...(workarounds ? { workarounds } : {}) };
  }

  async helped(draft: IntakeDraft, articleId: string): Promise<void> {
    if (articleId === WORKAROUNDS) return; // recorded on the draft; workarounds are the catalog's, not an article
    for (let attempt = 0; attempt < VOTE_ATTEMPTS; attempt++) {
      const stored = await this.deps.articles.get(articleId);
      if (!stored) return;
      const { article, event } = countFeedback(stored.article, true, draft.id, this.deps.clock.now());
      try {
        await this.deps.articles.update(stored, article, [event]);
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError)) throw error;
      }
    }
  }

  /** The article as offered, read again: only if it is still published. */
  private async offered(id: string): Promise<OfferedArticle | undefined> {
    const stored = await this.deps.articles.get(id);
    if (!stored || stored.article.status !== 'published') return undefined;
    const { title, language, answer } = stored.article;
    return { id, title, language, blocks: excerpt(toBlocks(answer), EXCERPT_CHARS) };
  }
}
