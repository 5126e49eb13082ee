/**
 * The moves of an article's status: draft → published → retired. A published article can go back to
 * draft for a rewrite; a retired one can be drafted again; a draft the knowledge owners turn down is
 * retired (kept, with its history, rather than deleted). Nothing else.
 */
import type { PersonRef } from '../history';
import type { Article, ArticleStatus } from './article';
import type { ArticleEvent } from './article-history';

const MOVES: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  draft: ['published', 'retired'],
  published: ['retired', 'draft'],
  retired: ['draft'],
};

export function canMove(from: ArticleStatus, to: ArticleStatus): boolean {
  return MOVES[from].includes(to);
}

export type StatusMove = { readonly ok: true; readonly article: Article; readonly event: ArticleEvent } | { readonly ok: false };

export function moveStatus(article: Article, to: ArticleStatus, by: PersonRef, now: Date): StatusMove {
  if (!canMove(article.status, to)) return { ok: false };
  const at = now.toISOString();
  const next: Article = {
    ...article,
    status: to,
    version: article.version + 1,
    updatedAt: at,
    ...(to === 'published' ? { publishedAt: at } : {}),
  };
  return { ok: true, article: next, event: { type: 'status', at, by, from: article.status, to } };
}

/** A requester's verdict on an article: one more helpful or not helpful. */
export function countFeedback(article: Article, helpful: boolean, intakeId: string, now: Date): { article: Article; event: ArticleEvent } {
  const at = now.toISOString();
  const next: Article = {
    ...article,
    // A vote is not an edit: updatedAt (what the review list reads) stays.
    version: article.version + 1,
    ...(helpful ? { helpful: article.helpful + 1 } : { notHelpful: article.notHelpful + 1 }),
  };
  return { article: next, event: { type: 'feedback', at, helpful, intakeId } };
}
