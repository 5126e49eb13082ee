/** The knowledge base (issue 16), wired over the tables: articles, their search, the answers the questionnaire offers, the owners' review. */
import type { AppConfig } from './config/app-config';
import type { Clock } from './domain/ports/clock';
import { ArticleFromTicketService } from './services/knowledge/article-from-ticket-service';
import { ArticleIndexCache } from './services/knowledge/article-index-cache';
import { IntakeAnswersService } from './services/knowledge/intake-answers-service';
import { KnowledgeReviewService } from './services/knowledge/knowledge-review-service';
import type { ProfileMemory } from './services/people/profile-memory';
import { TableConversationStore } from './storage/conversations/table-conversation-store';
import { TableArticleStore } from './storage/knowledge/table-article-store';
import { TableKnowledgeNotices } from './storage/knowledge/table-knowledge-notices';
import { TableMissedSearches } from './storage/knowledge/table-missed-searches';
import type { TableService } from './storage/table-service';
import { TableTicketStore } from './storage/tickets/table-ticket-store';
import type { KnowledgeUseCases } from './teams/use-cases';

export interface KnowledgeFeature {
  readonly articles: TableArticleStore;
  readonly answers: IntakeAnswersService;
  readonly missed: TableMissedSearches;
}

export function createKnowledgeFeature(tables: TableService, clock: Clock, profiles: ProfileMemory): KnowledgeFeature {
  const articles = new TableArticleStore(tables.client('knowledge'));
  const missed = new TableMissedSearches(tables.client('knowledge'));
  const index = new ArticleIndexCache(articles);
  const languageOf = async (aadObjectId: string) => (await profiles.profileOf(aadObjectId))?.locale ?? 'en';
  // A search that found nothing is counted for the knowledge owners' review list.
  const onNothingFound = (query: string, language: string) => missed.record(query, language, clock.now());
  return { articles, missed, answers: new IntakeAnswersService({ articles, index, languageOf, clock, onNothingFound }) };
}

/** "Publish as article" on resolved tickets and the knowledge owners' review (KNOWLEDGE_OWNER_IDS and the admins). */
export function createKnowledgeUseCases(
  tables: TableService,
  config: Pick<AppConfig, 'adminIds' | 'knowledgeOwnerIds' | 'externalCases'>,
  clock: Clock,
  knowledge: KnowledgeFeature,
): KnowledgeUseCases {
  const reviewerIds = new Set([...config.adminIds, ...(config.knowledgeOwnerIds ?? [])]);
  return {
    review: new KnowledgeReviewService({ articles: knowledge.articles, missed: knowledge.missed, reviewerIds, clock }),
    fromTickets: new ArticleFromTicketService({
      tickets: TableTicketStore.on(tables),
      channels: new TableConversationStore(tables.client('conversations')),
      articles: knowledge.articles,
      notices: new TableKnowledgeNotices(tables.client('cases')),
      escalationRoles: config.externalCases,
      clock,
    }),
  };
}
