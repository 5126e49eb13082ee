/**
 * The knowledge owners' review list (issue 16): drafts to publish, published articles past their
 * review-by date, articles more people found unhelpful than helpful, and the most recent searches
 * that found nothing. Pure: the service reads the summaries and the missed searches.
 */
import type { ArticleSummary } from './article';
import type { MissedSearch } from './missed-search';

/** Rows per section: the card stays well under Teams' payload limit. */
export const REVIEW_SECTION_SIZE = 10;

export interface ReviewList {
  readonly drafts: readonly ArticleSummary[];
  readonly overdue: readonly ArticleSummary[];
  readonly unhelpful: readonly ArticleSummary[];
  readonly missed: readonly MissedSearch[];
  /** How many each section has in all (the card shows the first REVIEW_SECTION_SIZE). */
  readonly totals: { readonly drafts: number; readonly overdue: number; readonly unhelpful: number; readonly missed: number };
}

const newestFirst = (a: { updatedAt: string }, b: { updatedAt: string }) => b.updatedAt.localeCompare(a.updatedAt);

/** `today`: yyyy-mm-dd; an article whose review-by date is before it is overdue. */
export function reviewListOf(summaries: readonly ArticleSummary[], missed: readonly MissedSearch[], today: string): ReviewList {
  const drafts = summaries.filter((a) => a.status === 'draft').sort(newestFirst);
  const published = summaries.filter((a) => a.status === 'published');
  const overdue = published
    .filter((a) => a.reviewBy !== undefined && a.reviewBy < today)
    .sort((a, b) => (a.reviewBy ?? '').localeCompare(b.reviewBy ?? ''));
  const unhelpful = published
    .filter((a) => a.notHelpful > a.helpful)
    .sort((a, b) => b.notHelpful - b.helpful - (a.notHelpful - a.helpful) || newestFirst(a, b));
  const recent = [...missed].sort((a, b) => b.lastAt.localeCompare(a.lastAt));
  return {
    drafts: drafts.slice(0, REVIEW_SECTION_SIZE),
    overdue: overdue.slice(0, REVIEW_SECTION_SIZE),
    unhelpful: unhelpful.slice(0, REVIEW_SECTION_SIZE),
    missed: recent.slice(0, REVIEW_SECTION_SIZE),
    totals: { drafts: drafts.length, overdue: overdue.length, unhelpful: unhelpful.length, missed: recent.length },
  };
}
