/**
 * "Publish as article" on a resolved ticket's help desk card, and "Add to help desk knowledge" on its
 * hand-off card (issue 16: the dedicated team's feedback loop back to the help desk). Either saves a
 * draft article from the ticket as stored and the title and answer edited on the card; the knowledge
 * owners publish it from their review list. Who may act comes from the rosters and the stored ticket,
 * never from card data. The draft's id comes from the ticket and the team, so a redelivered activity or
 * a double click finds the draft already there. From the dedicated team, the help desk's channel is
 * told through the outbox, once per ticket (its own record, since the article is in another table).
 */
import {
  articleFromTicket,
  articleIdFor,
  articleLanguageOf,
  mayPublishFrom,
  type ArticleOrigin,
  type TicketArticleInput,
} from '../../domain/knowledge/article-from-ticket';
import type { Article } from '../../domain/knowledge/article';
import type { PersonRef } from '../../domain/history';
import type { OutboxMessage } from '../../domain/outbox-message';
import type { ChannelRegistry } from '../../domain/ports/channels';
import type { Clock } from '../../domain/ports/clock';
import type { HelpDeskQueueRegistry } from '../../domain/ports/help-desk-queues';
import type { ArticleRepository } from '../../domain/ports/knowledge';
import type { KnowledgeNotices } from '../../domain/ports/knowledge-review';
import { ConcurrencyConflictError } from '../../domain/ports/storage-errors';
import type { TeamRoster } from '../../domain/ports/team-roster';
import type { TicketRepository } from '../../domain/ports/tickets';
import { belongsTo } from '../../domain/queues/actor-standing';
import { DEDICATED_TEAM_QUEUE } from '../../domain/queues/queue';
import { text, type Text } from '../../domain/text';
import type { Ticket } from '../../domain/tickets/ticket';
import { helpDeskQueueOf } from '../../domain/tickets/ticket-queue';
import { cardAnswer, messageAnswer, type Answer } from '../../presentation/answer';
import { handOffCard } from '../../presentation/handoff-cards';
import { articleProblemText, knowledgeAddedCard } from '../../presentation/knowledge-review-cards';
import { ticketCard } from '../../presentation/ticket-cards';
import { queueStanding, type EscalationRoles } from '../tickets/queue-standing';

export interface ArticleFromTicketDeps {
  readonly tickets: TicketRepository;
  readonly channels: ChannelRegistry & Partial<HelpDeskQueueRegistry>;
  readonly articles: ArticleRepository;
  readonly notices: KnowledgeNotices;
  readonly escalationRoles: EscalationRoles;
  readonly clock: Clock;
}

export class ArticleFromTicketService {
  constructor(private readonly deps: ArticleFromTicketDeps) {}

  async publish(actor: PersonRef, ticketId: string, input: TicketArticleInput, roster: TeamRoster, from: ArticleOrigin): Promise<Answer> {
    const who = await queueStanding(actor, roster, this.deps.channels, this.deps.escalationRoles);
    if (!who.ok) return messageAnswer(who.refusal);
    const stored = await this.deps.tickets.get(ticketId);
    if (!stored) return messageAnswer(text('messages.tickets.notFound'));
    const ticket = stored.ticket;
    const member =
      from === 'help-desk'
        ? belongsTo(who.standing, helpDeskQueueOf(ticket))
        : belongsTo(who.standing, DEDICATED_TEAM_QUEUE) && (ticket.handOffs?.length ?? 0) > 0;
    if (!member) return messageAnswer(text('kb-review.refused.notMember'));
    const view = (notice: Text): Answer =>
      cardAnswer(from === 'help-desk' ? ticketCard(ticket, { notice }) : handOffCard(ticket, { notice }));
    if (!mayPublishFrom(ticket)) return view(text('kb-review.refused.notResolved'));

    const existing = await this.deps.articles.get(articleIdFor(ticket, from));
    if (existing) return this.saved(existing.article, ticket, from, actor, view, true);
    const language = articleLanguageOf(await this.queueLocale(ticket, from));
    const now = this.deps.clock.now();
    const made = articleFromTicket(ticket, input, from, language, actor, now);
    if (!made.ok) return view(articleProblemText(made.problems));
    try {
      await this.deps.articles.create(made.article, [{ type: 'created', at: now.toISOString(), by: actor }]);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      // The same press twice at once: the other one saved it.
      const other = await this.deps.articles.get(made.article.id);
      if (!other) throw error;
      return this.saved(other.article, ticket, from, actor, view, true);
    }
    return this.saved(made.article, ticket, from, actor, view, false);
  }

  /** The answer once the draft exists; from the dedicated team, the help desk's notice is written if it is not yet. */
  private async saved(
    article: Article,
    ticket: Ticket,
    from: ArticleOrigin,
    actor: PersonRef,
    view: (notice: Text) => Answer,
    already: boolean,
  ): Promise<Answer> {
    if (from === 'dedicated-team') await this.deps.notices.record(ticket.id, this.notice(article, ticket, actor));
    if (already) return view(text('kb-review.publish.already', { title: article.title }));
    return view(text(from === 'help-desk' ? 'kb-review.publish.done' : 'kb-review.publish.doneTeam', { title: article.title }));
  }

  private notice(article: Article, ticket: Ticket, actor: PersonRef): OutboxMessage {
    return {
      id: `${ticket.id}.kb-added`,
      requestId: ticket.id,
      purpose: 'help-desk-ticket',
      target: { kind: 'channel', channel: helpDeskQueueOf(ticket) },
      card: knowledgeAddedCard(article, ticket, actor.displayName),
      createdAt: this.deps.clock.now().toISOString(),
    };
  }

  /** The language of the channel the action came from (set when it was registered). */
  private async queueLocale(ticket: Ticket, from: ArticleOrigin): Promise<string | undefined> {
    if (from === 'dedicated-team') return (await this.deps.channels.getChannel(DEDICATED_TEAM_QUEUE))?.settings?.locale;
    const queue = helpDeskQueueOf(ticket);
    const channel = (await this.deps.channels.getChannel(queue)) ?? (await this.deps.channels.getChannel('help-desk'));
    return channel?.settings?.locale;
  }
}
