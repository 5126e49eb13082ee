/**
 * The knowledge base's CSV codec (services/knowledge/article-csv.ts): whatever the cells hold
 * (quotes, commas, line breaks, leading "=" or "-", Korean, emoji), writing rows and reading them
 * back gives the same cells, and each row's line is where it starts in the file.
 */
import fc from 'fast-check';
import { ARTICLE_CSV_COLUMNS, type ArticleCsvColumn } from '../../../src/domain/knowledge/article-csv-row';
import { readArticleCsv, writeCsvRows } from '../../../src/services/knowledge/article-csv';

/** Characters that break naive CSV, and text from the bot's languages. */
const PIECES = ['"', ',', '\n', ';', "'", '=', '-', '+', '@', ' ', 'a', 'Z', 'é', '환경', '🚀', '👩🏽‍💻', '**', '\t'];
const cell = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));
const row = fc.record(Object.fromEntries(ARTICLE_CSV_COLUMNS.map((c) => [c, cell])) as Record<ArticleCsvColumn, fc.Arbitrary<string>>);
// A row of blank cells is no record (as a spreadsheet leaves them): give each row a non-blank id.
const rows = fc.array(
  row.map((r) => ({ ...r, id: `x${r.id}` })),
  { maxLength: 8 },
);

describe('the knowledge base CSV', () => {
  it('reads back exactly the cells it wrote', () => {
    fc.assert(
      fc.property(rows, (written) => {
        const read = readArticleCsv(writeCsvRows(written));
        if (!read.ok) throw new Error(JSON.stringify(read.problem));
        expect(read.rows.map((r) => r.cells)).toEqual(written);
        expect(read.rows.every((r) => r.cellCount === undefined)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('numbers rows from 1 and gives the line each starts on, line breaks inside cells counted', () => {
    const blank = Object.fromEntries(ARTICLE_CSV_COLUMNS.map((c) => [c, ''])) as Record<ArticleCsvColumn, string>;
    const read = readArticleCsv(
      writeCsvRows([
        { ...blank, id: 'a', answer: 'one\ntwo\nthree' },
        { ...blank, id: 'b' },
      ]),
    );
    expect(read.ok && read.rows.map(({ row, line }) => [row, line])).toEqual([
      [1, 2],
      [2, 5],
    ]);
  });
});
