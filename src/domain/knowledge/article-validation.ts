/**
 * Checks an article's content from outside (a kb import file, a card): sizes first, before any
 * pattern, then the values. Problems are codes with a field (and a line of the answer when it has
 * one); the CLI and the cards turn them into words.
 */
import { isRequestCategory, type RequestCategory } from '../request-category';
import { ARTICLE_LANGUAGES, type ArticleContent, type ArticleLanguage } from './article';
import { markdownProblems, type MarkdownProblem } from './safe-markdown';

export const ARTICLE_LIMITS = {
  id: 80,
  title: 150,
  /** Characters (UTF-16 code units) of the answer: a few screens, well inside one stored entity. */
  answer: 6000,
  keywords: 20,
  keyword: 40,
  solutionIds: 20,
  solutionId: 200,
  categories: 7,
} as const;

export type ArticleField = 'id' | 'title' | 'answer' | 'language' | 'solutions' | 'categories' | 'keywords' | 'reviewBy';

export type ArticleProblem =
  | { readonly field: ArticleField; readonly problem: 'missing' | 'too-long' | 'too-many' | 'invalid'; readonly limit?: number }
  | { readonly field: 'answer'; readonly problem: MarkdownProblem; readonly line: number };

export type ArticleInput = Readonly<Record<ArticleField, unknown>>;

export type CheckedArticle =
  { readonly ok: true; readonly value: ArticleContent } | { readonly ok: false; readonly problems: ArticleProblem[] };

const ID = /^[a-z0-9][a-z0-9-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function line(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string')
    return value
      .split(/[,;]/)
      .map((v) => v.trim())
      .filter((v) => v !== '');
  return [];
}

export function checkArticle(input: ArticleInput): CheckedArticle {
  const problems: ArticleProblem[] = [];
  const id = line(input.id);
  if (id === '') problems.push({ field: 'id', problem: 'missing' });
  else if (id.length > ARTICLE_LIMITS.id) problems.push({ field: 'id', problem: 'too-long', limit: ARTICLE_LIMITS.id });
  else if (!ID.test(id)) problems.push({ field: 'id', problem: 'invalid' });

  const title = line(input.title);
  if (title === '') problems.push({ field: 'title', problem: 'missing' });
  else if (title.length > ARTICLE_LIMITS.title) problems.push({ field: 'title', problem: 'too-long', limit: ARTICLE_LIMITS.title });

  const answer = typeof input.answer === 'string' ? input.answer.replace(/\r\n?/g, '\n').trim() : '';
  if (answer === '') problems.push({ field: 'answer', problem: 'missing' });
  else if (answer.length > ARTICLE_LIMITS.answer) problems.push({ field: 'answer', problem: 'too-long', limit: ARTICLE_LIMITS.answer });
  else problems.push(...markdownProblems(answer).map(({ line: at, problem }) => ({ field: 'answer' as const, problem, line: at })));

  const language = line(input.language) || 'en';
  if (!(ARTICLE_LANGUAGES as readonly string[]).includes(language)) problems.push({ field: 'language', problem: 'invalid' });

  const solutionIds = boundedList(input.solutions, 'solutions', ARTICLE_LIMITS.solutionIds, ARTICLE_LIMITS.solutionId, problems);
  const keywords = boundedList(input.keywords, 'keywords', ARTICLE_LIMITS.keywords, ARTICLE_LIMITS.keyword, problems);
  const categories = boundedList(input.categories, 'categories', ARTICLE_LIMITS.categories, 40, problems);
  if (!categories.every(isRequestCategory)) problems.push({ field: 'categories', problem: 'invalid' });

  const reviewBy = line(input.reviewBy);
  if (reviewBy !== '' && (!DATE.test(reviewBy) || Number.isNaN(Date.parse(reviewBy))))
    problems.push({ field: 'reviewBy', problem: 'invalid' });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      id,
      title,
      answer,
      language: language as ArticleLanguage,
      solutionIds,
      categories: categories as RequestCategory[],
      keywords,
      ...(reviewBy ? { reviewBy } : {}),
    },
  };
}

function boundedList(value: unknown, field: ArticleField, maxItems: number, maxLength: number, problems: ArticleProblem[]): string[] {
  const items = list(value);
  if (items.length > maxItems) {
    problems.push({ field, problem: 'too-many', limit: maxItems });
    return [];
  }
  const out = items.map((item) => (typeof item === 'string' || typeof item === 'number' ? line(String(item)) : ''));
  if (out.some((item) => item === '')) problems.push({ field, problem: 'invalid' });
  else if (out.some((item) => item.length > maxLength)) problems.push({ field, problem: 'too-long', limit: maxLength });
  return [...new Set(out)];
}
