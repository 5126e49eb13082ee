/**
 * One article as a Markdown file with front matter, the format of `npm run kb -- import|export`:
 *
 *     ---
 *     id: request-access-to-an-app
 *     title: Request access to an app
 *     language: en
 *     status: published
 *     categories: access
 *     solutions: expense-tracker, room-booking
 *     keywords: access, permission, share
 *     review-by: 2027-06-30
 *     ---
 *     The answer, in the safe Markdown subset (safe-markdown.ts).
 *
 * Front matter is `key: value` lines, lists comma-separated: a small subset of YAML that needs no
 * parser. Problems carry the file's line number.
 */
import type { Article, ArticleStatus } from './article';
import { checkArticle, type ArticleInput, type ArticleProblem } from './article-validation';
import type { ArticleContent } from './article';

/** A file larger than this is refused before it is read line by line. */
export const MAX_FILE_CHARS = 20_000;

const KEYS: Readonly<Record<string, keyof ArticleInput | 'status'>> = {
  id: 'id',
  title: 'title',
  language: 'language',
  status: 'status',
  categories: 'categories',
  solutions: 'solutions',
  keywords: 'keywords',
  'review-by': 'reviewBy',
};

/** What is wrong at a line of a file, as codes (the CLI words them: src/cli/kb-messages.ts). */
export type FileProblem = { readonly line: number } & (
  | { readonly code: 'too-large'; readonly limit: number }
  | { readonly code: 'no-front-matter' | 'unclosed-front-matter' | 'unknown-key' | 'bad-status' }
  | { readonly code: 'markdown'; readonly construct: string }
  | { readonly code: 'field'; readonly field: string; readonly problem: string; readonly limit?: number }
  | { readonly code: 'duplicate-id'; readonly id: string; readonly earlier: string }
);

/** The front matter keys, in the order a file lists them. */
export const FRONT_MATTER_KEYS = Object.keys(KEYS);

export type ParsedFile =
  | { readonly ok: true; readonly content: ArticleContent; readonly status: Exclude<ArticleStatus, 'retired'> | 'retired' }
  | { readonly ok: false; readonly problems: FileProblem[] };

export function parseArticleFile(text: string): ParsedFile {
  if (text.length > MAX_FILE_CHARS) return { ok: false, problems: [{ line: 1, code: 'too-large', limit: MAX_FILE_CHARS }] };
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (lines[0]?.trim() !== '---') return { ok: false, problems: [{ line: 1, code: 'no-front-matter' }] };
  const end = lines.indexOf('---', 1);
  if (end < 0) return { ok: false, problems: [{ line: 1, code: 'unclosed-front-matter' }] };
  const problems: FileProblem[] = [];
  const values: Record<string, string> = {};
  const lineOf: Record<string, number> = {};
  for (let i = 1; i < end; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = /^([a-z-]{1,20}):\s?(.*)$/.exec(line);
    const key = match ? KEYS[match[1]!] : undefined;
    if (!match || !key) {
      problems.push({ line: i + 1, code: 'unknown-key' });
      continue;
    }
    values[key] = match[2]!.trim().replace(/^"(.*)"$/, '$1');
    lineOf[key] = i + 1;
  }
  const status = values.status || 'draft';
  if (!['draft', 'published', 'retired'].includes(status)) problems.push({ line: lineOf.status ?? 1, code: 'bad-status' });
  // The answer is trimmed when checked: its first line is the first non-blank one after the front matter.
  let answerStart = end + 1;
  while (answerStart < lines.length - 1 && lines[answerStart]!.trim() === '') answerStart++;
  const checked = checkArticle({ ...(values as Partial<ArticleInput>), answer: lines.slice(answerStart).join('\n') } as ArticleInput);
  if (!checked.ok) problems.push(...checked.problems.map((p) => fileProblem(p, lineOf, answerStart)));
  if (problems.length > 0 || !checked.ok) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  return { ok: true, content: checked.value, status: status as ArticleStatus };
}

function fileProblem(problem: ArticleProblem, lineOf: Readonly<Record<string, number>>, answerStart: number): FileProblem {
  const key = problem.field === 'solutions' ? 'solutions' : problem.field;
  if ('line' in problem) return { line: answerStart + problem.line, code: 'markdown', construct: problem.problem };
  const field = key === 'reviewBy' ? 'review-by' : key;
  const line = problem.field === 'answer' ? answerStart + 1 : (lineOf[key] ?? 1);
  return { line, code: 'field', field, problem: problem.problem, ...(problem.limit !== undefined ? { limit: problem.limit } : {}) };
}

export function formatArticleFile(article: Article): string {
  const list = (items: readonly string[]) => items.join(', ');
  const lines = [
    '---',
    `id: ${article.id}`,
    `title: ${article.title}`,
    `language: ${article.language}`,
    `status: ${article.status}`,
    ...(article.categories.length ? [`categories: ${list(article.categories)}`] : []),
    ...(article.solutionIds.length ? [`solutions: ${list(article.solutionIds)}`] : []),
    ...(article.keywords.length ? [`keywords: ${list(article.keywords)}`] : []),
    ...(article.reviewBy ? [`review-by: ${article.reviewBy}`] : []),
    '---',
    article.answer,
    '',
  ];
  return lines.join('\n');
}
