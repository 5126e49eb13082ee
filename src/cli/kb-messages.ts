/** The kb CLI's words for the problems of an article file (codes from src/domain/knowledge/article-file.ts). */
import { FRONT_MATTER_KEYS, type FileProblem } from '../domain/knowledge/article-file';
import { ARTICLE_CSV_COLUMNS } from '../domain/knowledge/article-csv-row';
import type { CsvHeaderProblem } from '../services/knowledge/article-csv';
import type { CsvRowProblem } from '../services/knowledge/article-csv-import';

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

/** The kb CLI's words for a CSV file's problems (codes from src/services/knowledge/article-csv*.ts). */
export function csvHeaderMessage(problem: CsvHeaderProblem | { readonly code: 'too-many-rows'; readonly limit: number }): string {
  switch (problem.code) {
    case 'not-csv':
      return `${problem.line !== undefined ? `line ${problem.line}: ` : ''}not valid CSV: ${problem.detail}`;
    case 'empty':
      return 'the file is empty (expected a header row: ' + ARTICLE_CSV_COLUMNS.join(', ') + ')';
    case 'unknown-column':
      return `header: unknown column "${problem.column}" (expected: ${ARTICLE_CSV_COLUMNS.join(', ')})`;
    case 'duplicate-column':
      return `header: column ${problem.column} appears twice`;
    case 'missing-column':
      return `header: column ${problem.column} is missing`;
    case 'too-many-rows':
      return `the file has more than ${problem.limit} rows`;
  }
}

export function csvRowMessage(problem: CsvRowProblem): string {
  const at = `row ${problem.row} (line ${problem.line})`;
  switch (problem.code) {
    case 'cell-count':
      return `${at}: the row has ${problem.found} cells; the header has ${problem.expected}`;
    case 'duplicate-id':
      return `${at}, column id: ${problem.id} is also the id of row ${problem.earlierRow}`;
    case 'bad-status':
      return `${at}, column status: must be draft, published or retired`;
    case 'owner':
      return `${at}, column owner: expected Name [entra-object-id] or Name <email> [entra-object-id]`;
    case 'markdown':
      return `${at}, column answer, line ${problem.answerLine} of the answer: ${problem.construct} is not allowed (only paragraphs, lists, bold, italic)`;
    case 'field':
      return `${at}, column ${problem.column}: ${problem.problem}${problem.limit !== undefined ? ` (limit ${problem.limit})` : ''}`;
  }
}
