/**
 * "Publish as article" on a resolved ticket (issue 16): a draft article made from the ticket's title
 * and resolution as the help desk or the dedicated team edited them on the card, with the ticket's
 * solution and request category from storage (never from the card) and the queue's language. The
 * id is derived from the ticket and the team, so a redelivered or double-clicked action finds the
 * same draft instead of making a second one.
 */
import type { PersonRef } from '../history';
import type { Ticket } from '../tickets/ticket';
import { ARTICLE_LANGUAGES, newArticle, type Article, type ArticleLanguage } from './article';
import { checkArticle, type ArticleProblem } from './article-validation';

export type ArticleOrigin = 'help-desk' | 'dedicated-team';

/** The ticket has a resolution to share: resolved, or closed after it. */
export function mayPublishFrom(ticket: Ticket): boolean {
  return (ticket.status === 'resolved' || ticket.status === 'closed') && (ticket.resolution ?? '').trim() !== '';
}

/** "hd-000042" from the help desk, "hd-000042-team" from the dedicated team: one draft per ticket and team. */
export function articleIdFor(ticket: Ticket, from: ArticleOrigin): string {
  const base = `ticket-${ticket.number.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return from === 'dedicated-team' ? `${base}-team` : base;
}

/** The queue's channel language when it is one an article can be written in, else English. */
export function articleLanguageOf(locale: string | undefined): ArticleLanguage {
  const language = (locale ?? '').slice(0, 2).toLowerCase();
  return (ARTICLE_LANGUAGES as readonly string[]).includes(language) ? (language as ArticleLanguage) : 'en';
}

export interface TicketArticleInput {
  readonly title: unknown;
  readonly answer: unknown;
}

export type TicketArticle = { readonly ok: true; readonly article: Article } | { readonly ok: false; readonly problems: ArticleProblem[] };

export function articleFromTicket(
  ticket: Ticket,
  input: TicketArticleInput,
  from: ArticleOrigin,
  language: ArticleLanguage,
  author: PersonRef,
  now: Date,
): TicketArticle {
  const checked = checkArticle({
    id: articleIdFor(ticket, from),
    // An empty field on the form falls back to what the ticket says.
    title: typeof input.title === 'string' && input.title.trim() !== '' ? input.title : ticket.title,
    answer: typeof input.answer === 'string' && input.answer.trim() !== '' ? input.answer : (ticket.resolution ?? ''),
    language,
    solutions: ticket.solution ? [ticket.solution.id] : [],
    categories: [ticket.category],
    keywords: [],
    reviewBy: '',
  });
  if (!checked.ok) return checked;
  const source = { kind: 'ticket' as const, ticketId: ticket.id, ticketNumber: ticket.number, from };
  // No owner: the knowledge owners keep it (Article.owner).
  return { ok: true, article: newArticle({ ...checked.value, source }, author, now) };
}
