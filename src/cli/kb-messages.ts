/** The kb CLI's words for the problems of an article file (codes from src/domain/knowledge/article-file.ts). */
import { FRONT_MATTER_KEYS, type FileProblem } from '../domain/knowledge/article-file';

export function problemMessage(problem: FileProblem): string {
  switch (problem.code) {
    case 'too-large':
      return `file is longer than ${problem.limit} characters`;
    case 'no-front-matter':
      return 'expected front matter starting with ---';
    case 'unclosed-front-matter':
      return 'front matter is not closed with ---';
    case 'unknown-key':
      return `unknown front matter line (expected one of: ${FRONT_MATTER_KEYS.join(', ')})`;
    case 'bad-status':
      return 'status must be draft, published or retired';
    case 'markdown':
      return `answer: ${problem.construct} is not allowed (only paragraphs, lists, bold, italic)`;
    case 'field':
      return `${problem.field}: ${problem.problem}${problem.limit !== undefined ? ` (limit ${problem.limit})` : ''}`;
    case 'duplicate-id':
      return `id ${problem.id} is also the id of ${problem.earlier}`;
  }
}
