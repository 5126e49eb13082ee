/**
 * One article as a row of the knowledge base's CSV (`npm run kb -- import FILE.csv`, `export
 * --format csv`): the columns below, lists `;`-separated, the owner as `Name [entra-object-id]` (or
 * `Name <email> [entra-object-id]`), the answer in the safe Markdown subset with its line breaks
 * inside the quoted cell. Pure: a row's cells checked (article-validation.ts) with each problem
 * naming its column; the CSV syntax itself is read and written by services/knowledge/article-csv.ts.
 */
import { parsePeople } from '../catalog/list-formats';
import type { PersonRef } from '../history';
import { ARTICLE_STATUSES, type Article, type ArticleContent, type ArticleStatus } from './article';
import { checkArticle, type ArticleField, type ArticleProblem } from './article-validation';

export const ARTICLE_CSV_COLUMNS = [
  'id',
  'title',
  'answer',
  'language',
  'solutions',
  'categories',
  'keywords',
  'owner',
  'status',
  'reviewBy',
] as const;
export type ArticleCsvColumn = (typeof ARTICLE_CSV_COLUMNS)[number];

/** A header cell names a column whatever its case, and `review-by` is `reviewBy`. */
export function columnNamed(header: string): ArticleCsvColumn | undefined {
  const folded = header.trim().toLowerCase().replace(/[-_ ]/g, '');
  return ARTICLE_CSV_COLUMNS.find((c) => c.toLowerCase() === folded);
}

/** The columns a file must have; the others may be left out. */
export const REQUIRED_CSV_COLUMNS: readonly ArticleCsvColumn[] = ['id', 'title', 'answer'];

/** The longest owner cell read (a name and an object id). */
const MAX_OWNER = 400;

/** What is wrong with a cell, as codes (the CLI words them: src/cli/kb-messages.ts). */
export type CsvCellProblem = { readonly column: ArticleCsvColumn } & (
  | { readonly code: 'field'; readonly problem: 'missing' | 'too-long' | 'too-many' | 'invalid'; readonly limit?: number }
  | { readonly code: 'markdown'; readonly construct: string; readonly answerLine: number }
  | { readonly code: 'bad-status' }
  | { readonly code: 'owner' }
);

export type CsvRowRead =
  | { readonly ok: true; readonly content: ArticleContent; readonly status: ArticleStatus }
  | { readonly ok: false; readonly problems: CsvCellProblem[] };

const FIELD_COLUMN: Readonly<Record<ArticleField, ArticleCsvColumn>> = {
  id: 'id',
  title: 'title',
  answer: 'answer',
  language: 'language',
  solutions: 'solutions',
  categories: 'categories',
  keywords: 'keywords',
  reviewBy: 'reviewBy',
};

export function readArticleRow(cells: Readonly<Partial<Record<ArticleCsvColumn, string>>>): CsvRowRead {
  const problems: CsvCellProblem[] = [];
  const status = (cells.status ?? '').trim() || 'draft';
  if (!(ARTICLE_STATUSES as readonly string[]).includes(status)) problems.push({ column: 'status', code: 'bad-status' });
  const owner = readOwner(cells.owner ?? '');
  if (owner === null) problems.push({ column: 'owner', code: 'owner' });
  const checked = checkArticle({
    id: cells.id ?? '',
    title: cells.title ?? '',
    answer: cells.answer ?? '',
    language: cells.language ?? '',
    solutions: cells.solutions ?? '',
    categories: cells.categories ?? '',
    keywords: cells.keywords ?? '',
    reviewBy: cells.reviewBy ?? '',
  });
  if (!checked.ok) problems.push(...checked.problems.map(cellProblem));
  if (problems.length > 0 || !checked.ok) return { ok: false, problems: order(problems) };
  return { ok: true, content: { ...checked.value, ...(owner ? { owner } : {}) }, status: status as ArticleStatus };
}

/** The owner: empty (the knowledge owners), or one person with their Entra object id; null when unreadable. */
function readOwner(cell: string): PersonRef | undefined | null {
  if (cell.length > MAX_OWNER) return null;
  const trimmed = cell.trim();
  if (trimmed === '') return undefined;
  const bracketed = /^([^;<>[\]]*?)\s*\[([0-9a-fA-F-]{36})\]$/.exec(trimmed);
  if (bracketed && bracketed[1]!.trim() !== '') return { displayName: bracketed[1]!.trim(), aadObjectId: bracketed[2]!.toLowerCase() };
  const parsed = parsePeople(trimmed);
  if (!parsed.ok || parsed.people.length !== 1) return null;
  const [person] = parsed.people;
  if (!/^[0-9a-fA-F-]{36}$/.test(person!.aadObjectId)) return null;
  return { displayName: person!.displayName, aadObjectId: person!.aadObjectId.toLowerCase() };
}

function cellProblem(p: ArticleProblem): CsvCellProblem {
  const column = FIELD_COLUMN[p.field];
  if ('line' in p) return { column, code: 'markdown', construct: p.problem, answerLine: p.line };
  return { column, code: 'field', problem: p.problem, ...(p.limit !== undefined ? { limit: p.limit } : {}) };
}

function order(problems: CsvCellProblem[]): CsvCellProblem[] {
  return problems.sort((a, b) => ARTICLE_CSV_COLUMNS.indexOf(a.column) - ARTICLE_CSV_COLUMNS.indexOf(b.column));
}

/** The cells of an article, in column order (lists `; `-separated). */
export function articleRow(article: Article): Record<ArticleCsvColumn, string> {
  return {
    id: article.id,
    title: article.title,
    answer: article.answer,
    language: article.language,
    solutions: article.solutionIds.join('; '),
    categories: article.categories.join('; '),
    keywords: article.keywords.join('; '),
    owner: article.owner ? `${article.owner.displayName} [${article.owner.aadObjectId}]` : '',
    status: article.status,
    reviewBy: article.reviewBy ?? '',
  };
}
