/**
 * Bulk seeding of the knowledge base (`npm run kb -- import`): each file parsed and checked
 * (article-file.ts), then created, or updated when its content changed, with its history; a second
 * run of the same files changes nothing. Files with problems are reported with their lines and
 * skipped; the others are still imported.
 */
import type { Article, ArticleContent, ArticleStatus } from '../../domain/knowledge/article';
import { newArticle } from '../../domain/knowledge/article';
import { parseArticleFile, type FileProblem } from '../../domain/knowledge/article-file';
import type { ArticleEvent } from '../../domain/knowledge/article-history';
import { canMove } from '../../domain/knowledge/article-status';
import type { PersonRef } from '../../domain/history';
import type { Clock } from '../../domain/ports/clock';
import type { ArticleRepository } from '../../domain/ports/knowledge';

export interface ArticleFile {
  readonly name: string;
  readonly text: string;
}

export interface ImportReport {
  readonly created: string[];
  readonly updated: string[];
  readonly unchanged: string[];
  readonly problems: Array<FileProblem & { readonly file: string }>;
}

export async function importArticles(
  files: readonly ArticleFile[],
  articles: ArticleRepository,
  author: PersonRef,
  clock: Clock,
): Promise<ImportReport> {
  const report: ImportReport = { created: [], updated: [], unchanged: [], problems: [] };
  const seen = new Map<string, string>();
  for (const file of files) {
    const parsed = parseArticleFile(file.text);
    if (!parsed.ok) {
      report.problems.push(...parsed.problems.map((p) => ({ ...p, file: file.name })));
      continue;
    }
    const { content, status } = parsed;
    const earlier = seen.get(content.id);
    if (earlier) {
      report.problems.push({ file: file.name, line: 2, code: 'duplicate-id', id: content.id, earlier });
      continue;
    }
    seen.set(content.id, file.name);
    const outcome = await importOne(content, status, file.name, articles, author, clock.now());
    report[outcome].push(content.id);
  }
  return report;
}

/** One checked article: created, or updated when its content or status changed (with history). */
export async function importOne(
  content: ArticleContent,
  status: ArticleStatus,
  file: string,
  articles: ArticleRepository,
  by: PersonRef,
  now: Date,
): Promise<'created' | 'updated' | 'unchanged'> {
  const at = now.toISOString();
  const stored = await articles.get(content.id);
  if (!stored) {
    const draft = newArticle({ ...content, source: { kind: 'import', file } }, by, now);
    const events: ArticleEvent[] = [{ type: 'created', at, by }];
    if (status !== 'draft') events.push({ type: 'status', at, by, from: 'draft', to: status });
    await articles.create({ ...draft, status, ...(status === 'published' ? { publishedAt: at } : {}) }, events);
    return 'created';
  }
  const current = stored.article;
  const next: Article = { ...current, ...content, reviewBy: content.reviewBy };
  const edited = !sameContent(current, next);
  const moved = current.status !== status && (canMove(current.status, status) || status === 'retired');
  if (!edited && !moved) return 'unchanged';
  const events: ArticleEvent[] = [];
  if (edited) events.push({ type: 'edited', at, by });
  if (moved) events.push({ type: 'status', at, by, from: current.status, to: status });
  await articles.update(
    stored,
    {
      ...next,
      status: moved ? status : current.status,
      version: current.version + 1,
      updatedAt: at,
      ...(moved && status === 'published' ? { publishedAt: at } : {}),
    },
    events,
  );
  return 'updated';
}

function sameContent(a: Article, b: Article): boolean {
  const pick = (x: Article) =>
    JSON.stringify([x.title, x.answer, x.language, x.solutionIds, x.categories, x.keywords, x.reviewBy ?? '', x.owner?.aadObjectId ?? '']);
  return pick(a) === pick(b);
}
