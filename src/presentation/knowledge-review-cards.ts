/**
 * The knowledge owners' review list (`kb-review`), the help desk's notice of an article the dedicated
 * team added (`kb-added`), and the "Publish as article" form's words on the ticket cards. Words are
 * `Text` from locales/<lng>/kb-review.json; titles and questions people typed are data.
 */
import type { Article, ArticleSummary } from '../domain/knowledge/article';
import type { ArticleProblem } from '../domain/knowledge/article-validation';
import type { ReviewList } from '../domain/knowledge/review-list';
import type { MessageKey } from '../domain/message-keys';
import { instant, text, type Text } from '../domain/text';
import type { Ticket } from '../domain/tickets/ticket';
import type { CardRef } from './cards';

const LANGUAGE: Readonly<Record<string, MessageKey>> = {
  en: 'knowledge.languages.en',
  fr: 'knowledge.languages.fr',
  sv: 'knowledge.languages.sv',
  ko: 'knowledge.languages.ko',
};

const languageOf = (code: string): Text | string => (LANGUAGE[code] ? text(LANGUAGE[code]!) : code);

/** The ShowCard "Publish as article" (help desk card) or "Add to help desk knowledge" (hand-off card). */
export function publishArticleFields(canPublish: boolean, from: 'help-desk' | 'dedicated-team') {
  return {
    canPublishArticle: canPublish,
    publishArticle: text(from === 'help-desk' ? 'kb-review.publish.button' : 'kb-review.publish.addButton'),
    publishArticleIntro: text('kb-review.publish.intro'),
    articleTitleLabel: text('kb-review.publish.titleLabel'),
    articleAnswerLabel: text('kb-review.publish.answerLabel'),
    articleSend: text('kb-review.publish.send'),
  };
}

/** Why a draft could not be saved, the first problem in words. */
export function articleProblemText(problems: readonly ArticleProblem[]): Text {
  const first = problems[0];
  const why =
    first === undefined
      ? text('kb-review.problems.other')
      : 'line' in first
        ? text('kb-review.problems.formatting', { line: first.line })
        : first.problem === 'too-long' && first.field === 'title'
          ? text('kb-review.problems.titleTooLong', { limit: first.limit ?? 0 })
          : first.problem === 'too-long' && first.field === 'answer'
            ? text('kb-review.problems.answerTooLong', { limit: first.limit ?? 0 })
            : text('kb-review.problems.other');
  return text('kb-review.publish.problem', { why });
}

/** Where a draft came from, for the review list (read from the article, when it has a source). */
export type DraftOrigin = Pick<Article, 'id' | 'source'>;

function draftLine(a: ArticleSummary, origins: ReadonlyMap<string, DraftOrigin>): Text {
  const source = origins.get(a.id)?.source;
  const base = text('kb-review.review.draftLine', { language: languageOf(a.language), at: instant(a.updatedAt, 'date') });
  if (source?.kind !== 'ticket') return base;
  const key = source.from === 'dedicated-team' ? 'kb-review.review.fromTeam' : 'kb-review.review.fromHelpDesk';
  return text('kb-review.review.withOrigin', { line: base, origin: text(key, { number: source.ticketNumber }) });
}

export function reviewListCard(list: ReviewList, origins: ReadonlyMap<string, DraftOrigin>, notice?: Text): CardRef {
  const { totals } = list;
  return {
    card: 'kb-review',
    data: {
      notice: notice ?? '',
      heading: text('kb-review.review.heading'),
      none: text('kb-review.review.none'),
      draftsHeading: text('kb-review.review.drafts', { count: totals.drafts }),
      overdueHeading: text('kb-review.review.overdue', { count: totals.overdue }),
      unhelpfulHeading: text('kb-review.review.unhelpful', { count: totals.unhelpful }),
      missedHeading: text('kb-review.review.missed', { count: totals.missed }),
      drafts: list.drafts.map((a) => ({
        articleId: a.id,
        title: a.title,
        line: draftLine(a, origins),
        publish: text('kb-review.review.publish'),
        retire: text('kb-review.review.retire'),
      })),
      overdue: list.overdue.map((a) => ({ title: a.title, line: text('kb-review.review.overdueLine', { date: a.reviewBy ?? '' }) })),
      unhelpful: list.unhelpful.map((a) => ({
        title: a.title,
        line: text('kb-review.review.votesLine', { helpful: a.helpful, notHelpful: a.notHelpful }),
      })),
      missed: list.missed.map((m) => ({
        query: m.query,
        line: text('kb-review.review.missedLine', { count: m.count, at: instant(m.lastAt), language: languageOf(m.language) }),
      })),
    },
  };
}

/** The help desk's notice: the dedicated team added what solved a ticket to the knowledge base (a draft). */
export function knowledgeAddedCard(article: Article, ticket: Ticket, by: string): CardRef {
  return {
    card: 'kb-added',
    data: {
      heading: text('kb-review.notice.heading'),
      message: text('kb-review.notice.body', { name: by, number: ticket.number }),
      title: article.title,
    },
  };
}
