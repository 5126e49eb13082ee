/** The knowledge base (issue 16), wired over the tables: articles, their search, the answers the questionnaire offers. */
import type { Clock } from './domain/ports/clock';
import { ArticleIndexCache } from './services/knowledge/article-index-cache';
import { IntakeAnswersService } from './services/knowledge/intake-answers-service';
import type { ProfileMemory } from './services/people/profile-memory';
import { TableArticleStore } from './storage/knowledge/table-article-store';
import type { TableService } from './storage/table-service';

export interface KnowledgeFeature {
  readonly articles: TableArticleStore;
  readonly answers: IntakeAnswersService;
}

export function createKnowledgeFeature(tables: TableService, clock: Clock, profiles: ProfileMemory): KnowledgeFeature {
  const articles = new TableArticleStore(tables.client('knowledge'));
  const index = new ArticleIndexCache(articles);
  const languageOf = async (aadObjectId: string) => (await profiles.profileOf(aadObjectId))?.locale ?? 'en';
  return { articles, answers: new IntakeAnswersService({ articles, index, languageOf, clock }) };
}
