/**
 * The knowledge owners' review list (issue 16): `knowledge review` shows drafts to publish, articles
 * past their review date or marked unhelpful, and the searches that found nothing; Publish and Retire
 * move a draft with the article's ETag and a history event. Who may review comes from the
 * configuration (KNOWLEDGE_OWNER_IDS and ADMIN_IDS), never from card data.
 */
import { moveStatus } from '../../domain/knowledge/article-status';
import { reviewListOf } from '../../domain/knowledge/review-list';
import type { PersonRef } from '../../domain/history';
import type { Clock } from '../../domain/ports/clock';
import type { ArticleRepository } from '../../domain/ports/knowledge';
import type { MissedSearchLog } from '../../domain/ports/knowledge-review';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import { text, type Text } from '../../domain/text';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { reviewListCard, type DraftOrigin } from '../../presentation/knowledge-review-cards';

/** Missed searches read for the list (and its count); the log keeps one row per question. */
const MISSED_READ = 2000;

export interface KnowledgeReviewDeps {
  readonly articles: ArticleRepository;
  readonly missed: MissedSearchLog;
  /** Lowercase Entra object ids: the knowledge owners and the admins. */
  readonly reviewerIds: ReadonlySet<string>;
  readonly clock: Clock;
}

export class KnowledgeReviewService {
  constructor(private readonly deps: KnowledgeReviewDeps) {}

  canReview(aadObjectId: string): boolean {
    return this.deps.reviewerIds.has(aadObjectId.toLowerCase());
  }

  async list(actor: PersonRef, notice?: Text): Promise<Answer> {
    if (!this.canReview(actor.aadObjectId)) return messageAnswer(text('kb-review.refused.notOwner'));
    const [summaries, missed] = await Promise.all([this.deps.articles.listSummaries(), this.deps.missed.recent(MISSED_READ)]);
    const list = reviewListOf(summaries, missed, this.deps.clock.now().toISOString().slice(0, 10));
    // Where each shown draft came from is on the article itself (a few point reads).
    const drafts = await Promise.all(list.drafts.map((d) => this.deps.articles.get(d.id)));
    const origins = new Map<string, DraftOrigin>();
    for (const stored of drafts) if (stored) origins.set(stored.article.id, stored.article);
    return cardAnswer(reviewListCard(list, origins, notice));
  }

  /** Publish or Retire a draft from the list; the answer is the list as it is now, with what happened. */
  async decide(actor: PersonRef, articleId: string, to: 'published' | 'retired'): Promise<Answer> {
    if (!this.canReview(actor.aadObjectId)) return messageAnswer(text('kb-review.refused.notOwner'));
    const stored = await this.deps.articles.get(articleId);
    if (!stored) return this.list(actor, text('kb-review.review.gone'));
    const { article } = stored;
    // A redelivered or double-clicked Publish finds it published already: the list says so, nothing more is written.
    if (article.status !== 'draft') return this.list(actor, text('kb-review.review.notDraft', { title: article.title }));
    const move = moveStatus(article, to, actor, this.deps.clock.now());
    if (!move.ok) return this.list(actor, text('kb-review.review.notDraft', { title: article.title }));
    try {
      await this.deps.articles.update(stored, move.article, [move.event]);
    } catch (error) {
      if (error instanceof ConcurrencyConflictError) return this.list(actor, text('kb-review.review.changed'));
      throw error;
    }
    const done = to === 'published' ? 'kb-review.review.published' : 'kb-review.review.retired';
    return this.list(actor, text(done, { title: article.title }));
  }
}
